/**
 * Where batch results go, in input order: one PDF (each sign its own page,
 * or imposed on A4/A3 sheets), or a ZIP (fflate, streamed) of files named
 * from the rows, with a report.json trailer.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import type { PdfSink, WritePdf } from '../render/engines.js'
import { gridFor, gridSheet, sheetCapacity, singlePage, slotOf, type PrintOptions, type PrintSheet, type SheetGrid, type SheetSize } from '../render/print.js'
import type { RenderedRow, RowResult } from './render-row.js'
import { fileNamer } from './names.js'
import type { TextReport } from '../text/mongolian/fields.js'

export interface BatchReport {
  template: string
  rows: number
  rendered: number
  failed: number
  results: ReportEntry[]
}

export interface ReportEntry {
  row: number
  status: 'ok' | 'failed'
  file?: string
  page?: number
  compliance?: { pass: boolean; failed: string[] }
  /** Mongolian text findings per field, when there are any (or normalize changed something). */
  text?: TextReport
  error?: { code: string; message: string; field?: string }
}

export interface ResultSink {
  add(result: RowResult): void
  /** Adds the report where the format has room for it, and closes. */
  finish(report: BatchReport): void | Promise<void>
}

/** Gangs signs of one size on sheets as they arrive (print.ts's grid); hands back each full sheet. */
export function imposer(sheet: SheetSize, perSheet: number | undefined, opts: PrintOptions) {
  let current: PrintSheet | null = null
  let grid: SheetGrid | null = null
  let size = ''
  let slot = 0
  /** Sheets begun so far: the page number of the sheet being filled. */
  let started = 0
  const done: PrintSheet[] = []
  const flush = () => {
    if (current?.items.length) done.push(current)
    current = null
    slot = 0
  }
  return {
    add(r: RenderedRow): { sheets: PrintSheet[]; page: number } {
      const key = `${r.widthMm}x${r.heightMm}`
      if (key !== size) {
        flush()
        size = key
        grid = gridFor(r.widthMm, r.heightMm, sheet, opts)
      }
      const g = grid!
      const capacity = sheetCapacity(g, perSheet)
      if (capacity < 1) {
        // Too big for the sheet: its own page rather than nothing.
        flush()
        done.push(singlePage(r.svg, r.widthMm, r.heightMm, r.background, opts))
        return { sheets: done.splice(0), page: ++started }
      }
      if (!current) {
        current = gridSheet(g, capacity)
        started++
      }
      const { x, y } = slotOf(g, slot)
      current.items.push({ svg: r.svg, x, y, width: r.widthMm, height: r.heightMm, bleed: opts.bleed, ...(r.background ? { bleedColor: r.background } : {}) })
      slot++
      const page = started
      if (slot >= capacity) flush()
      return { sheets: done.splice(0), page }
    },
    end(): PrintSheet[] {
      flush()
      return done.splice(0)
    },
  }
}

export function pdfSink(
  pdf: PdfSink,
  print: PrintOptions & { sheet?: SheetSize; perSheet?: number },
  reportPage?: (report: BatchReport) => Promise<PrintSheet | null>,
): ResultSink & { pageOf(row: number): number | undefined } {
  const pages = new Map<number, number>()
  let count = 0
  const impose = print.sheet ? imposer(print.sheet, print.perSheet, print) : null
  const emit = (sheets: PrintSheet[]) => {
    for (const s of sheets) {
      pdf.add(s)
      count++
    }
  }
  return {
    add(result) {
      if (!result.ok) return
      if (impose) {
        const placed = impose.add(result)
        pages.set(result.row, placed.page)
        emit(placed.sheets)
      } else {
        emit([singlePage(result.svg, result.widthMm, result.heightMm, result.background, print)])
        pages.set(result.row, count)
      }
    },
    async finish(report) {
      if (impose) emit(impose.end())
      const extra = await reportPage?.(report)
      if (extra) emit([extra])
      pdf.finish()
    },
    pageOf: (row) => pages.get(row),
  }
}

export function zipSink(
  onData: (chunk: Uint8Array, final: boolean) => void,
  format: 'png' | 'svg' | 'pdf',
  pattern: string | undefined,
  pdfOf?: (r: RenderedRow) => Promise<Uint8Array>,
): ResultSink & { fileOf(row: number): string | undefined; addAsync(result: RowResult): Promise<void> } {
  const zip = new Zip((err, chunk, final) => {
    if (err) throw err
    onData(chunk, final)
  })
  const name = fileNamer(pattern, format)
  const files = new Map<number, string>()
  const put = (file: string, data: Uint8Array, compress: boolean) => {
    const entry = compress ? new ZipDeflate(file, { level: 6 }) : new ZipPassThrough(file)
    zip.add(entry)
    entry.push(data, true)
  }
  const sink = {
    add(result: RowResult) {
      if (!result.ok) return
      const file = name(result.row, result.fields)
      files.set(result.row, file)
      // PNG is already compressed; SVG compresses well.
      if (format === 'png') put(file, result.png!, false)
      else if (format === 'svg') put(file, new TextEncoder().encode(result.svg), true)
    },
    async addAsync(result: RowResult) {
      if (format !== 'pdf' || !result.ok) return sink.add(result)
      const file = name(result.row, result.fields)
      files.set(result.row, file)
      put(file, await pdfOf!(result), true)
    },
    finish(report: BatchReport) {
      put('report.json', new TextEncoder().encode(JSON.stringify(report, null, 2)), true)
      zip.end()
    },
    fileOf: (row: number) => files.get(row),
  }
  return sink
}

export function reportEntry(result: RowResult, where: { file?: string | undefined; page?: number | undefined }): ReportEntry {
  return result.ok
    ? {
        row: result.row,
        status: 'ok',
        ...(where.file ? { file: where.file } : {}),
        ...(where.page ? { page: where.page } : {}),
        compliance: result.compliance,
        ...(result.text.fields.length || result.text.changed.length ? { text: result.text } : {}),
      }
    : { row: result.row, status: 'failed', error: result.error }
}

export function newReport(template: string): BatchReport {
  return { template, rows: 0, rendered: 0, failed: 0, results: [] }
}

/** Counts a row's result into the report, with where it went (ZIP file or PDF page). */
export function record(report: BatchReport, result: RowResult, where: { file?: string | undefined; page?: number | undefined }): void {
  report.rows++
  if (result.ok) report.rendered++
  else report.failed++
  report.results.push(reportEntry(result, where))
}

/** Each sign as its own single-page PDF, for a ZIP of PDFs. */
export function pagePdf(pdf: WritePdf, title: string, print: PrintOptions) {
  return (r: RenderedRow) => pdf({ title, sheets: [singlePage(r.svg, r.widthMm, r.heightMm, r.background, print)] })
}
