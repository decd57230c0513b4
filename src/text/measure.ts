/**
 * Visual size of laid-out text, the measure the regional rules compare ("字号相等"): how large
 * the letters look, not how far their ink reaches. For Traditional Mongolian that is the body of
 * the letters (their x-height: the band of ᠠᠠᠠ, without the tails and ascenders of other letters);
 * for Chinese the character face (字面, the ink of 国); Arabic and Tibetan from ascender (stack) to
 * descender; for other scripts their x-height (x).
 * It is a property of the font and the size, the same for every text, so a line without tails
 * does not read as smaller type.
 */
import type { LoadedFont } from '../fonts/font-set.js'
import type { HarfBuzz } from '../fonts/harfbuzz.js'
import type { Script } from './script.js'
import { SCRIPT_PROFILES } from './scripts/profiles.js'
import { shape } from './shape.js'
import type { TextLayout } from './types.js'

/**
 * The letters whose ink across the line is a script's visual size. Arabic and Tibetan are measured
 * over their profile's sample, from the tallest ascender or stack to the deepest descender: a fixed
 * text, so a line without stacks or descenders does not read as larger type.
 */
const REFERENCE: Partial<Record<Script, string>> = {
  Mong: 'ᠠᠠᠠ',
  Hani: '国',
  Kana: '国',
  Hang: '국',
  Latn: 'x',
  Cyrl: 'х',
  Arab: SCRIPT_PROFILES.Arab!.sample,
  Tibt: SCRIPT_PROFILES.Tibt!.sample,
}

/** Visual size per font unit of font size, for a font drawing a script; null when the script has no reference. */
export function facePerUnit(hb: HarfBuzz, font: LoadedFont, script: Script): number | null {
  const ref = REFERENCE[script]
  if (!ref || ![...ref].every((c) => font.codepoints.has(c.codePointAt(0)!))) return null
  const ink = shape(hb, font, ref, false).ink
  return ink ? (ink.y1 - ink.y0) / font.upem : null
}

/** The visual size of a block, px: the one its layout measured (see facePerUnit). */
export function crossInk(layout: TextLayout): number {
  return layout.visualSize
}

/** Ink across the script on the largest line: the fallback for scripts without a reference. */
export function inkAcross(layout: TextLayout): number {
  let best = 0
  for (const line of layout.lines) {
    if (!line.ink) continue
    const extent = layout.orientation === 'vertical' ? line.ink.x1 - line.ink.x0 : line.ink.y1 - line.ink.y0
    best = Math.max(best, extent)
  }
  return best
}
