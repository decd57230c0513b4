/**
 * The bulk renderer on Node: rows streamed from a file, rendered on a pool
 * of worker threads (piscina), written in input order to one PDF or a ZIP,
 * with a per-row report. Bad rows are reported and skipped; memory stays
 * bounded by the in-flight window, whatever the input's length.
 */
import { createWriteStream, rmSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { extname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Piscina } from 'piscina'
import { QoyarError } from '../errors.js'
import { inOrder, renderRow, type RowOptions, type RowResult } from '../bulk/render-row.js'
import { newReport, pagePdf, pdfSink, record, zipSink, type BatchReport, type ResultSink } from '../bulk/sinks.js'
import type { Row } from '../bulk/rows.js'
import type { SheetSize } from '../render/print.js'
import { findTemplate } from '../render/template-render.js'
import { nodeEnv } from './env.js'
import { reportPage } from '../bulk/report-page.js'
import { checkColumns } from '../bulk/columns.js'
import { assertReadable, countRows, inputKind, readRows } from './inputs.js'

export interface BatchOptions {
  template: string
  input: string
  output: string
  /** ZIP entries: png (default), svg or pdf. */
  format?: 'png' | 'svg' | 'pdf'
  map?: Record<string, string>
  name?: string
  sheet?: SheetSize
  perSheet?: number
  bleed?: number
  marks?: boolean
  /** Worker threads; 0 renders on the main thread. Default: the number of cores. */
  threads?: number
  defaults?: Record<string, string>
  report?: string
  /** Language of row error messages (default en). */
  lang?: 'zh' | 'en'
  onStart?: (total: number) => void
  onProgress?: (p: { done: number; total: number; failed: number; result: RowResult }) => void
}

export const WORKER_OLD_SPACE_MB = 192

/**
 * Worker threads for rendering: one fewer than the cores, because the main
 * thread writes the PDF (≈ 4 ms a page) and streams the ZIP. Measured on 2
 * cores, 1,000 desk cards to PDF: 0 threads 5.1 s / 304 MB, 1 thread 4.9 s /
 * 413 MB, 2 threads 5.4 s / 579 MB.
 */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1)
}

export async function runBatch(o: BatchOptions): Promise<BatchReport> {
  const env = await nodeEnv()
  const template = findTemplate(env, o.template)
  const kind = extname(o.output).toLowerCase()
  if (kind !== '.pdf' && kind !== '.zip')
    throw new QoyarError('unsupported_output', 400, `Write to a .pdf or a .zip, not "${o.output}".`, { output: o.output }, { output: o.output })
  const format = kind === '.zip' ? (o.format ?? 'png') : 'pdf'
  inputKind(o.input)
  await assertReadable(o.input)
  const total = await countRows(o.input)
  if (total === 0) throw new QoyarError('no_rows', 422, `"${o.input}" has a header but no rows.`, { file: o.input }, {})
  const threads = o.threads ?? defaultThreads()
  const opts: RowOptions = { template: template.id, png: format === 'png', defaults: o.defaults ?? {}, lang: o.lang ?? 'en' }
  o.onStart?.(total)
  const pool =
    threads > 0
      ? new Piscina({
          filename: new URL('./render-worker.ts', import.meta.url).href,
          minThreads: threads,
          maxThreads: threads,
          // The worker is TypeScript: load it through tsx, resolved from qoyar's own install (not the working directory).
          execArgv: ['--import', import.meta.resolve('tsx')],
          // Each worker's live set is small (one row at a time); a modest old space
          // makes V8 collect instead of letting the heap grow to its default ceiling.
          resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
          // Two rows a worker: while one row's PNG is deflated on libuv's pool, the worker lays out and rasterizes the next.
          concurrentTasksPerWorker: 2,
        })
      : null
  let checked = false
  const work = (row: Row): Promise<RowResult> => {
    if (!checked && row.columns) checkColumns(template, env.rulePacks, row.columns, o.map ?? {}, opts.defaults)
    checked = true
    // A bad row never goes to a worker: renderRow answers it at once.
    return row.problem || !pool ? renderRow(env, row, opts) : (pool.run({ row, opts }) as Promise<RowResult>) // piscina's run() is untyped
  }

  const partial = `${o.output}.part`
  const file = createWriteStream(partial)
  // Interrupted (Ctrl-C, SIGTERM): no half-written file is left beside the output.
  const interrupted = (signal: NodeJS.Signals) => {
    file.destroy()
    rmSync(partial, { force: true })
    process.kill(process.pid, signal)
  }
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted)
  const print = { bleed: o.bleed ?? 0, marks: o.marks ?? false, ...(o.sheet ? { sheet: o.sheet } : {}), ...(o.perSheet ? { perSheet: o.perSheet } : {}) }
  let sink: ResultSink & {
    pageOf?: (row: number) => number | undefined
    fileOf?: (row: number) => string | undefined
    addAsync?: (r: RowResult) => Promise<void>
  }
  let written: Promise<void>
  if (format === 'pdf' && kind === '.pdf') {
    const pdf = env.engines.openPdf!(`${template.title.zh} ${template.title.en}`)
    written = pipeline(Readable.fromWeb(pdf.readable as never), file)
    // A PDF with no sign in it still opens: it carries the report instead.
    sink = pdfSink(pdf, print, async (r) => (r.rendered === 0 ? reportPage(env, r, 'zh') : null))
  } else {
    let resolveZip!: () => void
    written = new Promise<void>((resolve, reject) => {
      resolveZip = resolve
      file.on('error', reject)
    })
    sink = zipSink(
      (chunk, final) => {
        file.write(chunk)
        if (final) file.end(() => resolveZip())
      },
      format,
      o.name,
      pagePdf(env.engines.pdf!, template.title.zh, print),
    )
  }

  const report = newReport(template.id)
  try {
    for await (const result of inOrder(readRows(o.input, o.map ?? {}), work, Math.max(2, threads * 4))) {
      if (sink.addAsync) await sink.addAsync(result)
      else sink.add(result)
      record(report, result, { file: sink.fileOf?.(result.row), page: sink.pageOf?.(result.row) })
      o.onProgress?.({ done: report.rows, total, failed: report.failed, result })
    }
    await sink.finish(report)
    await written
    await rename(partial, o.output)
  } catch (e) {
    // The writer's own promise fails too once the file is destroyed: the first error is the one to report.
    written.catch(() => {})
    file.destroy()
    await rm(partial, { force: true })
    throw e
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted)
    await pool?.destroy()
  }
  if (o.report) await writeFile(o.report, JSON.stringify(report, null, 2))
  return report
}
