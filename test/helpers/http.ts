/** Requests to the app in-process and what tests read from the answers. */
import { expect } from 'vitest'
import { app } from './env.js'

type App = Pick<typeof app, 'request'>

/** A query string; each value as String() prints it. */
export const q = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()

/** POST a JSON body (a string goes as it is, to send broken JSON) to the app, or to another app built in the test. */
export const post = (path: string, body: unknown, headers: Record<string, string> = {}, to: App = app) =>
  to.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/** What an error answer names, by code. */
export interface ErrorDetails {
  issues?: { path: string; message: string }[]
  fields?: unknown[]
  codePoints?: string[]
  allow?: string[]
  reason?: string
  [key: string]: unknown
}

export interface ApiError {
  code: string
  message: string
  details?: ErrorDetails
}

/** The error of an answer, which must be JSON with a message a person can read. */
export async function errorOf(res: Response): Promise<ApiError> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  // The app's error shape, checked just below.
  const { error } = (await res.json()) as { error: ApiError }
  expect(typeof error.code).toBe('string')
  expect(error.message.length).toBeGreaterThan(5)
  return error
}

/** The body of a 200 answer; any other status fails with the start of the body. */
export async function bytesOf(res: Response): Promise<Uint8Array> {
  // The body is read as text only to explain a failure: a PNG need not be decoded as UTF-8 on every pass.
  if (res.status !== 200) expect(res.status, (await res.text()).slice(0, 200)).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}
