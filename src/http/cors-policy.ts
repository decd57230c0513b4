/**
 * CORS for an allow-list of origins (QOYAR_CORS_ORIGINS, comma-separated,
 * hono's cors middleware): pages on those origins may call the API from
 * script; other origins get no CORS headers. Unset: no CORS at all.
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { listSetting } from './settings.js'

export function corsPolicy(): MiddlewareHandler {
  return async (c, next) => {
    const origins = listSetting(c, 'QOYAR_CORS_ORIGINS')
    if (!origins.length) return next()
    return cors({
      origin: (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST'],
      allowHeaders: ['Content-Type', 'Authorization', 'X-Api-Key', 'If-None-Match'],
      exposeHeaders: ['ETag', 'X-Qoyar-Compliance', 'X-Qoyar-Size', 'X-Qoyar-Region', 'X-Qoyar-Rows', 'Retry-After'],
      maxAge: 600,
    })(c, next)
  }
}
