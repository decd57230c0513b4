/**
 * What the studio reads from the API, typed from the server's own types where
 * they are plain data (rule packs, reports, slogans, the layout), and the one
 * way it calls a render or check: GET with the design in the query, or POST
 * with it as JSON when pictures are attached.
 */
import type { DesignLayout } from '../../http/layout.js'
import type { SloganEntry } from '../../i18n/slogans.js'
import type { ComplianceReport, RulePack } from '../../rules/types.js'
import type { Localized } from '../../templates/types.js'
import type { TextReport } from '../../text/mongolian/fields.js'
import { LANG } from './strings.js'

/** The parts of a field's JSON Schema (z.toJSONSchema) the form reads. */
export interface FieldSchema {
  type?: string
  enum?: (string | number)[]
  default?: unknown
  description?: string
  minimum?: number
  maximum?: number
  maxLength?: number
  maxItems?: number
  pattern?: string
  anyOf?: FieldSchema[]
  const?: unknown
  items?: FieldSchema & { properties?: Record<string, FieldSchema> }
  /** The BCP 47 language of the text, where the template (or region pack) says. */
  'x-lang'?: string
}

export interface PresetInfo {
  id: string
  title: Localized
  widthPx: number
  heightPx: number
  widthMm?: number
  heightMm?: number
  dpi?: number
}

/** One entry of GET /v1/templates (src/http/routes/templates.ts). */
export interface TemplateInfo {
  id: string
  version: number
  title: Localized
  description: Localized
  kind: string
  defaultPreset: string
  presets: PresetInfo[]
  fields: { properties?: Record<string, FieldSchema>; required?: string[] }
  example: Record<string, unknown> | null
}

export interface RulesInfo {
  default: string
  packs: RulePack[]
}

/** GET|POST /v1/check/{template}. */
export interface CheckResponse extends ComplianceReport {
  text: TextReport
  design?: DesignLayout
}

export type { DesignLayout, SloganEntry }

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message)
  }
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError'

interface ErrorBody {
  error?: { code?: string; message?: string }
}

export async function apiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ErrorBody // every API error is this JSON
    if (body.error?.message) return new ApiError(body.error.message, body.error.code ?? '', res.status)
  } catch (e) {
    if (isAbort(e)) throw e
  }
  return new ApiError(`HTTP ${res.status}`, `http_${res.status}`, res.status)
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url)
  if (!res.ok) throw await apiError(res)
  return (await res.json()) as T // the caller names the route's response type
}

export type Pairs = [string, string][]
export const qs = (pairs: Pairs): string => new URLSearchParams(pairs).toString()

/** A design to send: its query pairs, and the JSON body when it has pictures (which do not fit a URL). */
export interface Request {
  pairs: Pairs
  body?: Record<string, unknown>
}

/** Errors come back in the interface language. */
export function call(path: string, req: Request, signal?: AbortSignal): Promise<Response> {
  const lang: Pairs = [['lang', LANG]]
  if (req.body)
    return fetch(`${path}?${qs(lang)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(req.body),
      signal: signal ?? null,
    })
  return fetch(`${path}?${qs(req.pairs.concat(lang))}`, { signal: signal ?? null })
}
