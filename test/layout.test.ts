/** Geometry of the text layout: the facts a sign-maker checks by eye. */
import { describe, expect, it } from 'vitest'
import { UncoveredCodePointsError } from '../src/errors.js'
import { fitText, fitsIn, inkExtentOf } from '../src/text/fit.js'
import { layoutText } from '../src/text/layout.js'
import type { Piece, TextLayout } from '../src/text/types.js'
import { env } from './helpers/env.js'
import { MVS, NNBSP } from '../src/text/mongolian/controls.js'

const fonts = env.fonts
const roleOf = (p: Piece) => fonts.byId.get(p.fontId)!.role
const pieces = (l: TextLayout) => l.lines.flatMap((line) => line.pieces)
const MN = 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ'

describe('vertical Mongolian', () => {
  const l = layoutText(fonts, { text: MN, orientation: 'vertical', fontSize: 64 })

  it('is one column drawn by the Mongolian font, turned with the line', () => {
    expect(l.lines).toHaveLength(1)
    expect(l.progression).toBe('ltr')
    const ps = pieces(l)
    expect(ps.every((p) => p.mode === 'rotated')).toBe(true)
    expect(ps.every((p) => roleOf(p) === 'mongolian')).toBe(true)
  })

  it('runs top to bottom: the column is tall and narrow, the first word above the second', () => {
    expect(l.height).toBeGreaterThan(l.width * 2)
    const words = layoutText(fonts, { text: MN, orientation: 'vertical', fontSize: 64, maxLength: 1 })
    // Each word alone in its column, and the first word's column is leftmost.
    expect(words.lines.map((x) => x.text)).toEqual(['ᠮᠣᠩᠭᠣᠯ', 'ᠪᠢᠴᠢᠭ'])
    expect(words.lines[0]!.box.x0).toBeLessThan(words.lines[1]!.box.x0)
  })

  it('turns clockwise: glyph tops face right, so the baseline lies left of the column centre', () => {
    const p = pieces(l)[0]!
    const centre = (l.lines[0]!.box.x0 + l.lines[0]!.box.x1) / 2
    // Rotating (x, y) → (origin.x - y, origin.y + x): ascent ends up at +x.
    expect(p.box.x1 - p.origin.x).toBeCloseTo(p.ascent, 5)
    expect(p.origin.x - p.box.x0).toBeCloseTo(p.descent, 5)
    // Noto Sans Mongolian's ascent (1.457 em) exceeds its descent (0.293 em),
    // so a clockwise turn puts the baseline left of centre; counter-clockwise would put it right.
    expect(p.origin.x).toBeLessThan(centre)
  })

  it('shapes whole runs: joined forms make the measured width differ from the sum of isolated letters', () => {
    const word = 'ᠮᠣᠩᠭᠣᠯ'
    const joined = layoutText(fonts, { text: word, orientation: 'horizontal', fontSize: 100 }).lines[0]!.length
    const isolated = [...word]
      .map((ch) => layoutText(fonts, { text: ch, orientation: 'horizontal', fontSize: 100 }).lines[0]!.length)
      .reduce((a, b) => a + b, 0)
    expect(Math.abs(joined - isolated)).toBeGreaterThan(10)
  })
})

describe('column breaking', () => {
  const text = `ᠨᠣᠮ${NNBSP}ᠤᠨ ᠮᠣᠩᠭᠣᠯ᠂ ᠬᠢᠲᠠᠳ᠃ ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ`
  const oneWordWide = layoutText(fonts, { text: 'ᠮᠣᠩᠭᠣᠯ᠂', orientation: 'vertical', fontSize: 48 }).height
  const l = layoutText(fonts, { text, orientation: 'vertical', fontSize: 48, maxLength: oneWordWide + 1 })

  it('breaks only at spaces and after ᠂ ᠃, never at NNBSP', () => {
    expect(l.lines.length).toBeGreaterThan(2)
    for (const line of l.lines) {
      expect(line.text.startsWith(' ')).toBe(false)
      expect(line.text).not.toMatch(/^\u202F|\u202F$/)
    }
    expect(l.lines.map((x) => x.text)).toContain(`ᠨᠣᠮ${NNBSP}ᠤᠨ`)
    // Every break lands after a space or after Mongolian punctuation.
    for (let i = 0; i + 1 < l.lines.length; i++) {
      const next = l.lines[i + 1]!
      const before = l.text.slice(0, next.start)
      expect(before).toMatch(/[ \u1802\u1803]$/)
    }
  })

  it('lays columns left to right, each one column pitch apart, none longer than the limit', () => {
    const xs = l.lines.map((x) => x.box.x0)
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!)
    const pitch = xs[1]! - xs[0]!
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeCloseTo(pitch, 5)
    for (const line of l.lines) expect(line.length).toBeLessThanOrEqual(oneWordWide + 1 + 1e-6)
    expect(l.overflow).toBe(false)
  })

  it('flags a word longer than the column instead of splitting it', () => {
    const tight = layoutText(fonts, { text: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', orientation: 'vertical', fontSize: 48, maxLength: 40 })
    expect(tight.lines).toHaveLength(1)
    expect(tight.overflow).toBe(true)
  })
})

describe('mixed Mongolian, digits and Chinese in a vertical line', () => {
  const l = layoutText(fonts, { text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结', orientation: 'vertical', fontSize: 64 })
  const ps = pieces(l)

  it('keeps Han characters upright, one em cell each, in a Han font', () => {
    const han = ps.filter((p) => /\p{Script=Han}/u.test(p.text))
    expect(han.map((p) => p.text)).toEqual(['民', '族', '团', '结'])
    for (const p of han) {
      expect(p.mode).toBe('upright')
      expect(roleOf(p)).toBe('han-sans')
      expect(p.box.y1 - p.box.y0).toBeCloseTo(64, 5)
      // An upright ideograph's ink is about as tall as it is wide.
      const ink = p.ink!
      expect((ink.y1 - ink.y0) / (ink.x1 - ink.x0)).toBeGreaterThan(0.8)
      expect((ink.y1 - ink.y0) / (ink.x1 - ink.x0)).toBeLessThan(1.25)
    }
  })

  it('runs digits sideways with the line, in the Latin face', () => {
    const digits = ps.find((p) => p.text === '2024')!
    expect(digits.mode).toBe('rotated')
    expect(roleOf(digits)).toBe('latin')
    // Turned: the four digits extend down the column, not across it.
    expect(digits.ink!.y1 - digits.ink!.y0).toBeGreaterThan(2 * (digits.ink!.x1 - digits.ink!.x0))
  })

  it('stacks runs in reading order without overlap, on one shared baseline inside the column', () => {
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.box.y0).toBeCloseTo(ps[i - 1]!.box.y1, 5)
    const rotated = ps.filter((p) => p.mode === 'rotated')
    for (const p of rotated) expect(p.origin.x).toBeCloseTo(rotated[0]!.origin.x, 5)
    const upright = ps.filter((p) => p.mode === 'upright')
    for (const p of upright) expect(p.box.x0).toBeCloseTo(upright[0]!.box.x0, 5)
    const column = l.lines[0]!.box
    for (const p of ps) {
      expect(p.box.x0).toBeGreaterThanOrEqual(column.x0 - 1e-6)
      expect(p.box.x1).toBeLessThanOrEqual(column.x1 + 1e-6)
    }
    // The Mongolian run's central baseline is the column's centre.
    const mn = ps[0]!
    expect((mn.box.x0 + mn.box.x1) / 2).toBeCloseTo((column.x0 + column.x1) / 2, 5)
  })
})

describe('Chinese', () => {
  it('horizontal: one line left to right', () => {
    const l = layoutText(fonts, { text: '民族团结是各族人民的生命线', orientation: 'horizontal', fontSize: 40 })
    expect(l.lines).toHaveLength(1)
    expect(l.width).toBeCloseTo(13 * 40, 0)
    const xs = pieces(l).map((p) => p.box.x0)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
  })

  it('vertical: upright stacked characters, columns right to left', () => {
    const l = layoutText(fonts, { text: '民族团结\n共同进步', orientation: 'vertical', fontSize: 40 })
    expect(l.progression).toBe('rtl')
    expect(l.lines.map((x) => x.text)).toEqual(['民族团结', '共同进步'])
    expect(l.lines[0]!.box.x0).toBeGreaterThan(l.lines[1]!.box.x0)
    expect(pieces(l).every((p) => p.mode === 'upright')).toBe(true)
  })

  it('vertical punctuation takes its vertical form, in the top-right of its cell', () => {
    const l = layoutText(fonts, { text: '结，', orientation: 'vertical', fontSize: 100 })
    const comma = pieces(l)[1]!
    expect(comma.features).toBe('vert')
    const cx = (comma.box.x0 + comma.box.x1) / 2
    const cy = (comma.box.y0 + comma.box.y1) / 2
    expect(comma.ink!.x0).toBeGreaterThan(cx)
    expect(comma.ink!.y1).toBeLessThan(cy)
    const horizontal = layoutText(fonts, { text: '，', orientation: 'horizontal', fontSize: 100 })
    const hComma = pieces(horizontal)[0]!
    // Horizontally the comma sits low and left.
    expect(hComma.ink!.x1).toBeLessThan((hComma.box.x0 + hComma.box.x1) / 2)
  })
})

describe('fit to a box', () => {
  const box = { width: 300, height: 600 }
  const spec = { text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', orientation: 'vertical' as const }

  it('picks the largest size that fits: one step larger does not', () => {
    const r = fitText(fonts, spec, box, { minSize: 8, maxSize: 400 })
    expect(r.fits).toBe(true)
    expect(fitsIn(r.layout, box, inkExtentOf)).toBe(true)
    const bigger = layoutText(fonts, { ...spec, fontSize: r.fontSize + 0.25, maxLength: box.height })
    expect(fitsIn(bigger, box, inkExtentOf)).toBe(false)
    const e = inkExtentOf(r.layout)
    expect(e.x1 - e.x0).toBeLessThanOrEqual(box.width)
    expect(e.y1 - e.y0).toBeLessThanOrEqual(box.height)
  })

  it('says so when even the smallest size does not fit', () => {
    const r = fitText(fonts, spec, { width: 20, height: 20 }, { minSize: 12, maxSize: 100 })
    expect(r.fits).toBe(false)
    expect(r.fontSize).toBe(12)
  })
})

describe('coverage', () => {
  it('names every code point no font covers', () => {
    try {
      layoutText(fonts, { text: 'ᠮᠣᠩᠭᠣᠯ \u{1F600} ꡀ', orientation: 'vertical', fontSize: 32 })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(UncoveredCodePointsError)
      const err = e as UncoveredCodePointsError
      expect(err.status).toBe(422)
      expect((err.details as { codePoints: string[] }).codePoints).toEqual(['U+1F600', 'U+A840'])
      expect(err.message).toContain('U+1F600')
    }
  })

  it('lets shaping controls through to the Mongolian run: FVS, MVS, NNBSP', () => {
    const l = layoutText(fonts, { text: `ᠪᠢᠴᠢᠭ\u180C ᠡᠮᠨᠡᠯᠭ${MVS}ᠡ ᠨᠣᠮ${NNBSP}ᠤᠨ`, orientation: 'vertical', fontSize: 32 })
    const ps = pieces(l)
    expect(ps).toHaveLength(1)
    expect(ps[0]!.text).toBe(`ᠪᠢᠴᠢᠭ\u180C ᠡᠮᠨᠡᠯᠭ${MVS}ᠡ ᠨᠣᠮ${NNBSP}ᠤᠨ`)
  })
})
