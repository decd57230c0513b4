/**
 * Request input read strictly at the edge: bodies only of their declared
 * types (415 otherwise, so a web page cannot POST text/plain at us), JSON
 * parsed into null-prototype objects with a depth bound, query strings
 * percent-decoded strictly (400 bad_encoding), and the two Unicode line
 * separators turned into the newline the layout understands.
 */
import type { Context } from 'hono'
import { claimsDesign, designFile } from '../design-file.js'
import { QoyarError } from '../errors.js'
import { VARIABLE_PREFIX } from '../render/request-keys.js'

export const BODY_TYPES = {
  json: ['application/json'],
  multipart: ['multipart/form-data'],
  csv: ['text/csv', 'application/csv', 'text/tab-separated-values'],
  ndjson: ['application/x-ndjson', 'application/jsonl', 'application/json-lines', 'application/x-jsonlines'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
} as const

export type BodyType = keyof typeof BODY_TYPES

/** JSON deeper than this is refused before anything recurses over it. */
export const MAX_JSON_DEPTH = 32

/** Keys that would reach an object's prototype when assigned. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Which of `accepted` the request's Content-Type is; a 415 otherwise. */
export function bodyType<T extends BodyType>(c: Context, accepted: readonly T[]): T {
  const mime = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const found = accepted.find((t) => (BODY_TYPES[t] as readonly string[]).includes(mime))
  if (found) return found
  const types = accepted.flatMap((t) => BODY_TYPES[t])
  throw new QoyarError(
    'unsupported_media_type',
    415,
    `A body of type "${mime || '(none)'}" is not accepted here; send ${types.join(', ')}.`,
    { contentType: mime, accepted: types },
    { contentType: mime || '(none)', accepted: types.join(', ') },
  )
}

function badJson(why: string): QoyarError {
  return new QoyarError('invalid_json', 400, `The request body must be a JSON object of template fields: ${why}.`, { reason: why }, { reason: why })
}

/** A parsed JSON value copied, its top-level object without a prototype, refusing prototype keys at any depth and deep nesting (no recursion). */
export function safeJson(value: unknown): unknown {
  const root: { v: unknown } = { v: undefined }
  const stack: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [
    { from: value, into: [], key: 0, depth: 0 },
  ]
  const out: unknown[] = []
  stack[0]!.into = out
  while (stack.length) {
    const { from, into, key, depth } = stack.pop()!
    let copy: unknown = from
    if (from !== null && typeof from === 'object') {
      if (depth >= MAX_JSON_DEPTH) throw badJson(`nested deeper than ${MAX_JSON_DEPTH} levels`)
      if (Array.isArray(from)) {
        const arr: unknown[] = new Array<unknown>(from.length)
        from.forEach((v, i) => stack.push({ from: v, into: arr, key: i, depth: depth + 1 }))
        copy = arr
      } else {
        // The top level has no prototype (a field lookup never reaches Object.prototype); nested values keep
        // theirs, because schemas coerce them (Number(value)) and a null-prototype object cannot be converted.
        const obj: Record<string, unknown> = depth === 0 ? (Object.create(null) as Record<string, unknown>) : {}
        for (const [k, v] of Object.entries(from)) {
          if (FORBIDDEN_KEYS.has(k)) throw badJson(`the key "${k}" is not allowed`)
          stack.push({ from: v, into: obj, key: k, depth: depth + 1 })
        }
        copy = obj
      }
    }
    if (Array.isArray(into)) into[key as number] = copy
    else into[key as string] = copy
  }
  root.v = out[0]
  return root.v
}

/** The body of a POST of fields: a JSON object, nothing else. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  bodyType(c, ['json'])
  return jsonObject(await c.req.text())
}

/** JSON text that must be one object (a body, a form part), read as safeJson reads it. */
export function jsonObject(text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw badJson('it is not valid JSON')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badJson('it is not an object')
  return safeJson(parsed) as Record<string, unknown> // safeJson keeps the shape it was given: an object here
}

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    throw new QoyarError(
      'bad_encoding',
      400,
      `The URL has invalid percent-encoding near "${s.slice(0, 40)}": encode text as UTF-8.`,
      { near: s.slice(0, 40) },
      { near: s.slice(0, 40) },
    )
  }
}

/**
 * The query string as fields, decoded strictly (hono falls back to the raw
 * text on a bad escape, which would then be drawn). The last value of a
 * repeated key wins, as in c.req.query().
 */
export function queryFields(c: Context): Record<string, string> {
  const url = c.req.url
  const q = url.indexOf('?')
  const out: Record<string, string> = Object.create(null) as Record<string, string> // null prototype, as for JSON bodies
  if (q < 0) return out
  const hash = url.indexOf('#', q)
  for (const part of url.slice(q + 1, hash < 0 ? undefined : hash).split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq))
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1))
    if (FORBIDDEN_KEYS.has(key))
      throw new QoyarError('invalid_parameters', 400, `The parameter "${key}" is not allowed.`, { key }, { path: key, issue: 'not allowed' })
    out[key] = value
  }
  return out
}

const LINE_SEPARATORS = /[\u2028\u2029]/g

/** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR as the newline the layout breaks on. */
export function asNewlines(text: string): string {
  return text.replace(LINE_SEPARATORS, '\n')
}

/** Whether a string holds one of the two Unicode line separators. */
export function hasLineSeparator(text: string): boolean {
  return /[\u2028\u2029]/.test(text)
}

function invalidField(path: string, issue: string): QoyarError {
  return new QoyarError(
    'invalid_fields',
    422,
    `Field "${path}": ${issue}`,
    { issues: [{ path, message: issue, code: 'custom' }] },
    { template: '', path, issue },
  )
}

/** Every string as laid out (line separators to newlines), nested too, without recursion. */
function withNewlines(value: unknown): unknown {
  if (typeof value === 'string') return asNewlines(value)
  if (value === null || typeof value !== 'object') return value
  const stack: unknown[] = [value]
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown> // only objects and arrays are pushed
    for (const k of Object.keys(node)) {
      const v = node[k]
      if (typeof v === 'string') node[k] = asNewlines(v)
      else if (v !== null && typeof v === 'object') stack.push(v)
    }
  }
  return value
}

/** The fields of a render or check request, checked where the render itself would misread them. */
export function renderInput(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown> // null prototype: see safeJson
  for (const [k, v] of Object.entries(input)) {
    if (k.startsWith(VARIABLE_PREFIX)) {
      if (typeof v !== 'string') throw invalidField(k, 'a slogan variable must be text')
      if (hasLineSeparator(v) || v.includes('\n')) throw invalidField(k, 'a slogan variable is one line: no line breaks')
      out[k] = v
    } else out[k] = withNewlines(v)
  }
  return out
}

/**
 * A POST's fields: its query parameters (?preset=…) merged with its JSON body. A field given in both
 * must say the same in both: a query value the body contradicts would be dropped unseen, so it is a
 * 400 `conflicting_parameters` naming it, and nothing is ignored.
 */
export async function postFields(c: Context): Promise<Record<string, unknown>> {
  const query = queryFields(c)
  const body = designInput(c, await jsonBody(c))
  for (const [key, value] of Object.entries(query)) {
    if (!(key in body)) continue
    const given = body[key]
    const same = (typeof given === 'string' || typeof given === 'number' || typeof given === 'boolean') && String(given) === value
    if (!same)
      throw new QoyarError(
        'conflicting_parameters',
        400,
        `"${key}" is given in the query (${value}) and in the body (${typeof given === 'object' ? 'an object' : String(given)}); give it once.`,
        { parameter: key, query: value, body: given },
        { key, query: value, body: typeof given === 'object' ? JSON.stringify(given).slice(0, 80) : String(given) },
      )
  }
  return Object.assign(query, body)
}

/** A body that is a saved design (src/design-file.ts) gives its input, once its template is the route's. */
function designInput(c: Context, body: Record<string, unknown>): Record<string, unknown> {
  const file = c.req.param('file')
  return designFields(body, c.req.param('template') ?? file?.slice(0, file.lastIndexOf('.')))
}

/** A JSON object of fields as it is, or a saved design's input once it is valid and of `template` (when one is named). */
export function designFields(body: Record<string, unknown>, template: string | undefined): Record<string, unknown> {
  if (!claimsDesign(body)) return body
  const parsed = designFile.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path.join('.') ?? ''
    throw new QoyarError(
      'invalid_design',
      422,
      `The saved design is not valid: ${path ? `${path}: ` : ''}${issue?.message ?? ''}`,
      { issues: parsed.error.issues },
      { path, issue: issue?.message ?? '' },
    )
  }
  if (template !== undefined && parsed.data.template !== template)
    throw new QoyarError(
      'design_template_mismatch',
      422,
      `The saved design is a ${parsed.data.template}, not a ${template}.`,
      { design: parsed.data.template, template },
      { design: parsed.data.template, template },
    )
  return Object.assign(Object.create(null) as Record<string, unknown>, parsed.data.input) // null prototype: see safeJson
}
