/**
 * Every error leaves as `{"error":{"code","message","details"}}` with the
 * status its code implies. Codes are stable; messages are for people.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
import { QoyarError, type ErrorStatus } from '../errors.js'
import { pickLanguage, type Locales } from '../i18n/locales.js'
import type { Language } from '../i18n/types.js'

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export function errorResponse(c: Context, status: ErrorStatus | 500, code: string, message: string, details?: unknown, lang?: Language): Response {
  const body: ErrorBody = { error: { code, message, ...(details !== undefined ? { details } : {}) } }
  return c.json(body, status, lang ? { 'Content-Language': lang } : {})
}

/** The language of this request's messages: lang=, then Accept-Language, then zh. */
export function requestLanguage(c: Context): Language {
  return pickLanguage(c.req.query('lang'), c.req.header('Accept-Language'))
}

export function invalidParameters(error: ZodError, where: string): QoyarError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }))
  const first = issues[0]
  return new QoyarError(
    'invalid_parameters',
    400,
    first ? `Invalid ${where} "${first.path || '(root)'}": ${first.message}` : `Invalid ${where}.`,
    { issues },
    { path: first?.path || '(root)', issue: first?.message ?? '' },
  )
}

export function errorHandler(locales: Locales) {
  return (err: Error, c: Context): Response => {
    const lang = requestLanguage(c)
    if (err instanceof QoyarError) {
      const res = errorResponse(c, err.status, err.code, locales.error(lang, err.code, err.params, err.message), err.details, lang)
      const retry = (err.details as { retryAfter?: number } | undefined)?.retryAfter
      if (err.status === 503 && retry) res.headers.set('Retry-After', String(retry))
      return res
    }
    // The client hung up (its body or our reply was cut): not our error, and nobody to answer.
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 })
    if (err instanceof HTTPException) {
      const status = err.status === 413 ? 413 : err.status === 404 ? 404 : 400
      return errorResponse(c, status, status === 413 ? 'payload_too_large' : 'bad_request', err.message || 'Bad request.', undefined, lang)
    }
    console.error('qoyar: unexpected error', err)
    const english = 'Something went wrong on our side; the error has been logged.'
    return errorResponse(c, 500, 'internal_error', locales.error(lang, 'internal_error', {}, english), undefined, lang)
  }
}

/** A route as hono lists it (app.routes). */
export interface RouteEntry {
  method: string
  path: string
}

function pathPattern(path: string): RegExp {
  const re = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+').replace(/\*/g, '.*')
  return new RegExp(`^${re}$`)
}

/** The methods some route answers at this path: what a 405's Allow lists. */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set(routes.filter((r) => r.method !== 'ALL' && pathPattern(r.path).test(path)).map((r) => r.method))
  if (methods.has('GET')) methods.add('HEAD')
  return [...methods].sort()
}

export function notFoundHandler(locales: Locales, routes: () => readonly RouteEntry[] = () => []) {
  return (c: Context): Response => {
    const lang = requestLanguage(c)
    const params = { method: c.req.method, path: new URL(c.req.url).pathname }
    const allow = allowedMethods(routes(), params.path)
    if (allow.length && !allow.includes(params.method)) {
      const res = errorResponse(c, 405, 'method_not_allowed', locales.error(lang, 'method_not_allowed', { ...params, allow: allow.join(', ') }, `${params.path} answers ${allow.join(', ')}, not ${params.method}.`), { allow }, lang)
      res.headers.set('Allow', allow.join(', '))
      return res
    }
    return errorResponse(c, 404, 'not_found', locales.error(lang, 'not_found', params, `No route for ${params.method} ${params.path}.`), undefined, lang)
  }
}
