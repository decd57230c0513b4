/**
 * The shipped fonts the baselines use, read straight from fonts/ via the manifest:
 * one regular face per role, in fallback order (Mongolian, Latin, Han sans) — the
 * same files qoyar renders with.
 */
import { readFileSync } from 'node:fs'
import type { FontManifest, FontRole } from '../src/fonts/manifest.js'

const FONTS = new URL('../fonts/', import.meta.url)

export interface BenchFont {
  /** Short family name used in CSS / takumi (M, L, S). */
  alias: string
  role: FontRole
  file: string
  format: 'truetype' | 'opentype-cff'
  data: Buffer
}

const ROLES: [alias: string, role: FontRole][] = [
  ['M', 'mongolian'],
  ['L', 'latin'],
  ['S', 'han-sans'],
]

let cached: BenchFont[] | undefined

export function benchFonts(): BenchFont[] {
  if (cached) return cached
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', FONTS), 'utf8')) as FontManifest
  cached = ROLES.map(([alias, role]) => {
    const entry = manifest.fonts.find((f) => f.role === role && f.weight === 400)
    if (!entry) throw new Error(`fonts/manifest.json has no regular ${role} font`)
    return { alias, role, file: entry.file, format: entry.format, data: readFileSync(new URL(entry.file, FONTS)) }
  })
  return cached
}

/** CSS font-family list in fallback order: "M, L, S". */
export const fontStack = (): string => benchFonts().map((f) => f.alias).join(', ')

/** @font-face rules with the font files inlined as data URLs (as in test/chromium-reference.test.ts). */
export function fontFaceCss(): string {
  return benchFonts()
    .map((f) => `@font-face{font-family:${f.alias};src:url(data:font/${f.format === 'truetype' ? 'ttf' : 'otf'};base64,${f.data.toString('base64')})}`)
    .join('')
}
