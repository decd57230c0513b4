/**
 * What a batch request sends: its rows, and the design every row starts from.
 *
 * - The rows alone as the body (CSV or JSON lines); query keys are the fields every row gets.
 * - `multipart/form-data` with a `rows` part (the same CSV or JSON lines, as a file or a text field)
 *   and an optional `design` part: a saved design (src/design-file.ts, what the studio exports and
 *   `qoyar render --design` reads) or a JSON object of fields. The design carries what a URL cannot
 *   hold (an emblem or pictures as data: URIs, colours, tuning); a row's own cells win over it, and
 *   the query over the design. A column in the header speaks for its field in every row, even where a
 *   cell is blank: the design's value for that field (its example name, say) is never printed instead.
 *
 * Each part is bounded on its own; parts other than these two, or either one twice, are refused.
 */
import type { Context } from 'hono'
import { QoyarError } from '../errors.js'
import { decodeText } from '../bulk/decode.js'
import { fieldOf, rowsFromCsv, rowsFromJsonLines, type Row } from '../bulk/rows.js'
import { PRINT_KEYS } from '../render/request-keys.js'
import { bodyType, BODY_TYPES, designFields, jsonObject, renderInput } from './input.js'

export const BATCH_PARTS = { rows: 'rows', design: 'design' } as const

export interface BatchBodyLimits {
  /** The rows, as a body or as the rows part. */
  maxRowsBytes: number
  /** The design part (an emblem is a data: URI inside it). */
  maxDesignBytes: number
}

export interface BatchBody {
  rows: Row[]
  encoding: string
  /** The design's fields (not its print options), less those a column fills: every row's defaults under the query's. */
  design: Record<string, unknown>
  /** The design's print options (bleed, marks, sheet), which the query's override. */
  print: Record<string, unknown>
}

/** Room for the form's boundaries and part headers, over its parts. */
const MULTIPART_OVERHEAD = 64 * 1024

/** The most a whole batch body may be: the rows, or the rows and the design as a form. */
export const maxBodyBytes = (limits: BatchBodyLimits, multipart: boolean): number =>
  multipart ? limits.maxRowsBytes + limits.maxDesignBytes + MULTIPART_OVERHEAD : limits.maxRowsBytes

export const isMultipart = (c: Context): boolean =>
  (BODY_TYPES.multipart as readonly string[]).includes((c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase())

function tooLarge(part: string, max: number): QoyarError {
  return new QoyarError('part_too_large', 413, `The "${part}" part is over ${max / 1024} KB.`, { part, maxBytes: max }, { part, maxKb: max / 1024 })
}

function badForm(reason: string): QoyarError {
  return new QoyarError('invalid_form', 400, `The form could not be read: ${reason}.`, { reason }, { reason })
}

const NDJSON = BODY_TYPES.ndjson as readonly string[]

function rowsOf(bytes: Uint8Array, ndjson: boolean, map: Readonly<Record<string, string>>): { rows: Row[]; encoding: string } {
  const { text, encoding } = decodeText(bytes)
  return { rows: ndjson ? rowsFromJsonLines(text, map) : rowsFromCsv(text, map), encoding }
}

/** A part's bytes (a file or a text field), its declared type, bounded. */
async function partBytes(value: string | File, part: string, max: number): Promise<{ bytes: Uint8Array; type: string }> {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(await value.arrayBuffer())
  if (bytes.byteLength > max) throw tooLarge(part, max)
  return { bytes, type: typeof value === 'string' ? '' : value.type.split(';')[0]!.trim().toLowerCase() }
}

async function formParts(c: Context): Promise<Map<string, string | File>> {
  let form: FormData
  try {
    form = await c.req.formData()
  } catch (e) {
    // The client hung up mid-body: not a bad form.
    if (c.req.raw.signal.aborted) throw e
    throw badForm(e instanceof Error ? e.message : String(e))
  }
  const parts = new Map<string, string | File>()
  const known = Object.values(BATCH_PARTS) as string[]
  for (const [name, value] of form.entries()) {
    if (!known.includes(name))
      throw new QoyarError(
        'unexpected_part',
        400,
        `The form has a part "${name}"; a batch takes "rows" and "design".`,
        { part: name, parts: known },
        { part: name },
      )
    if (parts.has(name)) throw new QoyarError('unexpected_part', 400, `The form has the part "${name}" twice.`, { part: name, parts: known }, { part: name })
    parts.set(name, value)
  }
  return parts
}

/** The design part's fields, and its print options, checked as a POST render's body is. */
function splitDesign(fields: Record<string, unknown>): { design: Record<string, unknown>; print: Record<string, unknown> } {
  const design: Record<string, unknown> = Object.create(null) as Record<string, unknown> // null prototype: see safeJson
  const print: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const [k, v] of Object.entries(fields)) ((PRINT_KEYS as readonly string[]).includes(k) ? print : design)[k] = v
  return { design, print }
}

/** The design less the fields the rows' columns fill. */
function lessColumns(design: Record<string, unknown>, rows: readonly Row[], map: Readonly<Record<string, string>>): Record<string, unknown> {
  const filled = new Set(rows.flatMap((r) => (r.columns ?? []).map((c) => fieldOf(c, map))))
  return Object.fromEntries(Object.entries(design).filter(([k]) => !filled.has(k)))
}

export async function batchBody(c: Context, template: string, map: Readonly<Record<string, string>>, limits: BatchBodyLimits): Promise<BatchBody> {
  const type = bodyType(c, ['csv', 'ndjson', 'multipart'])
  if (type !== 'multipart') {
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    return { ...rowsOf(bytes, type === 'ndjson', map), design: {}, print: {} }
  }
  const parts = await formParts(c)
  const rowsPart = parts.get(BATCH_PARTS.rows)
  if (rowsPart === undefined)
    throw new QoyarError('missing_part', 400, 'The form has no "rows" part (the CSV or JSON lines).', { part: BATCH_PARTS.rows }, { part: BATCH_PARTS.rows })
  const rowsIn = await partBytes(rowsPart, BATCH_PARTS.rows, limits.maxRowsBytes)
  const { rows, encoding } = rowsOf(rowsIn.bytes, NDJSON.includes(rowsIn.type), map)
  const designPart = parts.get(BATCH_PARTS.design)
  if (designPart === undefined) return { rows, encoding, design: {}, print: {} }
  const designIn = await partBytes(designPart, BATCH_PARTS.design, limits.maxDesignBytes)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(designIn.bytes)
  } catch {
    throw badForm('the "design" part is not UTF-8')
  }
  const { design, print } = splitDesign(renderInput(designFields(jsonObject(text), template)))
  return { rows, encoding, design: lessColumns(design, rows, map), print }
}
