/**
 * Visual size of laid-out text, the measure the regional rules compare ("字号相等"): how large
 * the letters look, not how far their ink reaches. For Traditional Mongolian that is the body of
 * the letters (their x-height: the band of ᠠᠠᠠ, without the tails and ascenders of other letters);
 * for Chinese the character face (字面, the ink of 国); for Arabic its alef, for Tibetan the mean of
 * a consonant with a leg and one without (ཀ, ང), their descenders, stacks and vowel signs excluded
 * as the Mongolian tails are; for other scripts their x-height (x).
 * It is a property of the font and the size, the same for every text, so a line without tails
 * does not read as smaller type.
 */
import type { LoadedFont } from '../fonts/font-set.js'
import type { HarfBuzz } from '../fonts/harfbuzz.js'
import type { Script } from './script.js'
import { shape } from './shape.js'
import type { TextLayout } from './types.js'

/**
 * The letters whose ink height is a script's visual size; several are averaged. Naskh's teeth are
 * half its alef's height (0.34 against 0.67 em), too low to stand for its size as the x-height
 * does for Latin: its size is the alef, its descenders (ر ى ۇ 0.26 em, a final ي 0.43) hang below
 * as the Mongolian tails do. Tibetan letters differ in height more than any other's: half the
 * consonants hang a leg below the line (ཀ 1.15 em, head line to foot), half do not (ང 0.62):
 * its size is their mean, the stacks and vowel signs (1.55 em with both) excluded. Measured from
 * ascender (stack) to descender instead, as before, a Uyghur body was set at 0.79 and a Tibetan
 * one at 0.56 of the Chinese font size beside it, and read clearly smaller (issue 15).
 */
const REFERENCE: Partial<Record<Script, readonly string[]>> = {
  Mong: ['ᠠᠠᠠ'],
  Hani: ['国'],
  Kana: ['国'],
  Hang: ['국'],
  Latn: ['x'],
  Cyrl: ['х'],
  Arab: ['ا'],
  Tibt: ['ཀ', 'ང'],
}

/** Visual size per font unit of font size, for a font drawing a script; null when the script has no reference. */
export function facePerUnit(hb: HarfBuzz, font: LoadedFont, script: Script): number | null {
  const refs = REFERENCE[script]
  if (!refs || !refs.every((ref) => [...ref].every((c) => font.codepoints.has(c.codePointAt(0)!)))) return null
  let sum = 0
  for (const ref of refs) {
    const ink = shape(hb, font, ref, false).ink
    if (!ink) return null
    sum += ink.y1 - ink.y0
  }
  return sum / refs.length / font.upem
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
