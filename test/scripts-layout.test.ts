/**
 * Korean, Uyghur/Kazakh and Tibetan in the layout: fonts, direction, breaks.
 * Right-to-left order is asserted on piece positions, never by eye.
 */
import { describe, expect, it } from 'vitest'
import { QoyarError } from '../src/errors.js'
import { embeddingLevels, mirrored, shapesRightToLeft, visualOrder } from '../src/text/bidi.js'
import { layoutText } from '../src/text/layout.js'
import { shape } from '../src/text/shape.js'
import type { Piece, TextLayout } from '../src/text/types.js'
import { env } from './helpers/env.js'

const fonts = env.fonts
const roleOf = (p: Piece) => fonts.byId.get(p.fontId)!.role
const pieces = (l: TextLayout) => l.lines.flatMap((line) => line.pieces)
const inked = (l: TextLayout) => pieces(l).filter((p) => p.ink)

describe('Korean', () => {
  it('is drawn by the Korean face, language ko by default, columns right to left, upright', () => {
    const l = layoutText(fonts, { text: '연변 조선족', orientation: 'vertical', fontSize: 64, maxLength: 140 })
    expect(l.lang).toBe('ko')
    expect(l.progression).toBe('rtl')
    expect(inked(l).every((p) => roleOf(p) === 'hangul' && p.mode === 'upright')).toBe(true)
    expect(l.lines.map((x) => x.text)).toEqual(['연변', '조선족'])
    // The first column is the rightmost.
    expect(l.lines[0]!.box.x0).toBeGreaterThan(l.lines[1]!.box.x0)
  })

  it('keeps words whole: breaks at spaces only, never between syllables (keep-all)', () => {
    const text = '연변조선족자치주 인민정부'
    const l = layoutText(fonts, { text, orientation: 'horizontal', fontSize: 40, maxLength: 200 })
    expect(l.lines.map((x) => x.text)).toEqual(['연변조선족자치주', '인민정부'])
    expect(l.lines[0]!.overflows).toBe(true)
    // The same text read as Chinese-style (UAX #14) would break between syllables.
    const zh = layoutText(fonts, { text, orientation: 'horizontal', fontSize: 40, maxLength: 200, lang: 'zh' })
    expect(zh.lines.length).toBeGreaterThan(2)
  })
})

describe('Uyghur and Kazakh', () => {
  const UG = 'شىنجاڭ 新疆 ئۇنىۋېرسىتېتى'

  it('runs right to left with the Chinese word left to right inside, in visual order', () => {
    const l = layoutText(fonts, { text: UG, orientation: 'horizontal', fontSize: 48 })
    expect(l.direction).toBe('rtl')
    expect(l.lang).toBe('ug')
    const ps = inked(l)
    // Visual order, left to right: ئۇنىۋېرسىتېتى, 新, 疆 (or 新疆), شىنجاڭ.
    const texts = ps.map((p) => p.text)
    expect(texts[0]).toBe('ئۇنىۋېرسىتېتى')
    expect(texts[texts.length - 1]).toBe('شىنجاڭ')
    expect(texts.slice(1, -1).join('')).toBe('新疆')
    // Positions strictly increase left to right, so the first logical word is rightmost.
    const xs = ps.map((p) => p.origin.x)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    expect(roleOf(ps[0]!)).toBe('arabic')
    expect(roleOf(ps[1]!)).toMatch(/^han-/)
  })

  it('keeps digits left to right inside Uyghur', () => {
    const l = layoutText(fonts, { text: 'مەكتەپ 2026 يىلى', orientation: 'horizontal', fontSize: 48 })
    const texts = inked(l).map((p) => p.text)
    expect(texts).toEqual(['يىلى', '2026', 'مەكتەپ'])
  })

  it('resolves levels with bidi-js (UAX #9): Arabic odd, Han and digits even and higher', () => {
    const { levels, base } = embeddingLevels(UG, 'rtl')
    expect(base).toBe(1)
    expect(levels[0]).toBe(1)
    expect(levels[UG.indexOf('新')]).toBe(2)
    expect(
      visualOrder([
        { level: 1, t: 'a' },
        { level: 2, t: 'b' },
        { level: 2, t: 'c' },
        { level: 1, t: 'd' },
      ]).map((x) => x.t),
    ).toEqual(['d', 'b', 'c', 'a'])
  })

  it('right-aligns its lines and breaks at spaces', () => {
    const l = layoutText(fonts, { text: 'شىنجاڭ ئۇيغۇر ئاپتونوم رايونى', orientation: 'horizontal', fontSize: 48, maxLength: 300 })
    expect(l.lines.length).toBeGreaterThan(1)
    for (const line of l.lines) {
      expect(line.text.startsWith(' ') || line.text.endsWith(' ')).toBe(false)
      const right = Math.max(...line.pieces.map((p) => p.origin.x + p.advance))
      expect(right).toBeCloseTo(l.width, 3)
    }
    const short = l.lines.find((x) => x.length < l.width - 1)
    if (short) expect(Math.min(...short.pieces.map((p) => p.origin.x))).toBeGreaterThan(1)
  })

  it("draws a right-to-left word's full stop as its own piece, left of the word", () => {
    const l = layoutText(fonts, { text: 'ئۇيغۇر تىلى. مەكتەپ', orientation: 'horizontal', fontSize: 48, lang: 'ug' })
    const stop = pieces(l).find((p) => p.text === '.')
    const word = pieces(l).find((p) => p.text === 'تىلى')
    expect(stop, 'the full stop is a piece of its own').toBeDefined()
    expect(word).toBeDefined()
    // Visual order: the stop ends the word on its left, before the next word further left.
    expect(stop!.origin.x + stop!.advance).toBeLessThanOrEqual(word!.origin.x + 0.5)
    expect(pieces(l).find((p) => p.text === 'مەكتەپ')!.origin.x).toBeLessThan(stop!.origin.x)
  })

  it('mirrors brackets inside right-to-left runs', () => {
    const l = layoutText(fonts, { text: 'شىنجاڭ (ئۈرۈمچى)', orientation: 'horizontal', fontSize: 48 })
    const brackets = pieces(l)
      .map((p) => p.text)
      .join('')
    // In visual order the closing bracket of the logical text is drawn first, as "(" mirrored.
    expect(brackets.indexOf('(')).toBeLessThan(brackets.indexOf(')'))
    expect(pieces(l).find((p) => p.text.includes(')'))!.origin.x).toBeGreaterThan(pieces(l).find((p) => p.text.includes('('))!.origin.x)
  })

  it('mirrors a bracket once: alone it takes the mirrored character; a run HarfBuzz shapes right to left is mirrored by HarfBuzz', () => {
    expect(mirrored('(')).toBe(')')
    expect(shapesRightToLeft('(')).toBe(false)
    expect(shapesRightToLeft('(ب')).toBe(true)
    expect(shapesRightToLeft('2026')).toBe(false)
  })

  it('shapes the same glyphs with language ug or kk as satori does without one (the font has no UGH/KAZ forms)', () => {
    const f = fonts.fonts.find((x) => x.role === 'arabic' && x.weight === 400)!
    for (const language of ['ug', 'kk'])
      expect(shape(fonts.hb, f, 'ئۇيغۇر تىلى', false, { language, script: 'Arab' })).toEqual(shape(fonts.hb, f, 'ئۇيغۇر تىلى', false))
  })

  it('refuses vertical Arabic-script text with a 422 and a stable code', () => {
    let err: unknown
    try {
      layoutText(fonts, { text: 'قازاق تىلى', orientation: 'vertical', fontSize: 48, lang: 'kk' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(QoyarError)
    expect((err as QoyarError).code).toBe('vertical_not_supported')
    expect((err as QoyarError).status).toBe(422)
  })

  it('takes its ink height from the Arabic face: dots and descenders below the baseline', () => {
    const l = layoutText(fonts, { text: 'ئۇيغۇر', orientation: 'horizontal', fontSize: 100 })
    const p = inked(l)[0]!
    expect(p.ink!.y1).toBeGreaterThan(p.origin.y + 10)
    expect(p.ink!.y0).toBeLessThan(p.origin.y - 40)
  })
})

describe('Tibetan', () => {
  const BO = 'བོད་ཡིག་སྒྲིག་འཛུགས།'

  it('breaks after tsheg and shad, never inside a syllable or a stack', () => {
    const l = layoutText(fonts, { text: BO, orientation: 'horizontal', fontSize: 48, maxLength: 1 })
    expect(l.lang).toBe('bo')
    expect(l.lines.map((x) => x.text)).toEqual(['བོད་', 'ཡིག་', 'སྒྲིག་', 'འཛུགས།'])
    expect(inked(l).every((p) => roleOf(p) === 'tibetan')).toBe(true)
  })

  it('fills lines up to the limit, each ending at a tsheg', () => {
    const one = layoutText(fonts, { text: BO, orientation: 'horizontal', fontSize: 48 })
    const l = layoutText(fonts, { text: BO, orientation: 'horizontal', fontSize: 48, maxLength: one.width * 0.6 })
    expect(l.lines).toHaveLength(2)
    expect(l.lines[0]!.text.endsWith('་')).toBe(true)
    expect(l.lines.map((x) => x.text).join('')).toBe(BO)
  })

  it('turns with the line in vertical text (UAX #50 R), columns right to left', () => {
    const l = layoutText(fonts, { text: BO, orientation: 'vertical', fontSize: 48 })
    expect(inked(l).every((p) => p.mode === 'rotated')).toBe(true)
    expect(l.progression).toBe('rtl')
    expect(l.height).toBeGreaterThan(l.width * 2)
  })
})

describe('script ink from each script’s own metrics', () => {
  it('measures Arabic ascenders and descenders and Tibetan stacks, not the em', async () => {
    const { scriptInk } = await import('../src/text/scripts/metrics.js')
    const han = scriptInk(fonts, 'Hani')!
    const hangul = scriptInk(fonts, 'Hang')!
    const arabic = scriptInk(fonts, 'Arab')!
    const tibetan = scriptInk(fonts, 'Tibt')!
    // Han and Hangul: a body a little under the em, almost nothing below the baseline.
    expect(han.across).toBeGreaterThan(0.8)
    expect(han.across).toBeLessThan(1)
    expect(hangul.below).toBeLessThan(0.15)
    // Arabic: descenders well below the baseline; Tibetan: stacks reach far below it.
    expect(arabic.below).toBeGreaterThan(0.25)
    expect(tibetan.below).toBeGreaterThan(arabic.below)
    expect(tibetan.across).toBeGreaterThan(han.across)
  })
})
