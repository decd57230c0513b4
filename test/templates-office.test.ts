/** letterhead and display-board: the red-header layout, and a board's text blocks and pictures. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { designOf, prepare } from '../src/render/template-render.js'
import type { PlacedBlock } from '../src/templates/types.js'
import { crossInk } from '../src/text/measure.js'
import { app, env } from './helpers/env.js'
import { post } from './helpers/http.js'

const block = (blocks: PlacedBlock[], role: string, lang: 'mn' | 'zh') => blocks.find((b) => b.role === role && b.lang === lang)!
const EXAMPLE_BOARD = JSON.parse(readFileSync(new URL('../templates/display-board/example.json', import.meta.url), 'utf8')) as Record<string, unknown>

describe('letterhead', () => {
  const input = { org_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', org_zh: '蒙古语言文字工作委员会文件', docNumber: '蒙文字〔2026〕1号' }

  it('is an A4 page at 300 dpi with the authority in red serif, Mongolian above Chinese at equal size, inside the type area', () => {
    const p = prepare(env, 'letterhead', input)
    const d = designOf(env, p)
    expect([p.canvas.widthMm, p.canvas.heightMm, p.canvas.width, p.canvas.height]).toEqual([210, 297, 2480, 3508])
    const mn = block(d.blocks, 'authority', 'mn')
    const zh = block(d.blocks, 'authority', 'zh')
    expect(mn.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
    expect(crossInk(mn.layout)).toBeGreaterThanOrEqual(crossInk(zh.layout) * 0.99)
    const serif = zh.layout.lines[0]!.pieces.map((pc) => env.fonts.byId.get(pc.fontId)!.role)
    expect(new Set(serif)).toEqual(new Set(['han-serif']))
    const typeArea = d.areas[0]!.box
    for (const b of d.blocks) {
      expect(b.extent.x0).toBeGreaterThanOrEqual(typeArea.x0 - 0.5)
      expect(b.extent.x1).toBeLessThanOrEqual(typeArea.x1 + 0.5)
    }
    // GB/T 9704: the document number sits below the mark, centred on the type area.
    const num = d.blocks.find((b) => b.role === 'docNumber')!
    expect(num.extent.y0).toBeGreaterThan(zh.extent.y1)
    expect((num.extent.x0 + num.extent.x1) / 2).toBeCloseTo((typeArea.x0 + typeArea.x1) / 2, 0)
  })

  it('draws the red separator line across the type area', async () => {
    const res = await app.request(`/v1/render/letterhead.png?${new URLSearchParams({ ...input, dpi: '50' })}`)
    const { decodePng } = await import('./helpers/image.js')
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    // Find rows that are red across most of the type area (28 mm to 184 mm).
    const x0 = Math.round((28 / 25.4) * 50) + 2
    const x1 = Math.round((184 / 25.4) * 50) - 2
    const redRows: number[] = []
    for (let y = 0; y < png.height; y++) {
      let red = 0
      for (let x = x0; x < x1; x++) {
        const o = (y * png.width + x) * 4
        if (png.data[o]! > 180 && png.data[o + 1]! < 80 && png.data[o + 2]! < 80) red++
      }
      if (red > (x1 - x0) * 0.95) redRows.push(y)
    }
    expect(redRows.length).toBeGreaterThan(0)
    // GB/T 9704: the mark starts 72 mm down, the line follows the mark and the number: the upper half.
    expect(redRows[0]!).toBeLessThan(png.height / 2)
  })
})

describe('letterhead: a partner script on two tall lines keeps the mark at 15 mm and more on A4 (defect 9)', () => {
  const cases: [string, Record<string, string>][] = [
    ['the issue’s Alxa mark', { org_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠡᠮᠨᠡᠯᠭ᠎ᠡ', org_zh: '阿拉善盟行政公署文件' }],
    ['the Xinjiang example', { ...(env.packExamples.xinjiang!['letterhead'] as Record<string, string>), region: 'xinjiang' }],
    ['the Tibet example', { ...(env.packExamples.tibet!['letterhead'] as Record<string, string>), region: 'tibet' }],
  ]
  for (const [name, fields] of cases)
    it(`${name}: both scripts at ≥ 15 mm (it was 13–14 mm in the 64 mm band), the minority on two lines, the rules pass`, async () => {
      const res = await app.request(`/v1/check/letterhead?${new URLSearchParams({ ...fields, preset: 'a4' })}`)
      const c = (await res.json()) as { pass: boolean; letters: { text: string; lang: string; mm: number }[]; design: { blocks: { role: string; lang: string; mm: { y: number } }[] } }
      expect(c.pass).toBe(true)
      const marks = c.letters.filter((l) => l.text === 'authority')
      expect(marks).toHaveLength(2)
      for (const m of marks) expect(m.mm, m.lang).toBeGreaterThanOrEqual(15)
      // GB/T 9704 7.2.2: the mark still starts 35 mm below the type area's top (72 mm from the page's top).
      const top = Math.min(...c.design.blocks.filter((b) => b.role === 'authority').map((b) => b.mm.y))
      expect(top).toBeGreaterThanOrEqual(71)
      expect(top).toBeLessThanOrEqual(76)
    })
})

describe('letterhead: a long authority name is condensed (长字), not shrunk (defect 9)', () => {
  const LONG_ZH = '内蒙古自治区阿拉善盟行政公署教育体育局文件'
  const input = { preset: 'a4', org_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', org_zh: LONG_ZH, docNumber: '阿署发〔2026〕12号' }

  it('keeps letters of 15 mm and more on A4, the condensed line within the type area, and passes its rules', async () => {
    const p = prepare(env, 'letterhead', input)
    const d = designOf(env, p)
    const mm = (px: number) => px / p.canvas.mm(1)
    const zh = block(d.blocks, 'authority', 'zh')
    const mn = block(d.blocks, 'authority', 'mn')
    // Letter height: the character face (visual size) and the line's ink, both ≥ 15 mm (it was ≈ 7 mm).
    expect(mm(crossInk(zh.layout))).toBeGreaterThanOrEqual(15)
    expect(mm(zh.extent.y1 - zh.extent.y0)).toBeGreaterThanOrEqual(15)
    expect(zh.layout.lines).toHaveLength(1)
    const condense = zh.layout.lines[0]!.pieces.map((x) => x.condense)
    expect(new Set(condense).size).toBe(1)
    expect(condense[0]).toBeGreaterThanOrEqual(0.4)
    expect(condense[0]).toBeLessThan(1)
    // Only the Chinese is condensed; the Mongolian keeps its letters and the equal size.
    expect(mn.layout.lines.flatMap((l) => l.pieces).every((x) => x.condense === undefined)).toBe(true)
    expect(crossInk(mn.layout) / crossInk(zh.layout)).toBeCloseTo(1, 2)
    const typeArea = d.areas[0]!.box
    expect(zh.extent.x0).toBeGreaterThanOrEqual(typeArea.x0 - 0.5)
    expect(zh.extent.x1).toBeLessThanOrEqual(typeArea.x1 + 0.5)
    const res = await post('/v1/render/letterhead.png', { ...input, dpi: 100 })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-compliance')).toBe('pass')
    // What is drawn: satori narrows the line with scaleX as laid out. The red in the Chinese line's
    // rows spans the type area (not the uncondensed 2.5× wider line, clipped at the page) and stays in it.
    const { decodePng } = await import('./helpers/image.js')
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    const pxPerMm = 100 / 25.4
    const [top, bottom] = [Math.round(mm(zh.extent.y0) * pxPerMm), Math.round(mm(zh.extent.y1) * pxPerMm)]
    let [left, right] = [png.width, -1]
    for (let y = top; y < bottom; y++)
      for (let x = 0; x < png.width; x++) {
        const o = (y * png.width + x) * 4
        if (png.data[o]! > 150 && png.data[o + 1]! < 110 && png.data[o + 2]! < 110) [left, right] = [Math.min(left, x), Math.max(right, x)]
      }
    expect(left / pxPerMm).toBeGreaterThanOrEqual(28 - 0.5)
    expect((right + 1) / pxPerMm).toBeLessThanOrEqual(184 + 0.5)
    expect((right + 1 - left) / pxPerMm).toBeGreaterThan(150)
  })

  it('condenses only as far as the preset allows, then sets the mark smaller', () => {
    const mm = (px: number, p: ReturnType<typeof prepare>) => px / p.canvas.mm(1)
    const longer = prepare(env, 'letterhead', { ...input, org_zh: LONG_ZH + LONG_ZH.slice(0, 10) })
    const zh = block(designOf(env, longer).blocks, 'authority', 'zh')
    expect(zh.layout.lines[0]!.pieces[0]!.condense).toBeCloseTo(0.4, 3)
    expect(mm(crossInk(zh.layout), longer)).toBeLessThan(15)
    // A name that fits at the mark's largest size keeps its characters as designed.
    const short = prepare(env, 'letterhead', { ...input, org_zh: '蒙古语言文字' })
    expect(block(designOf(env, short).blocks, 'authority', 'zh').layout.lines[0]!.pieces.every((x) => x.condense === undefined)).toBe(true)
  })
})

describe('display-board', () => {
  it('sets Mongolian columns left of the Chinese paragraph at one size, with the title band above', () => {
    const p = prepare(env, 'display-board', EXAMPLE_BOARD)
    const d = designOf(env, p)
    const mn = block(d.blocks, 'body', 'mn')
    const zh = block(d.blocks, 'body', 'zh')
    expect(mn.layout.orientation).toBe('vertical')
    expect(mn.layout.progression).toBe('ltr')
    expect(mn.extent.x1).toBeLessThanOrEqual(zh.extent.x0)
    expect(crossInk(mn.layout) / crossInk(zh.layout)).toBeGreaterThan(0.99)
    expect(crossInk(mn.layout) / crossInk(zh.layout)).toBeLessThan(1.02)
    const title = block(d.blocks, 'title', 'zh')
    expect(title.extent.y1).toBeLessThan(mn.extent.y0)
    expect(block(d.blocks, 'caption-1', 'mn').extent.y1).toBeLessThanOrEqual(block(d.blocks, 'caption-1', 'zh').extent.y0)
  })

  it('draws the picture it was sent (the PNG shows its sky blue), and renders to PDF too', async () => {
    const res = await post('/v1/render/display-board.png', { ...EXAMPLE_BOARD, preset: 'screen-1920x1080' })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-compliance')).toBe('pass')
    const { decodePng } = await import('./helpers/image.js')
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    let sky = 0
    for (let o = 0; o < png.data.length; o += 4) if (png.data[o + 2]! > 200 && png.data[o]! < 180 && png.data[o]! > 100) sky++
    expect(sky).toBeGreaterThan(20_000)
    const pdf = await post('/v1/render/display-board.pdf', EXAMPLE_BOARD)
    expect(pdf.status).toBe(200)
  })

  it('refuses remote URLs, non-images and too many pictures, naming the field (422)', async () => {
    const base = { ...EXAMPLE_BOARD }
    for (const images of [
      [{ src: 'https://example.com/a.png' }],
      [{ src: 'data:image/png;base64,aGVsbG8=' }],
      Array(5).fill((EXAMPLE_BOARD.images as unknown[])[0]),
    ]) {
      const res = await post('/v1/render/display-board.png', { ...base, images })
      expect(res.status).toBe(422)
      const err = ((await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } }).error
      expect(err.code).toBe('invalid_fields')
      expect(err.details.issues[0]!.path).toMatch(/^images/)
    }
  })
})
