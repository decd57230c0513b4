/**
 * One row of a batch through the ordinary render pipeline. A bad row is a
 * result, not an exception: it carries its row number, the field at fault
 * and the message, and the batch goes on.
 */
import type { AppEnv } from '../env.js'
import { QoyarError } from '../errors.js'
import { enforceText, prepare, renderSign } from '../render/template-render.js'
import type { TextReport } from '../text/mongolian/fields.js'
import type { Row } from './rows.js'
import type { Language } from '../i18n/types.js'

export type ItemFormat = 'svg' | 'png' | 'pdf'

export interface RowOptions {
  template: string
  /** What each row must produce besides its SVG: a PNG for ZIPs of PNGs. */
  png: boolean
  /** Fields every row gets unless it has its own (preset, region, strict…; a design's emblem, pictures, tuning). */
  defaults: Record<string, unknown>
  /** Language of the error messages. */
  lang?: Language
  /** Pixels the whole batch may still draw (shared by its rows); a row past it fails. */
  budget?: { pixels: number }
}

export interface RenderedRow {
  ok: true
  row: number
  fields: Record<string, string>
  svg: string
  png?: Uint8Array
  widthMm: number
  heightMm: number
  background?: string
  compliance: { pass: boolean; failed: string[] }
  /** The Mongolian text checker's findings per field (and, with normalize, what it changed). */
  text: TextReport
}

export interface FailedRow {
  ok: false
  row: number
  fields: Record<string, string>
  error: { code: string; message: string; field?: string }
}

export type RowResult = RenderedRow | FailedRow

/** The field a failure belongs to, where one can be named. */
function fieldOf(e: QoyarError, fields: Record<string, unknown>): string | undefined {
  const d = e.details as { issues?: { path: string }[]; codePoints?: string[]; fields?: { field: string }[] } | undefined
  if (d?.issues?.[0]) return d.issues[0].path
  if (d?.fields?.[0]) return d.fields[0].field
  if (d?.codePoints?.[0]) {
    const cp = String.fromCodePoint(parseInt(d.codePoints[0].slice(2), 16))
    return Object.entries(fields).find(([, v]) => typeof v === 'string' && v.includes(cp))?.[0]
  }
  return undefined
}

/** Work is bounded in pixels, not rows: one row at 8000×5000 costs what 300 desk cards do. */
function spend(budget: { pixels: number }, pixels: number): void {
  if (pixels > budget.pixels)
    throw new QoyarError(
      'batch_budget',
      413,
      `This row (${(pixels / 1e6).toFixed(1)} MP) is past what is left of the batch's pixel budget (${(budget.pixels / 1e6).toFixed(0)} MP); split the batch or lower the size or dpi.`,
      { pixels, left: budget.pixels },
      { mp: (pixels / 1e6).toFixed(1), leftMp: (budget.pixels / 1e6).toFixed(0) },
    )
  budget.pixels -= pixels
}

export async function renderRow(env: AppEnv, row: Row, opts: RowOptions): Promise<RowResult> {
  if (row.problem)
    return {
      ok: false,
      row: row.row,
      fields: row.fields,
      error: { code: 'invalid_row', message: row.problem.message, ...(row.problem.field ? { field: row.problem.field } : {}) },
    }
  const fields = { ...opts.defaults, ...row.fields }
  try {
    const p = prepare(env, opts.template, fields)
    enforceText(p)
    if (opts.budget) spend(opts.budget, p.canvas.width * p.canvas.height)
    const { design, report, svg, bytes: png } = await renderSign(env, p, opts.png ? 'png' : 'svg')
    return {
      ok: true,
      row: row.row,
      fields: row.fields,
      svg: svg!,
      ...(png ? { png } : {}),
      widthMm: p.canvas.widthMm,
      heightMm: p.canvas.heightMm,
      ...(design.background ? { background: design.background } : {}),
      compliance: { pass: report.pass, failed: report.rules.filter((r) => !r.pass).map((r) => r.id) },
      text: p.text,
    }
  } catch (e) {
    if (!(e instanceof QoyarError)) throw e
    const field = fieldOf(e, fields)
    const message = opts.lang ? env.locales.error(opts.lang, e.code, e.params, e.message) : e.message
    return { ok: false, row: row.row, fields: row.fields, error: { code: e.code, message, ...(field ? { field } : {}) } }
  }
}

/** Renders in order, `width` at a time, yielding results in input order: memory stays bounded by the window. */
export async function* inOrder<T, R>(items: AsyncIterable<T> | Iterable<T>, work: (item: T) => Promise<R>, width: number): AsyncGenerator<R> {
  const window: Promise<R>[] = []
  for await (const item of items) {
    window.push(work(item))
    if (window.length >= width) yield await window.shift()!
  }
  while (window.length) yield await window.shift()!
}
