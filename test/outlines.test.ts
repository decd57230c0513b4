/**
 * Glyph outlines (src/fonts/outlines.ts) stay bounded: the memo lets old
 * outlines go past its bytes, and opentype.js, which keeps every
 * glyph it reads, is parsed afresh after READS_PER_PARSE glyphs. What comes
 * back after either is the same outline.
 */
import { describe, expect, it } from 'vitest'
import { glyphOutline, OUTLINE_MEMO_BYTES, outlineStats, READS_PER_PARSE } from '../src/fonts/outlines.js'
import { env } from './helpers/env.js'

const sc = () => {
  const font = env.fonts.byId.get('noto-sans-sc-regular')
  if (!font) throw new Error('no noto-sans-sc-regular')
  return font
}

describe('glyph outlines', () => {
  it('reads a glyph once while it is in the memo, again after the memo let it go, and the same outline both times', () => {
    const font = sc()
    // A glyph id in the CJK range of the face, away from the others read below.
    const first = glyphOutline(font, 5000)
    const reads = outlineStats().reads
    expect(glyphOutline(font, 5000)).toBe(first)
    expect(outlineStats().reads).toBe(reads)
    // Enough other glyphs to pass the memo's bytes (each is ≥ 64 B and, for this face, ≈ 3 KB).
    let commands = 0
    for (let id = 5001; id < 9900; id++) commands += glyphOutline(font, id).commands.length
    expect(64 * 4899 + commands * 80).toBeGreaterThan(OUTLINE_MEMO_BYTES)
    const again = glyphOutline(font, 5000)
    expect(outlineStats().reads).toBeGreaterThan(reads + 4000)
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })

  it('parses opentype.js afresh after READS_PER_PARSE glyphs, so it never holds more than that many', () => {
    const font = sc()
    const before = outlineStats()
    for (let id = 1000; id < 1000 + 2 * READS_PER_PARSE + 1; id++) glyphOutline(font, id)
    const after = outlineStats()
    expect(after.reads - before.reads).toBe(2 * READS_PER_PARSE + 1)
    expect(after.parses - before.parses).toBeGreaterThanOrEqual(2)
  })
})
