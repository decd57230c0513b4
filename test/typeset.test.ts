/**
 * Typesetting a print shop takes as it is (issue 15): column pitch, top alignment, breaks,
 * letter sizes in mm. Each test asserts the property on what the layout placed.
 */
import { describe, expect, it } from 'vitest'
import { designOf, prepare } from '../src/render/template-render.js'
import type { Design, PlacedBlock } from '../src/templates/types.js'
import { layoutText } from '../src/text/layout.js'
import { env } from './helpers/env.js'

const fonts = env.fonts
const SLOGAN_ZH = '铸牢中华民族共同体意识，促进各民族交往交流交融'
const LONG_MN = 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠢ ᠰᠤᠷᠤᠯᠴᠠᠭᠠ ᠳᠡᠭᠡᠨ ᠬᠦᠴᠦ ᠨᠡᠮᠡᠵᠦ ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠦ ᠡᠪ ᠨᠢᠭᠡᠳᠦᠯ ᠢ ᠪᠡᠬᠡᠵᠢᠭᠦᠯᠦᠨ᠎ᠡ'

function design(template: string, input: Record<string, unknown>): Design {
  return designOf(env, prepare(env, template, input))
}
/** Every column of a placed vertical block, on the canvas: its em box. */
const columnsOf = (b: PlacedBlock) => b.layout.lines.map((l) => ({ x0: b.x + l.box.x0, x1: b.x + l.box.x1, y0: b.y + l.box.y0, text: l.text }))

describe('vertical Chinese column pitch (defect 1)', () => {
  it('sets columns 1.5–2 em apart, centre to centre, with a clear gap of ink between them', () => {
    const size = 72
    const l = layoutText(fonts, { text: SLOGAN_ZH, orientation: 'vertical', fontSize: size, maxLength: 800 })
    expect(l.lines.length).toBeGreaterThanOrEqual(2)
    const centres = l.lines.map((c) => (c.box.x0 + c.box.x1) / 2).sort((a, b) => a - b)
    for (let i = 1; i < centres.length; i++) {
      const pitch = (centres[i]! - centres[i - 1]!) / size
      expect(pitch).toBeGreaterThanOrEqual(1.5 - 1e-6)
      expect(pitch).toBeLessThanOrEqual(2)
    }
    const inks = l.lines.map((c) => c.ink!).sort((a, b) => a.x0 - b.x0)
    for (let i = 1; i < inks.length; i++) expect((inks[i]!.x0 - inks[i - 1]!.x1) / size).toBeGreaterThan(0.35)
  })

  it('keeps the same pitch in the standing slogan banner', () => {
    const d = design('slogan-banner', { preset: 'standing-800x2000', zh: SLOGAN_ZH, mn: LONG_MN })
    const zh = d.blocks.find((b) => b.lang === 'zh')!
    expect(zh.layout.lines.length).toBeGreaterThanOrEqual(2)
    const [a, b] = zh.layout.lines
    expect(Math.abs((a!.box.x0 + a!.box.x1) / 2 - (b!.box.x0 + b!.box.x1) / 2) / zh.layout.fontSize).toBeGreaterThanOrEqual(1.5 - 1e-6)
  })
})

describe('vertical columns start on one top line (defect 2)', () => {
  it('every column of both scripts starts at the same height on a standing banner', () => {
    const d = design('slogan-banner', { preset: 'standing-800x2000', zh: SLOGAN_ZH, mn: LONG_MN })
    const tops = d.blocks.flatMap(columnsOf).map((c) => c.y0)
    expect(tops.length).toBeGreaterThanOrEqual(3)
    for (const t of tops) expect(Math.abs(t - tops[0]!)).toBeLessThan(0.5)
  })
})
