/**
 * A per-key rate limit (hono-rate-limiter): QOYAR_RATE_LIMIT requests a
 * minute for each API key, or each client address where there are no keys.
 * Off unless set. 429 in JSON with Retry-After.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { rateLimiter } from 'hono-rate-limiter'
import { QoyarError } from '../errors.js'
import { apiKeyOf } from './api-keys.js'
import { setting } from './settings.js'

const WINDOW_MS = 60_000

/** The client a budget belongs to: its key, else its address (Node: the socket; Workers: the edge's header). */
function clientOf(c: Context): string {
  const key = apiKeyOf(c.req.raw)
  if (key) return `key:${key}`
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress // @hono/node-server's bindings
  return `ip:${c.req.header('CF-Connecting-IP') ?? socket ?? 'unknown'}`
}

export function rateLimit(): MiddlewareHandler {
  let limiter: MiddlewareHandler | null = null
  return async (c, next) => {
    const limit = Number(setting(c, 'QOYAR_RATE_LIMIT') ?? 0)
    if (!(limit > 0) || !c.req.path.startsWith('/v1/')) return next()
    limiter ??= rateLimiter({
      windowMs: WINDOW_MS,
      limit,
      standardHeaders: 'draft-7',
      keyGenerator: clientOf,
      handler: () => {
        throw new QoyarError('rate_limited', 429, `Too many requests for this key; try again in ${WINDOW_MS / 1000} s.`, { retryAfter: WINDOW_MS / 1000 }, { retryAfter: WINDOW_MS / 1000 })
      },
    })
    return limiter(c, next)
  }
}
