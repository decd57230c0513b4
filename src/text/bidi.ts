/**
 * The bidirectional pass (UAX #9) for horizontal lines: embedding levels from
 * bidi-js (a full implementation that passes Unicode's conformance tests),
 * then the line's runs put in visual order (rule L2) and the mirrored forms of
 * brackets in right-to-left runs (L4). Each run is drawn by satori on its
 * own, in one direction, so satori never has to reorder anything.
 */
import bidiFactory from 'bidi-js'

const bidi = bidiFactory()

export interface Levels {
  /** Embedding level per UTF-16 code unit: odd = right to left. */
  levels: Uint8Array
  /** The paragraph's base level: 1 when its first strong character is right to left. */
  base: number
}

/** Levels for text whose paragraph direction is `direction` (auto = from its first strong character). */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl' | 'auto'): Levels {
  const r = bidi.getEmbeddingLevels(text, direction)
  return { levels: r.levels, base: r.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0) }
}

/** Whether the text has any character that makes the bidi pass matter (R, AL, AN, or explicit controls). */
export function needsBidi(text: string): boolean {
  for (const ch of text) {
    const t = bidi.getBidiCharTypeName(ch)
    if (t === 'R' || t === 'AL' || t === 'AN' || t === 'RLE' || t === 'RLO' || t === 'RLI') return true
  }
  return false
}

/**
 * L2: from the highest level down to the lowest odd one, reverse every
 * maximal sequence of items at that level or higher. `items` are one line's
 * runs in logical order, each at a single level.
 */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const out = [...items]
  if (!out.length) return out
  const max = Math.max(...out.map((i) => i.level))
  const lowestOdd = Math.min(...out.map((i) => i.level).filter((l) => l % 2 === 1), max + 1)
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length;) {
      if (out[i]!.level < level) {
        i++
        continue
      }
      let j = i
      while (j < out.length && out[j]!.level >= level) j++
      const reversed = out.slice(i, j).reverse()
      out.splice(i, j - i, ...reversed)
      i = j
    }
  }
  return out
}

/**
 * Whether HarfBuzz (and satori) will shape this run right to left: it has a
 * right-to-left letter (R or AL). Such runs are mirrored by HarfBuzz itself;
 * a run of neutrals only is shaped left to right and needs mirrored() first.
 */
export function shapesRightToLeft(text: string): boolean {
  for (const ch of text) {
    const t = bidi.getBidiCharTypeName(ch)
    if (t === 'R' || t === 'AL') return true
  }
  return false
}

/** L4: characters with a mirrored form (brackets, ‹›, «») take it in a right-to-left run. */
export function mirrored(text: string): string {
  let out = ''
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch
  return out
}
