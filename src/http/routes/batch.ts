/**
 * POST /v1/batch/{template}.{pdf|zip}: CSV or JSON lines in the body (or a
 * form of rows and a design, batch-body.ts), one sign per row, the PDF or
 * ZIP streamed back as rows render. Bad rows are
 * listed on a last PDF page or in report.json inside the ZIP; with
 * `Accept: application/json` the per-row report alone comes back.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../env.js'
import { QoyarError } from '../../errors.js'
import type { RowOptions, RowResult } from '../../bulk/render-row.js'
import { batchRows } from '../render-job.js'
import { reportPage } from '../../bulk/report-page.js'
import { parseMap } from '../../bulk/rows.js'
import { checkColumns } from '../../bulk/columns.js'
import { capPicturePixels } from '../../render/picture-budget.js'
import { batchBody, isMultipart, maxBodyBytes } from '../batch-body.js'
import { queryFields } from '../input.js'
import { relay, yieldToOthers } from '../stream.js'
import { newReport, pagePdf, pdfSink, record, zipSink } from '../../bulk/sinks.js'
import { batchPrint, findTemplate } from '../../render/template-render.js'
import { requestLanguage } from '../errors.js'

/**
 * maxPixels: 500 desk-card sheets at 300 dpi are 2.8 GP; one 40 KB request once asked for 16 CPU-minutes of 8000 px rows.
 * maxDesignBytes: a design's emblem or pictures go to every row (each row's render decodes them), so the design part is
 * kept to what an emblem needs, not a display board's 16 MB of photographs.
 */
export const BATCH_LIMITS = { maxBodyBytes: 2 * 1024 * 1024, maxDesignBytes: 2 * 1024 * 1024, maxRows: 500, maxPixels: 3e9 } as const
const PART_LIMITS = { maxRowsBytes: BATCH_LIMITS.maxBodyBytes, maxDesignBytes: BATCH_LIMITS.maxDesignBytes }

/** Query keys the batch reads itself; any other key is a field every row gets. */
const OWN_KEYS = new Set(['format', 'name', 'sheet', 'perSheet', 'bleed', 'marks', 'map', 'lang'])

/** The body bounded before it is read: the rows alone, or a form of rows and design. */
const limitFor = (multipart: boolean) => {
  const max = maxBodyBytes(PART_LIMITS, multipart)
  return bodyLimit({
    maxSize: max,
    onError: () => {
      throw new QoyarError('payload_too_large', 413, `The request body is over ${max / 1024} KB.`, { maxBytes: max }, { maxKb: max / 1024 })
    },
  })
}
const limits = { rows: limitFor(false), form: limitFor(true) }

export function batchRoutes(env: AppEnv): Hono {
  const app = new Hono()
  app.post(
    '/batch/:file',
    (c, next) => (isMultipart(c) ? limits.form : limits.rows)(c, next),
    async (c) => {
      const file = c.req.param('file') ?? ''
      const dot = file.lastIndexOf('.')
      const kind = file.slice(dot + 1)
      if (dot < 1 || (kind !== 'pdf' && kind !== 'zip'))
        throw new QoyarError(
          'unsupported_format',
          404,
          `No batch format "${kind}"; use .pdf or .zip.`,
          {},
          { format: kind, id: file.slice(0, dot), formats: '.pdf, .zip' },
        )
      const template = findTemplate(env, file.slice(0, dot))
      const q = queryFields(c)
      const lang = requestLanguage(c)
      const map = q.map ? parseMap([q.map]) : {}
      const sent = await batchBody(c, template.id, map, PART_LIMITS)
      const { rows, encoding } = sent
      // Every row's fields: the design's, under the query's; a row's own cells win over both (renderRow).
      const defaults: Record<string, unknown> = { ...sent.design, ...Object.fromEntries(Object.entries(q).filter(([k]) => !OWN_KEYS.has(k))) }
      capPicturePixels(defaults)
      const columns = rows.find((r) => r.columns)?.columns
      if (columns) checkColumns(template, env.rulePacks, columns, map, defaults)
      if (!rows.length) throw new QoyarError('no_rows', 422, 'The body has a header but no rows.', {}, {})
      if (rows.length > BATCH_LIMITS.maxRows)
        throw new QoyarError(
          'too_many_rows',
          413,
          `${rows.length} rows; the batch API takes ${BATCH_LIMITS.maxRows} (use the qoyar CLI for more).`,
          { rows: rows.length, max: BATCH_LIMITS.maxRows },
          { rows: rows.length, max: BATCH_LIMITS.maxRows },
        )
      const format = kind === 'zip' ? ((q.format ?? 'png') as 'png' | 'svg' | 'pdf') : 'pdf'
      if (!['png', 'svg', 'pdf'].includes(format))
        throw new QoyarError(
          'unsupported_format',
          404,
          `No format "${format}" inside a ZIP; use png, svg or pdf.`,
          {},
          { format, id: template.id, formats: 'png, svg, pdf' },
        )
      if (format === 'pdf' && !env.engines.openPdf)
        throw new QoyarError('format_unavailable', 422, 'This runtime has no PDF writer; ask for a ZIP of PNG or SVG.', {}, { format: 'pdf' })
      // The render's print options, parsed the same way: a bad bleed or sheet is a 422, never clamped.
      // The design's print options (a saved design keeps them), under the query's.
      const { sheet, perSheet, bleed, marks } = batchPrint(
        { bleed: q.bleed ?? sent.print.bleed, marks: q.marks ?? sent.print.marks, sheet: q.sheet ?? sent.print.sheet, perSheet: q.perSheet },
        template.id,
      )
      const print = { bleed, marks, ...(sheet ? { sheet } : {}), ...(perSheet ? { perSheet } : {}) }
      const opts: RowOptions = { template: template.id, png: format === 'png', defaults, lang, budget: { pixels: BATCH_LIMITS.maxPixels } }
      const report = newReport(template.id)
      const tally = (r: RowResult, where: { file?: string | undefined; page?: number | undefined }) => record(report, r, where)

      const gone = c.req.raw.signal
      const stoppedEarly = () => console.log(`qoyar: batch ${template.id} stopped after ${report.rows} of ${rows.length} rows: the client went away`)
      if (c.req.header('accept')?.includes('application/json')) {
        for await (const r of batchRows(env, rows, opts, gone)) {
          tally(r, {})
          await yieldToOthers()
        }
        // The client hung up: nothing more was rendered for it.
        if (gone.aborted) {
          stoppedEarly()
          return new Response(null, { status: 499 })
        }
        return c.json({ ...report, encoding }, 200)
      }

      const headers = {
        'Content-Disposition': `attachment; filename="${template.id}.${kind}"`,
        'X-Qoyar-Rows': String(rows.length),
        'X-Qoyar-Encoding': encoding,
        'Cache-Control': 'no-store',
      }
      if (kind === 'pdf') {
        const pdf = env.engines.openPdf!(`${template.title.zh} ${template.title.en}`)
        const sink = pdfSink(pdf, print, (r) => reportPage(env, r, lang))
        const out = relay(pdf.readable)
        // Rendering runs while the response streams; the report page closes the document.
        void (async () => {
          for await (const r of batchRows(env, rows, opts, out.stopped)) {
            sink.add(r)
            tally(r, { page: sink.pageOf(r.row) })
            await yieldToOthers()
          }
          if (out.stopped.aborted) return stoppedEarly()
          await sink.finish(report)
        })().catch((e) => {
          console.error('qoyar: batch failed', e)
          out.fail(e)
        })
        return new Response(out.body, { headers: { ...headers, 'Content-Type': 'application/pdf' } })
      }
      let controller!: ReadableStreamDefaultController<Uint8Array>
      const stop = new AbortController()
      const body = new ReadableStream<Uint8Array>({ start: (ctl) => void (controller = ctl), cancel: (reason) => stop.abort(reason) })
      const zip = zipSink(
        (chunk, final) => {
          if (stop.signal.aborted) return
          controller.enqueue(chunk)
          if (final) controller.close()
        },
        format,
        q.name,
        pagePdf(env.engines.pdf!, template.title.zh, print),
      )
      void (async () => {
        for await (const r of batchRows(env, rows, opts, stop.signal)) {
          await zip.addAsync(r)
          tally(r, { file: zip.fileOf(r.row) })
          await yieldToOthers()
        }
        if (stop.signal.aborted) return stoppedEarly()
        zip.finish(report)
      })().catch((e) => {
        console.error('qoyar: batch failed', e)
        controller.error(e)
      })
      return new Response(body, { headers: { ...headers, 'Content-Type': 'application/zip' } })
    },
  )
  return app
}
