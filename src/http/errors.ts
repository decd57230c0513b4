/**
 * Every error leaves as `{"error":{"code","message","details"}}` with the
 * status its code implies. Codes are stable; messages are for people.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
import { QoyarError, type ErrorStatus } from '../errors.js'

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export function errorResponse(c: Context, status: ErrorStatus | 500, code: string, message: string, details?: unknown): Response {
  const body: ErrorBody = { error: { code, message, ...(details !== undefined ? { details } : {}) } }
  return c.json(body, status)
}

export function invalidParameters(error: ZodError, where: string): QoyarError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }))
  const first = issues[0]
  return new QoyarError(
    'invalid_parameters',
    400,
    first ? `Invalid ${where} "${first.path || '(root)'}": ${first.message}` : `Invalid ${where}.`,
    { issues },
  )
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof QoyarError) return errorResponse(c, err.status, err.code, err.message, err.details)
  if (err instanceof HTTPException) {
    const status = err.status === 413 ? 413 : err.status === 404 ? 404 : 400
    return errorResponse(c, status, status === 413 ? 'payload_too_large' : 'bad_request', err.message || 'Bad request.')
  }
  console.error('qoyar: unexpected error', err)
  return errorResponse(c, 500, 'internal_error', 'Something went wrong on our side; the error has been logged.')
}

export function notFound(c: Context): Response {
  return errorResponse(c, 404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`)
}
