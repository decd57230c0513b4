/** Image responses with validators: ETag, If-None-Match → 304, Cache-Control. */
import type { Context } from 'hono'
import { matchesIfNoneMatch } from './etag.js'

export const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800'

export const CONTENT_TYPES = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
} as const

export type ImageFormat = keyof typeof CONTENT_TYPES

export function notModified(c: Context, etag: string): Response | null {
  if (!matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return null
  return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL } })
}

export function imageResponse(format: ImageFormat, body: string | Uint8Array, etag: string, extra: Record<string, string> = {}): Response {
  return new Response(body as BodyInit, {
    status: 200,
    headers: { 'Content-Type': CONTENT_TYPES[format], ETag: etag, 'Cache-Control': CACHE_CONTROL, ...extra },
  })
}

/** HEAD: the validated request's headers without rendering; the ETag already names the bytes a GET would send. */
export function headResponse(format: ImageFormat, etag: string): Response {
  return new Response(null, { status: 200, headers: { 'Content-Type': CONTENT_TYPES[format], ETag: etag, 'Cache-Control': CACHE_CONTROL } })
}
