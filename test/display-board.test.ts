/**
 * The display board (issue 15 item 8, issue 19 item 3): a justified Chinese paragraph with its first
 * line indented two characters, body text filling its area at one size in both scripts, and
 * pictures cover-cropped around a focal point into equal frames with one caption style.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encode } from 'fast-png'
import { describe, expect, it } from 'vitest'
import { designOf, prepare } from '../src/render/template-render.js'
import type { Design, PlacedBlock } from '../src/templates/types.js'
import { layoutText } from '../src/text/layout.js'
import { shape } from '../src/text/shape.js'
import type { Box } from '../src/text/types.js'
import { objectPosition } from '../templates/display-board/grid.js'
import { app, env } from './helpers/env.js'
import { decodePng, type Raster } from './helpers/image.js'
import { skipWithout } from './helpers/tools.js'

const ZH = '设立宣传民族团结进步的展示墙和活动宣传栏，做到主题突出、构图严谨、图文并茂、美观大方。各族群众共同团结奋斗、共同繁荣发展，铸牢中华民族共同体意识。'

describe('justified paragraph (两端对齐, 段首空两格)', () => {
  const size = 40
  const maxLength = 610
  const text = `${ZH}\n民族团结是各族人民的生命线。平等、团结、互助、和谐的社会主义民族关系不断巩固。`
  const l = layoutText(env.fonts, { text, orientation: 'horizontal', fontSize: size, maxLength, justify: true, firstLineIndent: 2 })
  const end = (i: number) => l.lines[i]!.pieces[l.lines[i]!.pieces.length - 1]!.box.x1
  const paragraphEnds = l.lines.map((line, i) => i === l.lines.length - 1 || text.slice(line.end, l.lines[i + 1]!.start).includes('\n'))

  it('ends every line but a paragraph’s last at the paragraph’s right edge; the last stays flush start, unspread', () => {
    expect(l.lines.length).toBeGreaterThan(4)
    expect(paragraphEnds.filter(Boolean)).toHaveLength(2)
    l.lines.forEach((line, i) => {
      if (!paragraphEnds[i]) return expect(Math.abs(end(i) - maxLength)).toBeLessThanOrEqual(0.5)
      // As long as the same characters set without justification.
      const natural = layoutText(env.fonts, { text: line.text, orientation: 'horizontal', fontSize: size })
      expect(end(i) - line.pieces[0]!.box.x0).toBeCloseTo(natural.lines[0]!.length, 3)
    })
  })

  it('starts each paragraph’s first line 2 em in, the others flush', () => {
    l.lines.forEach((line, i) => {
      const first = i === 0 || paragraphEnds[i - 1]
      expect(line.pieces[0]!.box.x0).toBeCloseTo(first ? 2 * size : 0, 3)
    })
  })

  it('spreads only between characters: each full-width character keeps its em, gaps stay under a fifth of an em', () => {
    for (const [i, line] of l.lines.entries()) {
      if (paragraphEnds[i]) continue
      const gaps = line.pieces.slice(1).map((p, k) => p.box.x0 - line.pieces[k]!.box.x0 - size)
      for (const g of gaps) {
        expect(g).toBeGreaterThan(-size * 0.05)
        expect(g).toBeLessThan(size / 5)
      }
    }
  })

  it('leaves vertical (Mongolian) columns as they are: never spread between letters', () => {
    const mn = { text: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ᠃ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ᠂ ᠡᠮᠨᠡᠯᠭ\u180eᠡ᠂ ᠨᠣᠮ᠃', orientation: 'vertical' as const, fontSize: 40, maxLength: 300 }
    expect(layoutText(env.fonts, { ...mn, justify: true, firstLineIndent: 2 }).lines).toEqual(layoutText(env.fonts, mn).lines)
  })
})

/** A portrait picture: a red band on top, blue at the bottom, green between. */
function bands(width: number, height: number): string {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const t = y / height
      data.set(t < 0.2 ? [220, 30, 30] : t > 0.8 ? [30, 30, 220] : [30, 160, 60], (y * width + x) * 3)
    }
  return `data:image/png;base64,${Buffer.from(encode({ width, height, data, channels: 3, depth: 8 })).toString('base64')}`
}

const MN_BODY = Array(20).fill('ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ᠃ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ᠂ ᠡᠮᠨᠡᠯᠭ\u180eᠡ᠂ ᠨᠣᠮ᠃').join(' ')
const board = (preset: string, images: unknown[], extra: Record<string, unknown> = {}) => ({
  title_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ',
  title_zh: '蒙古语言文字',
  body_mn: MN_BODY,
  body_zh: ZH.repeat(5),
  images,
  preset,
  ...extra,
})
const PORTRAIT = bands(100, 400)
const caption = (i: number) => ({
  caption_mn: ['ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', 'ᠨᠣᠮ', 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', 'ᠡᠮᠨᠡᠯᠭ\u180eᠡ'][i]!,
  caption_zh: ['学校', '书', '蒙古语言文字', '医院'][i]!,
})
const areaOf = (d: Design, id: string): Box => d.areas.find((a) => a.id === id)!.box
const body = (d: Design, lang: string): PlacedBlock => d.blocks.find((b) => b.role === 'body' && b.lang === lang)!
const PRESETS = ['board-2400x1200', 'board-1200x900', 'board-900x1200', 'a1', 'a3', 'screen-1920x1080']

describe('display-board: body and pictures', () => {
  for (const preset of PRESETS)
    it(`${preset}: the body fills its area's height in both scripts at one visual size, the Chinese justified to the area's right edge`, () => {
      const p = prepare(
        env,
        'display-board',
        board(
          preset,
          [0, 1].map((i) => ({ src: PORTRAIT, ...caption(i) })),
        ),
      )
      const d = designOf(env, p)
      const area = areaOf(d, 'body')
      const mn = body(d, 'mn')
      const zh = body(d, 'zh')
      for (const b of [mn, zh]) expect((b.extent.y1 - b.extent.y0) / (area.y1 - area.y0)).toBeGreaterThanOrEqual(0.85)
      expect(mn.layout.visualSize).toBeGreaterThanOrEqual(zh.layout.visualSize * 0.99)
      expect(mn.extent.x1).toBeLessThan(zh.extent.x0)
      // The paragraph's justified lines end at the area's right edge (the em box of their last character).
      const lines = zh.layout.lines
      for (const line of lines.slice(0, -1)) {
        const last = line.pieces[line.pieces.length - 1]!
        if (line.end < zh.layout.text.length && zh.layout.text[line.end] !== '\n') expect(Math.abs(zh.x + last.box.x1 - area.x1)).toBeLessThanOrEqual(0.5)
      }
    })

  it('a short Chinese body keeps its two-character indent on the board (the example)', () => {
    const ex = JSON.parse(readFileSync(new URL('../templates/display-board/example.json', import.meta.url), 'utf8')) as Record<string, unknown>
    const p = prepare(env, 'display-board', ex)
    const d = designOf(env, p)
    const zh = body(d, 'zh')
    const mn = body(d, 'mn')
    const m = Math.min(p.canvas.width, p.canvas.height) * 0.045
    // The lines start one gap right of the Mongolian columns; the first character 2 em further in.
    expect(zh.x - mn.extent.x1).toBeGreaterThan(m - 1)
    expect(zh.x - mn.extent.x1).toBeLessThan(3 * m + 2)
    const firstInk = zh.layout.lines[0]!.ink!
    expect(firstInk.x0).toBeGreaterThan(2 * zh.layout.fontSize)
    expect(firstInk.x0).toBeLessThan(2.2 * zh.layout.fontSize)
  })

  for (const n of [1, 2, 3, 4])
    it(`${n} picture(s): equal frames, one caption size, each caption tight under its frame`, () => {
      const p = prepare(
        env,
        'display-board',
        board(
          'board-1200x900',
          Array.from({ length: n }, (_, i) => ({ src: PORTRAIT, ...caption(i) })),
        ),
      )
      const d = designOf(env, p)
      const frames = Array.from({ length: n }, (_, i) => areaOf(d, `picture-${i + 1}`))
      for (const f of frames) {
        expect(f.x1 - f.x0).toBeCloseTo(frames[0]!.x1 - frames[0]!.x0, 3)
        expect(f.y1 - f.y0).toBeCloseTo(frames[0]!.y1 - frames[0]!.y0, 3)
        // Never a strip: square to 1.6:1.
        expect((f.x1 - f.x0) / (f.y1 - f.y0)).toBeGreaterThanOrEqual(0.999)
        expect((f.x1 - f.x0) / (f.y1 - f.y0)).toBeLessThanOrEqual(1.601)
      }
      const sizes = new Set(d.blocks.filter((b) => b.role.startsWith('caption-')).map((b) => b.layout.visualSize.toFixed(3)))
      expect(sizes.size).toBe(1)
      frames.forEach((f, i) => {
        const top = Math.min(...d.blocks.filter((b) => b.role === `caption-${i + 1}`).map((b) => b.extent.y0))
        const gapMm = (top - f.y1) / p.canvas.mm(1)
        expect(gapMm).toBeGreaterThan(0)
        expect(gapMm).toBeLessThan(12)
      })
    })
})

describe('display-board: cover and the focal point', () => {
  const frameOf = (d: Design) => areaOf(d, 'picture-1')
  const colourAt = (png: Raster, x: number, y: number) => [
    ...png.data.slice((Math.round(y) * png.width + Math.round(x)) * 4, (Math.round(y) * png.width + Math.round(x)) * 4 + 3),
  ]
  const render = async (fields: Record<string, unknown>, format = 'png') =>
    app.request(`/v1/render/display-board.${format}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })
  const fields = (image: Record<string, unknown>) => board('screen-1920x1080', [{ src: PORTRAIT, ...image }])

  it('a portrait picture fills its landscape frame (cover): picture to the frame’s corners, never the mat', async () => {
    const d = designOf(env, prepare(env, 'display-board', fields({})))
    const f = frameOf(d)
    const png = decodePng(new Uint8Array(await (await render(fields({}))).arrayBuffer()))
    const mat = (f.x1 - f.x0) * 0.05
    for (const [x, y] of [
      [f.x0 + mat, f.y0 + mat],
      [f.x1 - mat, f.y0 + mat],
      [f.x0 + mat, f.y1 - mat],
      [f.x1 - mat, f.y1 - mat],
      [(f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2],
    ])
      expect(colourAt(png, x!, y!)).toEqual([30, 160, 60])
  })

  it('the focal point moves the crop: the top band at y=0, the bottom band at y=1; contain shows the whole picture', async () => {
    const d = designOf(env, prepare(env, 'display-board', fields({})))
    const f = frameOf(d)
    // The frame shows a quarter of the picture's height at most: its top 20 % band at y=0, its bottom band at y=1.
    const at = async (image: Record<string, unknown>, t: number) =>
      colourAt(decodePng(new Uint8Array(await (await render(fields(image))).arrayBuffer())), (f.x0 + f.x1) / 2, f.y0 + (f.y1 - f.y0) * t)
    expect(await at({ focus: { x: 0.5, y: 0 } }, 0.1)).toEqual([220, 30, 30])
    expect(await at({ focus: { x: 0.5, y: 1 } }, 0.9)).toEqual([30, 30, 220])
    expect(await at({}, 0.1)).toEqual([30, 160, 60])
    // Contained, the portrait picture stands in the middle: the mat shows at the frame's sides.
    const png = decodePng(new Uint8Array(await (await render(fields({ fit: 'contain' }))).arrayBuffer()))
    expect(colourAt(png, f.x0 + (f.x1 - f.x0) * 0.1, (f.y0 + f.y1) / 2)).toEqual([255, 255, 255])
    expect(colourAt(png, (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2)).toEqual([30, 160, 60])
  })

  it('draws extreme crops (a tall picture at its foot, a panorama at its end) in PNG and PDF', async () => {
    const wide = bands(800, 60)
    for (const [src, focus] of [
      [PORTRAIT, { x: 0.5, y: 1 }],
      [bands(60, 1200), { x: 1, y: 1 }],
      [wide, { x: 1, y: 0.5 }],
      [wide, { x: 0, y: 0 }],
    ] as const)
      for (const format of ['png', 'pdf']) {
        const res = await render(
          board('screen-1920x1080', [
            { src, focus },
            { src, focus },
          ]),
          format,
        )
        expect(res.status).toBe(200)
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000)
      }
  })

  it('object-position keeps the focal point centred as far as the picture reaches', () => {
    expect(objectPosition({ width: 100, height: 400 }, { width: 200, height: 150 }, { x: 0.5, y: 0.5 }, 'cover')).toEqual({ x: 50, y: 50 })
    expect(objectPosition({ width: 100, height: 400 }, { width: 200, height: 150 }, { x: 0.5, y: 0 }, 'cover').y).toBe(0)
    // Scaled to 200×800, the point at 30 % (240 px) centred in 150 px: 165 px off the top, of 650 to spare.
    expect(objectPosition({ width: 100, height: 400 }, { width: 200, height: 150 }, { x: 0.5, y: 0.3 }, 'cover').y).toBeCloseTo((165 / 650) * 100, 6)
  })

  it('refuses a focal point outside the picture (422, naming the field)', async () => {
    const res = await render(fields({ focus: { x: 1.5, y: 0 } }))
    expect(res.status).toBe(422)
    const err = ((await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } }).error
    expect(err.code).toBe('invalid_fields')
    expect(err.details.issues[0]!.path).toMatch(/^images\.0\.focus/)
  })

  it.skipIf(skipWithout('poppler'))('the PDF crops the picture as the PNG does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qoyar-board-'))
    const dpi = 20
    const input = { ...board('board-1200x900', [{ src: PORTRAIT, focus: { x: 0.5, y: 0 } }]), dpi }
    const file = join(dir, 'board.pdf')
    writeFileSync(file, new Uint8Array(await (await render(input, 'pdf')).arrayBuffer()))
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, join(dir, 'board')])
    const fromPdf = decodePng(readFileSync(join(dir, 'board.png')))
    const png = decodePng(new Uint8Array(await (await render(input)).arrayBuffer()))
    const f = frameOf(designOf(env, prepare(env, 'display-board', input)))
    for (const t of [0.1, 0.5, 0.9]) {
      const y = f.y0 + (f.y1 - f.y0) * t
      const a = colourAt(png, (f.x0 + f.x1) / 2, y)
      const b = colourAt(fromPdf, (f.x0 + f.x1) / 2, y)
      for (let c = 0; c < 3; c++) expect(Math.abs(a[c]! - b[c]!)).toBeLessThan(12)
    }
  })
})

/** The ink height of `text` shaped alone at `fontSize`, px (HarfBuzz, the face the block draws with). */
function letterInk(fontId: string, text: string, fontSize: number): { across: number } {
  const font = env.fonts.byId.get(fontId)!
  const ink = shape(env.fonts.hb, font, text, false).ink!
  const k = fontSize / font.upem
  return { across: (ink.y1 - ink.y0) * k }
}

const fontOf = (b: PlacedBlock) => b.layout.lines[0]!.pieces.find((p) => p.ink)!.fontId

describe('display-board: a short body (issue 15, defects 5 and 8), the region packs’ examples', () => {
  const cases = Object.entries(env.packExamples).map(([region, ex]) => {
    const p = prepare(env, 'display-board', { ...ex['display-board']!, region })
    return { region, p, d: designOf(env, p) }
  })
  const mm = (p: (typeof cases)[number]['p'], px: number) => px / p.canvas.mm(1)

  for (const { region, p, d } of cases) {
    const blocks = d.blocks.filter((b) => b.role === 'body')
    const zh = blocks.find((b) => b.lang === 'zh')!
    const minority = blocks.find((b) => b.lang !== 'zh')!
    const title = Math.min(...d.blocks.filter((b) => b.role === 'title').map((b) => b.layout.visualSize))

    it(`${region}: the body is set as large as the hierarchy allows, 0.8 of the title, not the 0.6 that left the board empty`, () => {
      for (const b of blocks) expect(b.layout.visualSize / title).toBeCloseTo(0.8, 2)
    })

    it(`${region}: the body sits at the text area's optical centre, both scripts on one top line`, () => {
      const area = areaOf(d, 'body')
      expect(zh.extent.y0).toBeCloseTo(minority.extent.y0, 3)
      const top = Math.min(zh.extent.y0, minority.extent.y0) - area.y0
      const bottom = area.y1 - Math.max(zh.extent.y1, minority.extent.y1)
      // 0.42 of the free height above it (less a twentieth of the area's): neither stuck at the top nor sunk to the middle.
      const h = area.y1 - area.y0
      expect(top / (top + bottom - 0.05 * h)).toBeCloseTo(0.42, 2)
      expect(top).toBeGreaterThan((area.y1 - area.y0) * 0.3)
    })

    it(`${region}: the two blocks stand against the rule on the board's axis (mirrored halves), not flush left in each half`, () => {
      const area = areaOf(d, 'body')
      const mid = (area.x0 + area.x1) / 2
      const m = Math.min(p.canvas.width, p.canvas.height) * 0.045
      const zhLeft = zh.extent.x0 < minority.extent.x0
      // The paragraph by its measure (its first line's indent and justified end are inside it), the other by its ink.
      const zhEdge = zhLeft ? zh.x + zh.layout.width : zh.x
      const minorityEdge = zhLeft ? minority.extent.x0 : minority.extent.x1
      expect(Math.abs(zhEdge - (zhLeft ? mid - m / 2 : mid + m / 2))).toBeLessThan(1)
      expect(Math.abs(minorityEdge - (zhLeft ? mid + m / 2 : mid - m / 2))).toBeLessThan(1)
    })

    it(`${region}: the Chinese paragraph ends without an orphan (never ≤ 2 characters alone on its last line)`, () => {
      const lines = zh.layout.lines
      const last = [...lines[lines.length - 1]!.text].filter((c) => /\p{Script=Han}/u.test(c))
      if (lines.length > 1) expect(last.length).toBeGreaterThan(2)
    })

    it(`${region}: the minority body's letters are as tall as the Chinese character face, in mm`, () => {
      const face = mm(p, letterInk(fontOf(zh), '国', zh.layout.fontSize).across)
      // Hangul its face; Arabic its alef; Tibetan the mean of a consonant with a leg (ཀ) and one without (ང).
      const refs = { ko: ['국'], ug: ['ا'], bo: ['ཀ', 'ང'] }[minority.lang as 'ko' | 'ug' | 'bo']
      const heights = refs.map((r) => letterInk(fontOf(minority), r, minority.layout.fontSize).across)
      const letter = mm(p, heights.reduce((a, b) => a + b, 0) / heights.length)
      expect(letter / face).toBeGreaterThan(0.98)
      expect(letter / face).toBeLessThan(1.02)
      // On the 1200×900 board: ≈ 36 mm letters (0.8 of the title; were 26–33 mm at 0.6).
      expect(face).toBeGreaterThan(25)
    })
  }

  it('the Uyghur and Tibetan bodies are no longer set at 0.79 and 0.56 of the Chinese font size (their tails counted as letter)', () => {
    const ratio = (region: string) => {
      const { d } = cases.find((c) => c.region === region)!
      const bs = d.blocks.filter((b) => b.role === 'body')
      const zh = bs.find((b) => b.lang === 'zh')!
      return bs.find((b) => b.lang !== 'zh')!.layout.fontSize / zh.layout.fontSize
    }
    // Noto Naskh's alef is 0.67 em; Noto Serif Tibetan's ཀ 1.15 em and ང 0.62 em; 国 0.875 em.
    expect(ratio('xinjiang')).toBeCloseTo(0.875 / 0.671, 1)
    expect(ratio('tibet')).toBeCloseTo(0.875 / 0.885, 1)
  })
})

describe('justified paragraph without an orphan', () => {
  const size = 40
  const lay = (text: string, em: number) => layoutText(env.fonts, { text, orientation: 'horizontal', fontSize: size, maxLength: em * size, justify: true, firstLineIndent: 2 })

  it('维吾尔语。学校、医院、书。 on 13.4 em: 维吾尔语。学校、 / 医院、书。, not …医院、 / 书。 (the slack of a justified line outweighed the orphan)', () => {
    const l = lay('维吾尔语。学校、医院、书。', 13.4)
    expect(l.lines.map((x) => x.text)).toEqual(['维吾尔语。学校、', '医院、书。'])
  })

  it('sets a narrower measure rather than spread a line into holes: every justified gap under 0.15 em', () => {
    const l = lay('朝鲜语文。学校、医院、书。', 12)
    expect(l.lines.map((x) => x.text)).toEqual(['朝鲜语文。学校、', '医院、书。'])
    // The block is narrower than the box; its first line still ends at the block's right edge.
    expect(l.width).toBeLessThan(12 * size)
    const first = l.lines[0]!.pieces
    const gaps = first.slice(1).map((p, k) => p.box.x0 - first[k]!.box.x0 - size)
    for (const g of gaps) expect(g).toBeLessThan(0.15 * size + 1e-6)
    expect(first[first.length - 1]!.box.x1).toBeCloseTo(l.width, 3)
  })

  it('leaves a paragraph that sets well on its measure as it was (the measure is the box)', () => {
    const text = ZH.repeat(2)
    const l = lay(text, 15.25)
    expect(l.width).toBeCloseTo(15.25 * size, 3)
  })
})
