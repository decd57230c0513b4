/**
 * The shipped fonts the baselines use, read straight from fonts/ via the manifest:
 * one family per role, in fallback order (Mongolian, Latin, Han sans), with the
 * regular face and, where fonts/ has one, the bold face — the same files qoyar
 * renders with. Noto Sans Mongolian has no bold: satori emboldens the regular face
 * (an outline stroke of 1/32 em), as Chromium's synthetic bold does too.
 */
import { readFileSync } from 'node:fs'
import type { FontManifest, FontRole } from '../src/fonts/manifest.js'

const FONTS = new URL('../fonts/', import.meta.url)

export interface BenchFont {
  /** Short family name used in CSS / takumi (M, L, S). */
  alias: string
  role: FontRole
  /** qoyar's font id (manifest `id`). */
  id: string
  weight: number
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

/** Every face of the three roles: regular first (required), then bold where shipped. */
export function benchFonts(): BenchFont[] {
  if (cached) return cached
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', FONTS), 'utf8')) as FontManifest
  cached = ROLES.flatMap(([alias, role]) => {
    const faces = manifest.fonts.filter((f) => f.role === role && (f.weight === 400 || f.weight === 700))
    if (!faces.some((f) => f.weight === 400)) throw new Error(`fonts/manifest.json has no regular ${role} font`)
    return faces
      .sort((a, b) => a.weight - b.weight)
      .map((entry) => ({
        alias,
        role,
        id: entry.id,
        weight: entry.weight,
        file: entry.file,
        format: entry.format,
        data: readFileSync(new URL(entry.file, FONTS)),
      }))
  })
  return cached
}

/** The bench alias and real weight of one of qoyar's font ids (what a piece of its layout was drawn with). */
export function faceOf(fontId: string): BenchFont {
  const f = benchFonts().find((x) => x.id === fontId)
  if (!f) throw new Error(`no bench font for qoyar font "${fontId}"`)
  return f
}

/** CSS font-family list in fallback order: "M, L, S". */
export const fontStack = (): string => [...new Set(benchFonts().map((f) => f.alias))].join(', ')

/** @font-face rules with the font files inlined as data URLs (as in test/chromium-reference.test.ts). */
export function fontFaceCss(): string {
  return benchFonts()
    .map(
      (f) =>
        `@font-face{font-family:${f.alias};font-weight:${f.weight};src:url(data:font/${f.format === 'truetype' ? 'ttf' : 'otf'};base64,${f.data.toString('base64')})}`,
    )
    .join('')
}
