/** Headless Chromium for the comparison and studio tests: the launch, and the shipped fonts as @font-face rules. */
import { readFileSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { env } from './env.js'
import { CHROMIUM, CHROMIUM_ARGS } from './tools.js'

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })

/** `family` as the regular shipped face of `role`, inlined as a data: URL, so Chromium draws with our font files and fetches nothing. */
export function fontFace(family: string, role: string): string {
  const entry = env.manifest.fonts.find((f) => f.role === role && f.weight === 400)!
  const data = readFileSync(new URL(`../../fonts/${entry.file}`, import.meta.url)).toString('base64')
  return `@font-face{font-family:${family};src:url(data:font/${entry.format === 'truetype' ? 'ttf' : 'otf'};base64,${data})}`
}
