/**
 * Ganged imposition: signs of one size on A4/A3 sheets with a gutter of 2 × bleed (none with no bleed),
 * cut lines shared across the sheet, crop marks only outside the grid, one at each end of each cut line.
 * Positions in mm on the layout, then on the PDF as written (content stream) and as poppler draws it.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { imposer } from '../src/bulk/sinks.js'
import type { RenderedRow } from '../src/bulk/render-row.js'
import { gridFor, impose, singlePage, type CropMark, type PrintItem, type PrintSheet, type SheetSize } from '../src/render/print.js'
import { app } from './helpers/env.js'
import { q } from './helpers/http.js'
import { decodePng, type Raster } from './helpers/image.js'
import { pdfDrawing } from './helpers/pdf-drawing.js'
import { skipWithout } from './helpers/tools.js'

/** The printer's margin, the mark's distance from the bleed and its length, mm (print.ts). */
const MARGIN = 5
const GAP = 2
const LENGTH = 5
const MARKS = { bleed: 3, marks: true }

const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol
const sorted = (v: number[]) => [...new Set(v.map((x) => Math.round(x * 1e4) / 1e4))].sort((a, b) => a - b)
const vertical = (m: CropMark) => close(m.x1, m.x2)

/** Whether a mark's segment touches a rectangle (closed), mm. */
function touches(m: CropMark, r: { x: number; y: number; width: number; height: number }): boolean {
  const [x0, x1] = [Math.min(m.x1, m.x2), Math.max(m.x1, m.x2)]
  const [y0, y1] = [Math.min(m.y1, m.y2), Math.max(m.y1, m.y2)]
  return x1 >= r.x && x0 <= r.x + r.width && y1 >= r.y && y0 <= r.y + r.height
}

const bleedBox = (i: PrintItem) => ({ x: i.x - i.bleed, y: i.y - i.bleed, width: i.width + 2 * i.bleed, height: i.height + 2 * i.bleed })

/** What every ganged sheet must satisfy, whatever the size. */
function expectGanged(s: PrintSheet, bleed: number, margin = MARGIN) {
  const items = s.items
  const xs = sorted(items.flatMap((i) => [i.x, i.x + i.width]))
  const ys = sorted(items.flatMap((i) => [i.y, i.y + i.height]))
  const grid = {
    x: Math.min(...items.map((i) => i.x)) - bleed,
    y: Math.min(...items.map((i) => i.y)) - bleed,
    right: Math.max(...items.map((i) => i.x + i.width)) + bleed,
    bottom: Math.max(...items.map((i) => i.y + i.height)) + bleed,
  }
  // Neighbours are 2 × bleed apart, so their bleeds meet and never overlap.
  for (const a of items)
    for (const b of items) {
      if (a === b) continue
      if (close(a.y, b.y) && b.x > a.x) expect(b.x - (a.x + a.width)).toBeGreaterThanOrEqual(2 * bleed - 1e-6)
      if (close(a.x, b.x) && b.y > a.y) expect(b.y - (a.y + a.height)).toBeGreaterThanOrEqual(2 * bleed - 1e-6)
    }
  for (const m of s.marks) {
    // Never on any sign or its bleed, always inside the printer's margin.
    for (const i of items) expect(touches(m, bleedBox(i)), `mark ${JSON.stringify(m)}`).toBe(false)
    for (const v of [m.x1, m.x2]) expect(v).toBeGreaterThanOrEqual(margin - 1e-6)
    for (const v of [m.y1, m.y2]) expect(v).toBeGreaterThanOrEqual(margin - 1e-6)
    for (const v of [m.x1, m.x2]) expect(v).toBeLessThanOrEqual(s.width - margin + 1e-6)
    for (const v of [m.y1, m.y2]) expect(v).toBeLessThanOrEqual(s.height - margin + 1e-6)
    expect(Math.hypot(m.x2 - m.x1, m.y2 - m.y1)).toBeCloseTo(LENGTH, 6)
    // Outside the grid only, starting GAP mm off its bleed edge.
    if (vertical(m)) expect(close(Math.min(m.y1, m.y2), grid.bottom + GAP) || close(Math.max(m.y1, m.y2), grid.y - GAP)).toBe(true)
    else expect(close(Math.min(m.x1, m.x2), grid.right + GAP) || close(Math.max(m.x1, m.x2), grid.x - GAP)).toBe(true)
  }
  // One mark at each end of each cut line, and a cut line at every sign edge: straight through the sheet.
  const vx = s.marks.filter(vertical).map((m) => m.x1)
  const hy = s.marks.filter((m) => !vertical(m)).map((m) => m.y1)
  expect(sorted(vx)).toEqual(xs)
  expect(sorted(hy)).toEqual(ys)
  for (const x of xs) expect(vx.filter((v) => close(v, x, 1e-4))).toHaveLength(2)
  for (const y of ys) expect(hy.filter((v) => close(v, y, 1e-4))).toHaveLength(2)
}

describe('ganged imposition: the layout', () => {
  it('100×50 mm cards at bleed 3 with marks: six to an A4 (was four), fourteen to an A3 (was twelve)', () => {
    const [a4] = impose(Array(6).fill('<svg/>'), 100, 50, '#c8102e', 'a4', MARKS)
    expect(a4!.width).toBe(297) // landscape holds more
    expect(a4!.height).toBe(210)
    // Centred: the grid's bleed edge 42.5 mm from the left and right, 21 mm from top and bottom.
    expect(a4!.items.map((i) => [i.x, i.y])).toEqual([
      [45.5, 24],
      [151.5, 24],
      [45.5, 80],
      [151.5, 80],
      [45.5, 136],
      [151.5, 136],
    ])
    expect(a4!.marks).toHaveLength(2 * (4 + 6))
    // The marks above the grid: 19 → 14 mm, at each of the four vertical cuts (two per column, 6 mm gutter).
    expect(a4!.marks.filter((m) => vertical(m) && m.y1 < 100).map((m) => [m.x1, m.y1, m.y2])).toEqual([
      [45.5, 19, 14],
      [145.5, 19, 14],
      [151.5, 19, 14],
      [251.5, 19, 14],
    ])
    expectGanged(a4!, 3)
    expect(gridFor(100, 50, 'a3', MARKS)).toMatchObject({ cols: 2, rows: 7, perSheet: 14, sheet: { width: 297, height: 420 } })
    expectGanged(impose(Array(14).fill('<svg/>'), 100, 50, undefined, 'a3', MARKS)[0]!, 3)
  })

  it('yield per sheet at bleed 3 with marks, by the sizes signs come in', () => {
    const yields = (w: number, h: number) => (['a4', 'a3'] as SheetSize[]).map((s) => gridFor(w, h, s, MARKS).perSheet)
    // [A4, A3]; the per-sign layout (own bleed and marks per cell) gave the figures in the comments.
    expect(yields(100, 50)).toEqual([6, 14]) // card 100×50: was 4, 12
    expect(yields(90, 55)).toEqual([6, 16]) // business card: was 4, 10
    expect(yields(85, 55)).toEqual([9, 18]) // credit-card size: was 4, 10
    // desk-card face-100x50 is a 100×100 sheet (two faces about the fold): two 100 mm cards with 6 mm of
    // bleed and 14 mm of marks need 220 mm, the A4's printable width is 200: 2 on A4 stays 2, and 6 on A3.
    expect(yields(100, 100)).toEqual([2, 6]) // was 2, 6
    expect(yields(200, 200)).toEqual([0, 1]) // face-200x100: was 0, 1
    expect(yields(210, 180)).toEqual([1, 2]) // face-210x90: was 1, 2
    expect(yields(300, 100)).toEqual([0, 2]) // window sign counter-300x100: was 0, 2
    expect(yields(400, 150)).toEqual([0, 0]) // 420 mm with bleed and marks > 410 printable: its own page
  })

  it('with no bleed the signs butt: neighbours share one cut, and one mark pair marks it', () => {
    const [s] = impose(Array(6).fill('<svg/>'), 100, 50, undefined, 'a4', { bleed: 0, marks: true })
    expect(s!.items.map((i) => [i.x, i.y])).toEqual([
      [48.5, 30],
      [148.5, 30],
      [48.5, 80],
      [148.5, 80],
      [48.5, 130],
      [148.5, 130],
    ])
    expect(sorted(s!.marks.filter(vertical).map((m) => m.x1))).toEqual([48.5, 148.5, 248.5])
    expect(sorted(s!.marks.filter((m) => !vertical(m)).map((m) => m.y1))).toEqual([30, 80, 130, 180])
    expect(s!.marks).toHaveLength(2 * (3 + 4))
    expectGanged(s!, 0)
  })

  it('without marks the cells are the trim plus bleed, as before, and no marks are drawn', () => {
    const [s] = impose(Array(4).fill('<svg/>'), 100, 100, undefined, 'a4', { bleed: 0, marks: false })
    expect(s!.items.map((i) => [i.x, i.y])).toEqual([
      [5, 48.5],
      [105, 48.5],
      [5, 148.5],
      [105, 148.5],
    ])
    expect(s!.marks).toEqual([])
  })

  it('marks the cells a sheet fills: one copy gets its own eight, every sheet of a run the full grid', () => {
    const [one] = impose(['<svg/>'], 100, 50, undefined, 'a4', MARKS)
    expect(one!.marks).toHaveLength(8)
    expectGanged(one!, 3)
    const run = impose(Array(7).fill('<svg/>'), 100, 50, undefined, 'a4', MARKS)
    expect(run.map((s) => s.items.length)).toEqual([6, 1])
    // The last sheet is cut with the stack: the same marks as the first.
    expect(run[1]!.marks).toEqual(run[0]!.marks)
  })

  it('a single-sign page keeps its corner marks: two per corner, 2 mm outside the bleed', () => {
    const page = singlePage('<svg/>', 100, 50, undefined, MARKS)
    expect(page.marks).toHaveLength(8)
    // Its page is cut from larger stock: the marks end 1 mm inside the page edge.
    expectGanged(page, 3, 1)
    expect(page.trim).toEqual({ x: 11, y: 11, width: 100, height: 50 })
  })

  it('the batch imposer lays rows out as a render does, and marks a perSheet limit’s cells only', () => {
    const row = (n: number): RenderedRow => ({
      ok: true,
      row: n,
      fields: {},
      svg: '<svg/>',
      widthMm: 100,
      heightMm: 50,
      compliance: { pass: true, failed: [] },
      text: { status: 'ok', fields: [], changed: [] },
    })
    const full = imposer('a4', undefined, MARKS)
    const sheets = [1, 2, 3, 4, 5, 6].flatMap((n) => full.add(row(n)).sheets)
    const rendered = impose(Array(6).fill('<svg/>'), 100, 50, undefined, 'a4', MARKS)[0]!
    expect(sheets).toHaveLength(1)
    expect(sheets[0]!.items.map((i) => [i.x, i.y])).toEqual(rendered.items.map((i) => [i.x, i.y]))
    expect(sheets[0]!.marks).toEqual(rendered.marks)
    const four = imposer('a4', 4, MARKS)
    const limited = [1, 2, 3, 4].flatMap((n) => four.add(row(n)).sheets)
    expect(limited[0]!.items).toHaveLength(4)
    expect(limited[0]!.marks).toHaveLength(2 * (4 + 4)) // 2 × 2 cells: four cuts each way
    expectGanged(limited[0]!, 3)
  })
})

const outDir = fileURLToPath(new URL('./out/imposition/', import.meta.url))

async function pdfFile(path: string, name: string): Promise<string> {
  const res = await app.request(path)
  expect(res.status).toBe(200)
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, `${name}.pdf`)
  writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
  return file
}

describe.skipIf(skipWithout('poppler'))('ganged imposition: the PDF', () => {
  const banner = { mn: 'ᠪᠠᠲᠤ', zh: '巴图', width: '100', height: '50', sheet: 'a4', bleed: '3', marks: 'true' }

  it('draws each card and each mark where the layout puts them, with no per-sign boxes on the sheet', async () => {
    const file = await pdfFile(`/v1/render/slogan-banner.pdf?${q(banner)}`, 'banner-100x50-a4')
    const info = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' })
    const box = (label: string) => info.match(new RegExp(`${label}:\\s+(.+)`))![1]!.trim()
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.27\d* pts/)
    // TrimBox and BleedBox are one sign's; a sheet of six has none of its own (they default to the page).
    expect(box('TrimBox')).toBe(box('MediaBox'))
    expect(box('BleedBox')).toBe(box('MediaBox'))
    const layout = impose(Array(6).fill(''), 100, 50, undefined, 'a4', MARKS)[0]!
    const [page] = pdfDrawing(file)
    expect(page!.placed.map((p) => [p.x, p.y].map((v) => Math.round(v * 1000) / 1000))).toEqual(layout.items.map((i) => [i.x, i.y]))
    // The red ground runs 3 mm into the gutter from each side: the bleeds meet.
    expect(page!.fills.map((f) => [f.x, f.y, f.width, f.height].map((v) => Math.round(v * 1000) / 1000))).toEqual(
      layout.items.map((i) => [i.x - 3, i.y - 3, 106, 56]),
    )
    const round = (m: CropMark) => [m.x1, m.y1, m.x2, m.y2].map((v) => Math.round(v * 1000) / 1000)
    expect(page!.strokes.map(round)).toEqual(layout.marks.map(round))
  })

  it('poppler draws the marks at every cut, on the sheet’s margin only, in line top and bottom, left and right', async () => {
    const file = await pdfFile(`/v1/render/slogan-banner.pdf?${q(banner)}`, 'banner-100x50-a4')
    const dpi = 200
    // No anti-aliasing: a 0.25 pt line is a row of black pixels.
    execFileSync('pdftoppm', ['-r', String(dpi), '-aa', 'no', '-aaVector', 'no', '-png', '-singlefile', file, join(outDir, 'banner-100x50-a4')])
    const png = decodePng(readFileSync(join(outDir, 'banner-100x50-a4.png')))
    const px = (mm: number) => Math.round((mm / 25.4) * dpi)
    const black = (r: Raster, x: number, y: number) => {
      const o = (y * r.width + x) * 4
      return r.data[o]! < 80 && r.data[o + 1]! < 80 && r.data[o + 2]! < 80
    }
    /** Positions (mm) of black runs along a line across the sheet. */
    const runs = (along: 'x' | 'y', at: number) => {
      const n = along === 'x' ? png.width : png.height
      const found: number[] = []
      let start = -1
      for (let i = 0; i <= n; i++) {
        const on = i < n && (along === 'x' ? black(png, i, px(at)) : black(png, px(at), i))
        if (on && start < 0) start = i
        if (!on && start >= 0) {
          found.push((((start + i - 1) / 2) * 25.4) / dpi)
          start = -1
        }
      }
      return found
    }
    const cutsX = [45.5, 145.5, 151.5, 251.5]
    const cutsY = [24, 74, 80, 130, 136, 186]
    // Across the marks above (19 → 14 mm) and below (191 → 196 mm) the grid: one line per vertical cut, at it.
    for (const y of [16.5, 193.5]) {
      const found = runs('x', y)
      expect(found).toHaveLength(cutsX.length)
      found.forEach((x, i) => expect(Math.abs(x - cutsX[i]!)).toBeLessThan(0.2))
    }
    for (const x of [37.5, 259.5]) {
      const found = runs('y', x)
      expect(found).toHaveLength(cutsY.length)
      found.forEach((y, i) => expect(Math.abs(y - cutsY[i]!)).toBeLessThan(0.2))
    }
    // Inside the grid's bleed (42.5…254.5 × 21…189 mm) nothing black: the marks stay off every sign.
    let inside = 0
    for (let y = px(21); y <= px(189); y++) for (let x = px(42.5); x <= px(254.5); x++) if (black(png, x, y)) inside++
    expect(inside).toBe(0)
    // And the printer's 5 mm margin is blank.
    const m = px(MARGIN)
    let inMargin = 0
    for (let y = 0; y < png.height; y++)
      for (let x = 0; x < png.width; x++) if ((x < m || x >= png.width - m || y < m || y >= png.height - m) && black(png, x, y)) inMargin++
    expect(inMargin).toBe(0)
  })

  it('gangs the default copies of a desk card: six 100×100 sheets to an A3, 20 marks', async () => {
    const file = await pdfFile(
      `/v1/render/desk-card.pdf?${q({ name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', preset: 'face-100x50', sheet: 'a3', bleed: '3', marks: 'true' })}`,
      'desk-card-a3',
    )
    const [page] = pdfDrawing(file)
    expect(page!.placed).toHaveLength(6)
    expect(page!.strokes).toHaveLength(2 * (4 + 6))
    execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', file, join(outDir, 'desk-card-a3')])
  })

  it('the batch API gangs rows the same way: three 100×100 cards on A4, two a sheet, the same marks on both sheets', async () => {
    const res = await app.request('/v1/batch/desk-card.pdf?preset=face-100x50&sheet=a4&bleed=3&marks=true', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\nᠪᠠᠲᠤ,巴特\nᠪᠠᠲᠤ,巴图尔\n',
    })
    expect(res.status).toBe(200)
    mkdirSync(outDir, { recursive: true })
    const file = join(outDir, 'batch-a4.pdf')
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    const pages = pdfDrawing(file)
    expect(pages.map((p) => p.placed.length)).toEqual([2, 1])
    const layout = impose(Array(3).fill(''), 100, 100, undefined, 'a4', MARKS)
    const round = (v: number) => Math.round(v * 1000) / 1000
    pages.forEach((p, i) => {
      expect(p.placed.map((o) => [round(o.x), round(o.y)])).toEqual(layout[i]!.items.map((it) => [it.x, it.y]))
      // One column, two rows: 2 vertical and 4 horizontal cuts, a mark at each end.
      expect(p.strokes).toHaveLength(2 * (2 + 4))
      expect(p.strokes.map((m) => [m.x1, m.y1, m.x2, m.y2].map(round))).toEqual(layout[0]!.marks.map((m) => [m.x1, m.y1, m.x2, m.y2].map(round)))
    })
  })
})
