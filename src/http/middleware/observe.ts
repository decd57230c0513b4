/**
 * One record per request (method, path, route, status, ms, cache, key id,
 * template and format), handed to the runtime's observers: the access log
 * and the metrics. Registered first, so it times everything after it and
 * sees error responses too.
 */
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../../env.js'
import type { RequestRecord } from '../observe.js'

const DRAWN = /^\/v1\/(?:render|batch)\/([^/]+)\.(\w+)$|^\/v1\/check\/([^/]+)$|^\/v1\/text\.(\w+)$/

export function observe(env: AppEnv): MiddlewareHandler {
  const observers = env.observers ?? []
  const known = new Set(env.templates.map((t) => t.id))
  return async (c, next) => {
    if (!observers.length) return next()
    for (const o of observers) o.begin?.()
    const started = performance.now()
    await next()
    const path = c.req.path
    const m = DRAWN.exec(path)
    // Label only real template ids: a made-up one must not become a new metric series.
    const id = m?.[1] ?? m?.[3]
    const template = m?.[4] ? 'text' : id ? (known.has(id) ? id : 'other') : null
    const format = m?.[4] ?? (m?.[2] ? (['svg', 'png', 'pdf', 'zip'].includes(m[2]) ? m[2] : 'other') : m?.[3] ? 'check' : null)
    // The route that answered: the last match that is not middleware registered for every method.
    const route = matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1)?.path ?? null
    // The auth middleware (its own module) sets keyId on the context; hono types context variables per app.
    const keyId = (c.var as { keyId?: unknown }).keyId
    const record: RequestRecord = {
      method: c.req.method,
      path,
      route,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      cache: c.res.headers.get('X-Qoyar-Cache'),
      keyId: typeof keyId === 'string' ? keyId : null,
      template,
      format,
    }
    for (const o of observers) o.end(record)
  }
}
