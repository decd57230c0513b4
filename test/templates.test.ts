/** The two first templates, asserted on what the layout placed: order, sizes, faces. */
import { describe, expect, it } from 'vitest'
import type { PlacedBlock } from '../src/templates/types.js'
import { crossInk } from '../src/text/measure.js'
import { env } from './helpers/env.js'
import { decodePng, inkOf, inkOverlap } from './helpers/image.js'
import { NNBSP } from '../src/text/mongolian/controls.js'
import { design } from './helpers/design.js'

const SLOGAN_ZH = '汉族离不开少数民族，少数民族离不开汉族。' // 20 characters
const SLOGAN_MN = `ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ${NNBSP}ᠦᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ` // test text of slogan length

const byLang = (blocks: PlacedBlock[], lang: 'mn' | 'zh', face?: string) => blocks.find((b) => b.lang === lang && (face === undefined || b.face === face))!
const inside = (b: PlacedBlock, box: { x0: number; y0: number; x1: number; y1: number }) =>
  b.extent.x0 >= box.x0 - 0.5 && b.extent.y0 >= box.y0 - 0.5 && b.extent.x1 <= box.x1 + 0.5 && b.extent.y1 <= box.y1 + 0.5

describe('slogan-banner', () => {
  for (const preset of ['cloth-6000x700', 'cloth-10000x900', 'screen-1920x480']) {
    it(`${preset}: a 20-character slogan fits, Mongolian above Chinese, equal size, inside the cloth`, () => {
      expect([...SLOGAN_ZH]).toHaveLength(20)
      const { p, d } = design('slogan-banner', { mn: SLOGAN_MN, zh: SLOGAN_ZH, preset })
      const mn = byLang(d.blocks, 'mn')
      const zh = byLang(d.blocks, 'zh')
      expect(mn.layout.orientation).toBe('horizontal')
      expect(mn.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
      // Cloth banners read as one line of each script.
      if (preset.startsWith('cloth')) {
        expect(mn.layout.lines).toHaveLength(1)
        expect(zh.layout.lines).toHaveLength(1)
      }
      expect(crossInk(mn.layout)).toBeGreaterThanOrEqual(crossInk(zh.layout) * 0.99)
      expect(crossInk(mn.layout)).toBeLessThanOrEqual(crossInk(zh.layout) * 1.02)
      for (const b of d.blocks) {
        expect(b.layout.overflow).toBe(false)
        expect(inside(b, d.areas[0]!.box)).toBe(true)
        expect(inside(b, { x0: 0, y0: 0, x1: p.canvas.width, y1: p.canvas.height })).toBe(true)
      }
      // "As large as the height allows": the pair fills most of the cloth's height or width.
      const box = d.areas[0]!.box
      const usedH = zh.extent.y1 - mn.extent.y0
      const usedW = Math.max(mn.extent.x1 - mn.extent.x0, zh.extent.x1 - zh.extent.x0)
      expect(usedH / (box.y1 - box.y0) > 0.9 || usedW / (box.x1 - box.x0) > 0.9).toBe(true)
    })
  }

  it('standing banner: Mongolian columns left of the Chinese column, both vertical', () => {
    const { d } = design('slogan-banner', { mn: SLOGAN_MN, zh: SLOGAN_ZH, preset: 'standing-800x2000' })
    const mn = byLang(d.blocks, 'mn')
    const zh = byLang(d.blocks, 'zh')
    expect(mn.layout.orientation).toBe('vertical')
    expect(zh.layout.orientation).toBe('vertical')
    expect(mn.layout.progression).toBe('ltr')
    expect(mn.extent.x1).toBeLessThanOrEqual(zh.extent.x0)
    expect(crossInk(mn.layout)).toBeGreaterThanOrEqual(crossInk(zh.layout) * 0.99)
  })

  it('order and mnScale break the rules when asked to', () => {
    const swapped = design('slogan-banner', { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '蒙古语', order: 'zh-first' }).d
    expect(byLang(swapped.blocks, 'zh').extent.y1).toBeLessThanOrEqual(byLang(swapped.blocks, 'mn').extent.y0)
    const small = design('slogan-banner', { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '蒙古语', mnScale: '0.7' }).d
    const ratio = crossInk(byLang(small.blocks, 'mn').layout) / crossInk(byLang(small.blocks, 'zh').layout)
    expect(ratio).toBeGreaterThan(0.65)
    expect(ratio).toBeLessThan(0.75)
  })
})

describe('desk-card', () => {
  const input = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师' }

  it('is a 300 dpi sheet of two 200×100 mm faces', () => {
    const { p } = design('desk-card', input)
    expect(p.canvas.dpi).toBe(300)
    expect(p.canvas.width).toBe(Math.round((200 / 25.4) * 300))
    expect(p.canvas.height).toBe(Math.round((200 / 25.4) * 300))
  })

  it('sets the Mongolian name as a column left of the Chinese, at equal size, inside the face', () => {
    const { d } = design('desk-card', input)
    const front = d.areas.find((a) => a.id === 'front')!.box
    const mn = d.blocks.find((b) => b.face === 'front' && b.role === 'name' && b.lang === 'mn')!
    const zh = d.blocks.find((b) => b.face === 'front' && b.role === 'name' && b.lang === 'zh')!
    expect(mn.layout.orientation).toBe('vertical')
    expect(mn.extent.x1).toBeLessThanOrEqual(zh.extent.x0)
    expect(crossInk(mn.layout)).toBeGreaterThanOrEqual(crossInk(zh.layout) * 0.99)
    for (const b of d.blocks.filter((x) => x.face === 'front')) expect(inside(b, front)).toBe(true)
    const titleMn = d.blocks.find((b) => b.face === 'front' && b.role === 'title' && b.lang === 'mn')!
    const titleZh = d.blocks.find((b) => b.face === 'front' && b.role === 'title' && b.lang === 'zh')!
    expect(titleMn.extent.y1).toBeLessThanOrEqual(titleZh.extent.y0)
  })

  it('puts the Mongolian line above the Chinese with mnLayout=line', () => {
    const { d } = design('desk-card', { ...input, mnLayout: 'line' })
    const mn = d.blocks.find((b) => b.face === 'front' && b.role === 'name' && b.lang === 'mn')!
    const zh = d.blocks.find((b) => b.face === 'front' && b.role === 'name' && b.lang === 'zh')!
    expect(mn.layout.orientation).toBe('horizontal')
    expect(mn.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
  })

  it('turns the upper face 180°: folded, both faces read upright (the PNG halves match when one is turned)', async () => {
    const res = await env.engines.rasterize(
      await (async () => {
        const { p, d } = design('desk-card', { ...input, frame: 'none' })
        return (await import('../src/render/svg.js')).renderSvg(env.engines, env.fonts, d.root, p.canvas)
      })(),
      { width: 0, height: 0 },
    )
    const png = decodePng(res)
    const half = Math.floor(png.height / 2)
    const crop = (top: number, turn: boolean) => {
      const data = new Uint8Array(png.width * half * 4)
      for (let y = 0; y < half; y++)
        for (let x = 0; x < png.width; x++) {
          const sx = turn ? png.width - 1 - x : x
          const sy = turn ? top + half - 1 - y : top + y
          data.set(png.data.subarray((sy * png.width + sx) * 4, (sy * png.width + sx) * 4 + 4), (y * png.width + x) * 4)
        }
      return inkOf({ width: png.width, height: half, data })
    }
    const lower = crop(png.height - half, false)
    const upperTurned = crop(0, true)
    const upperAsIs = crop(0, false)
    expect(inkOverlap(lower, upperTurned)).toBeGreaterThan(0.9)
    expect(inkOverlap(lower, upperAsIs)).toBeLessThan(0.5)
    // The upper face's blocks are the lower face's turned about the face centre.
    const { d } = design('desk-card', input)
    const w = d.areas[0]!.box.x1
    const h = d.areas[0]!.box.y1
    const back = d.blocks.find((b) => b.face === 'back' && b.role === 'name' && b.lang === 'mn')!
    const front = d.blocks.find((b) => b.face === 'front' && b.role === 'name' && b.lang === 'mn')!
    expect(back.extent.x0).toBeCloseTo(w - front.extent.x1, 5)
    expect(back.extent.y0).toBeCloseTo(h - (front.extent.y1 - h), 5)
  })
})
