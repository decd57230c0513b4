/**
 * The print plan the studio shows beside the batch button ("30 signs → 15 sheets A3, 2 per sheet") is the
 * page list the batch PDF sink writes: counted here from the sink itself, for single pages, imposed sheets,
 * a sheet cap, a sign too big for its sheet, and the page listing bad rows.
 */
import { describe, expect, it } from 'vitest'
import type { RenderedRow } from '../src/bulk/render-row.js'
import { pdfSink, newReport, type BatchReport } from '../src/bulk/sinks.js'
import type { PdfSink } from '../src/render/engines.js'
import type { PrintSheet, SheetSize } from '../src/render/print.js'
import { printPlan } from '../src/render/print-plan.js'

const row = (n: number, widthMm: number, heightMm: number): RenderedRow => ({
  ok: true,
  row: n + 2,
  fields: {},
  svg: '<svg/>',
  widthMm,
  heightMm,
  compliance: { pass: true, failed: [] },
  text: { status: 'ok', fields: [], changed: [] },
})

/** The sheets the batch's PDF sink writes for `signs` rows of one size and `failed` bad ones. */
async function written(signs: number, w: number, h: number, print: { bleed: number; marks: boolean; sheet?: SheetSize; perSheet?: number }, failed = 0) {
  const sheets: PrintSheet[] = []
  const pdf = { add: (s: PrintSheet) => void sheets.push(s), finish: () => undefined, readable: new ReadableStream() } as unknown as PdfSink // only add and finish are called
  const report: BatchReport = { ...newReport('t'), rows: signs + failed, rendered: signs, failed }
  const A4: PrintSheet = { width: 210, height: 297, items: [], marks: [] }
  const sink = pdfSink(pdf, print, (r) => Promise.resolve(r.failed > 0 || r.rendered === 0 ? A4 : null))
  for (let i = 0; i < signs; i++) sink.add(row(i, w, h))
  await sink.finish(report)
  return sheets
}

describe('print plan', () => {
  const cases: [string, number, number, number, { bleed: number; marks: boolean; sheet?: SheetSize; perSheet?: number }, number][] = [
    ['30 folded desk cards, one a page', 30, 200, 200, { bleed: 0, marks: false }, 0],
    ['with bleed and marks the page grows', 30, 200, 200, { bleed: 3, marks: true }, 0],
    ['desk cards imposed on A3', 30, 200, 200, { bleed: 3, marks: true, sheet: 'a3' }, 0],
    ['place cards on A4, a part-filled last sheet', 30, 100, 100, { bleed: 0, marks: false, sheet: 'a4' }, 0],
    ['at most 4 a sheet', 30, 100, 100, { bleed: 0, marks: false, sheet: 'a4', perSheet: 4 }, 0],
    ['too big for A4: each its own page', 5, 250, 240, { bleed: 0, marks: false, sheet: 'a4' }, 0],
    ['18 signs and 2 bad rows', 18, 200, 200, { bleed: 0, marks: false }, 2],
  ]
  for (const [name, signs, w, h, print, failed] of cases)
    it(`${name}: as many pages of the same size as the PDF sink writes`, async () => {
      const sheets = await written(signs, w, h, print, failed)
      const plan = printPlan(signs, { widthMm: w, heightMm: h }, print, failed)
      expect(plan.pages + (plan.reportPage ? 1 : 0)).toBe(sheets.length)
      const signPages = plan.reportPage ? sheets.slice(0, -1) : sheets
      for (const s of signPages) expect([s.width, s.height]).toEqual([plan.page.width, plan.page.height])
      expect(Math.max(...signPages.map((s) => s.items.length))).toBe(plan.perSheet)
    })

  it('says the figures a person reads: 200×200 mm cards one a page, two a sheet on A3, four 100×100 place cards on A4', () => {
    expect(printPlan(30, { widthMm: 200, heightMm: 200 }, { bleed: 0, marks: false })).toEqual({
      signs: 30,
      pages: 30,
      page: { width: 200, height: 200 },
      perSheet: 1,
      reportPage: false,
    })
    expect(printPlan(30, { widthMm: 200, heightMm: 200 }, { bleed: 0, marks: false, sheet: 'a3' })).toMatchObject({ pages: 15, perSheet: 2, sheet: 'a3' })
    expect(printPlan(30, { widthMm: 100, heightMm: 100 }, { bleed: 0, marks: false, sheet: 'a4' })).toMatchObject({ pages: 8, perSheet: 4 })
    expect(printPlan(0, { widthMm: 100, heightMm: 100 }, { bleed: 0, marks: false })).toMatchObject({ pages: 0, reportPage: true })
  })
})
