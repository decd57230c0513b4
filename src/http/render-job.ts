/**
 * A render as plain data, so the runtime can run it wherever it likes: in
 * the request's own thread (Workers, tests) or on a worker thread (Node, see
 * src/node/render-pool.ts). The job says what to draw, the answer is the
 * response's status, headers and bytes; a QoyarError crosses as a plain
 * object and is raised again on the other side.
 */
import type { AppEnv } from '../env.js'
import { QoyarError, type ErrorStatus, type MessageParams } from '../errors.js'
import { inOrder, renderRow, type RowOptions, type RowResult } from '../bulk/render-row.js'
import type { Row } from '../bulk/rows.js'
import { pdfUserUnit } from '../render/limits.js'
import { renderPng } from '../render/png.js'
import { renderSvg } from '../render/svg.js'
import { enforceText, prepare, renderSign, translationHeader, type Prepared } from '../render/template-render.js'
import { textImage, type TextImageSpec } from '../render/text-image.js'
import { complianceHeader } from '../rules/evaluate.js'
import { changedHeader } from '../text/mongolian/fields.js'
import { etagFor, matchesIfNoneMatch } from './etag.js'
import { CACHE_CONTROL, CONTENT_TYPES, type ImageFormat } from './image-response.js'

/** A template render: the request's own fields, validated again wherever it runs. */
export interface TemplateJob {
  kind: 'template'
  id: string
  format: ImageFormat
  input: Record<string, unknown>
  /** POST's If-None-Match: answered with a 304 once the ETag is known. */
  ifNoneMatch?: string
}

/** A text image: the spec and headers the route already worked out. */
export interface TextJob {
  kind: 'text'
  format: 'svg' | 'png'
  spec: TextImageSpec
  etag: string
  headers: Record<string, string>
}

export type ImageJob = TemplateJob | TextJob

/** What a response needs, and nothing that cannot be copied between threads. */
export interface Drawn {
  status: 200 | 304
  headers: Record<string, string>
  body: string | Uint8Array | null
}

/** One batch row, with what is left of its batch's pixel budget. */
export interface RowJob {
  row: Row
  opts: RowOptions
}

export interface RowOutcome {
  result: RowResult
  /** Pixels the row took from the budget it was given. */
  spent: number
}

/** Where renders run when not in the request's thread: the runtime entry's choice (Node: worker threads). */
export interface Offload {
  /** Draws one image; `deadline` aborting stops the work where it runs. */
  image(job: ImageJob, deadline: AbortSignal): Promise<Drawn>
  row(job: RowJob): Promise<RowOutcome>
  /** Rows of one batch worth rendering at once: enough to keep every thread busy. */
  readonly rowsAtOnce: number
}

/** A QoyarError as plain data, to cross a thread. */
export interface ErrorData {
  code: string
  status: ErrorStatus
  message: string
  details?: unknown
  params: MessageParams
}

export type Crossing<T> = { ok: true; value: T } | { ok: false; error: ErrorData }

/** Runs `work`, turning a QoyarError into data; any other error is a bug and stays thrown. */
export async function crossing<T>(work: () => Promise<T>): Promise<Crossing<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (e) {
    if (!(e instanceof QoyarError)) throw e
    return { ok: false, error: { code: e.code, status: e.status, message: e.message, details: e.details, params: e.params } }
  }
}

export function arrived<T>(c: Crossing<T>): T {
  if (c.ok) return c.value
  throw new QoyarError(c.error.code, c.error.status, c.error.message, c.error.details, c.error.params)
}

/** Says when the PDF page is written at a UserUnit scale (a side past 14,400 pt). */
function pdfScaleHeader(p: Prepared): Record<string, string> {
  const bleed = 2 * p.print.bleed
  const unit = pdfUserUnit(((p.canvas.widthMm + bleed) * 72) / 25.4, ((p.canvas.heightMm + bleed) * 72) / 25.4)
  return unit > 1 ? { 'X-Qoyar-Pdf-User-Unit': String(unit) } : {}
}

function image(format: ImageFormat, body: string | Uint8Array, etag: string, extra: Record<string, string>): Drawn {
  return { status: 200, headers: { 'Content-Type': CONTENT_TYPES[format], ETag: etag, 'Cache-Control': CACHE_CONTROL, ...extra }, body }
}

/** Validation a template render needs before anything is drawn (shared by the route and the job). */
export function prepareTemplate(env: AppEnv, id: string, input: Record<string, unknown>): Prepared {
  const prepared = prepare(env, id, input)
  enforceText(prepared)
  return prepared
}

export function templateEtag(env: AppEnv, prepared: Prepared, format: ImageFormat): Promise<string> {
  return etagFor(env.version, { ...prepared.key, format })
}

async function drawTemplate(env: AppEnv, job: TemplateJob, given?: { prepared: Prepared; etag: string }): Promise<Drawn> {
  const prepared = given?.prepared ?? prepareTemplate(env, job.id, job.input)
  const etag = given?.etag ?? (await templateEtag(env, prepared, job.format))
  if (matchesIfNoneMatch(job.ifNoneMatch, etag)) return { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL }, body: null }
  const { report, svg, bytes } = await renderSign(env, prepared, job.format)
  const changed = changedHeader(prepared.text)
  const headers = {
    'X-Qoyar-Compliance': complianceHeader(report),
    'X-Qoyar-Region': report.region,
    'X-Qoyar-Text': prepared.text.status,
    ...(changed ? { 'X-Qoyar-Text-Changed': changed } : {}),
    'X-Qoyar-Template': `${prepared.template.id}@${prepared.template.version}`,
    'X-Qoyar-Size': `${prepared.canvas.width}x${prepared.canvas.height}`,
    'X-Qoyar-Dpi': String(prepared.canvas.dpi),
    // What the design chose by itself within the rules (desk-card: mnLayout=line for a long name).
    ...(report.adjustments.length ? { 'X-Qoyar-Adjusted': report.adjustments.map((a) => `${a.field}=${a.value}`).join(', ') } : {}),
    'Content-Disposition': `inline; filename="${prepared.template.id}.${job.format}"`,
    ...(prepared.slogan ? { 'X-Qoyar-Slogan': prepared.slogan.key, 'X-Qoyar-Translation': translationHeader(prepared)! } : {}),
  }
  if (job.format === 'svg') return image('svg', svg!, etag, headers)
  if (job.format === 'pdf') return image('pdf', bytes!, etag, { ...headers, ...pdfScaleHeader(prepared) })
  return image('png', bytes!, etag, headers)
}

async function drawText(env: AppEnv, job: TextJob): Promise<Drawn> {
  const img = textImage(env.fonts, job.spec)
  const svg = await renderSvg(env.engines, env.fonts, img.root, img)
  const headers = {
    'X-Qoyar-Orientation': img.layout.orientation,
    'X-Qoyar-Lines': String(img.layout.lines.length),
    'X-Qoyar-Lang': img.layout.lang,
    'X-Qoyar-Direction': img.layout.direction,
    ...job.headers,
  }
  if (job.format === 'svg') return image('svg', svg, job.etag, headers)
  return image('png', await renderPng(env.engines, svg, img), job.etag, headers)
}

/**
 * Draws a job in this thread. A template job the route already validated
 * may pass its `prepared` and ETag along, so in-process work is not done twice.
 */
export function drawImage(env: AppEnv, job: ImageJob, given?: { prepared: Prepared; etag: string }): Promise<Drawn> {
  return job.kind === 'template' ? drawTemplate(env, job, given) : drawText(env, job)
}

/** Renders a row in this thread against a copy of its budget, and says what it spent. */
export async function drawRow(env: AppEnv, job: RowJob): Promise<RowOutcome> {
  const budget = job.opts.budget ? { pixels: job.opts.budget.pixels } : undefined
  const result = await renderRow(env, job.row, { ...job.opts, ...(budget ? { budget } : {}) })
  return { result, spent: budget ? job.opts.budget!.pixels - budget.pixels : 0 }
}

/** The response for a drawn job. */
export function responseOf(d: Drawn): Response {
  return new Response(d.body as BodyInit | null, { status: d.status, headers: d.headers })
}

/**
 * A batch's rows rendered where the env says (worker threads, else here),
 * in input order, until `stopped` aborts (the client went away): nothing
 * more is started then. The pixel budget is shared by the rows: here the
 * rows take from one object; on threads each row is handed what was left
 * when it was sent and its spending is taken off when it returns, so rows
 * in flight together may overrun the budget by at most one row each.
 */
export async function* batchRows(env: AppEnv, rows: Iterable<Row>, opts: RowOptions, stopped: AbortSignal): AsyncGenerator<RowResult> {
  const budget = opts.budget ? { pixels: opts.budget.pixels } : undefined
  const offload = env.offload
  const one = async (row: Row): Promise<RowResult | null> => {
    if (stopped.aborted) return null
    if (!offload) return renderRow(env, row, { ...opts, ...(budget ? { budget } : {}) })
    const { result, spent } = await offload.row({ row, opts: { ...opts, ...(budget ? { budget: { pixels: budget.pixels } } : {}) } })
    if (budget) budget.pixels -= spent
    return result
  }
  for await (const r of inOrder(rows, one, offload ? offload.rowsAtOnce : 1)) {
    if (r === null || stopped.aborted) return
    yield r
  }
}
