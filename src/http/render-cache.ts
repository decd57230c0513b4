/**
 * Rendered bytes kept by the runtime: on Node an in-memory LRU bounded in
 * MB, on Workers the Cache API. Keyed by the ETag, which already hashes the
 * normalised input, the format and the build version.
 */
import { renders } from './gate.js'

export interface RenderCache {
  /** The stored response for this key, with an `Age` header, or undefined. */
  match(key: string): Promise<Response | undefined>
  /** Store a successful response (the caller passes a clone it may consume). */
  put(key: string, response: Response): Promise<void>
}

export const noCache: RenderCache = {
  async match() {
    return undefined
  },
  async put() {},
}

/** `hit` when a response came from the render cache, `miss` when it was rendered and stored. */
export const CACHE_STATUS_HEADER = 'X-Qoyar-Cache'

/** Seconds a response may be kept: its Cache-Control's s-maxage, else max-age, else 0. */
export function freshFor(headers: Headers): number {
  const cc = headers.get('Cache-Control') ?? ''
  if (/(?:^|,)\s*(?:no-store|private)\s*(?:,|$)/i.test(cc)) return 0
  const m = /(?:^|,)\s*s-maxage\s*=\s*(\d+)/i.exec(cc) ?? /(?:^|,)\s*max-age\s*=\s*(\d+)/i.exec(cc)
  return m ? Number(m[1]) : 0
}

/** A stored response served again: same status, headers and bytes, plus `Age` and `X-Qoyar-Cache: hit`. */
export function servedFromCache(body: BodyInit | null, status: number, headers: HeadersInit, storedAt: number, now: number): Response {
  const res = new Response(body, { status, headers })
  res.headers.set('Age', String(Math.max(0, Math.floor((now - storedAt) / 1000))))
  res.headers.set(CACHE_STATUS_HEADER, 'hit')
  return res
}

/** Renders of a key under way: requests for the same key wait for the first instead of rendering it again. */
const leaders = new Map<string, Promise<Response>>()

/**
 * Serve a GET render from the cache, or render it and store it. A hit is
 * served at once; only a miss renders, through the render gate (slots,
 * queue, deadline), and once per key: concurrent misses of one key (200
 * clients asking for the same new sign) wait for that render and are then
 * served from the cache, rather than filling the queue with copies of it.
 */
export async function cachedRender(
  cache: RenderCache | undefined,
  key: string,
  render: (deadline: AbortSignal) => Promise<Response>,
  gone?: AbortSignal,
): Promise<Response> {
  if (!cache) return renders.run(render, gone)
  const hit = await cache.match(key)
  if (hit) return hit
  const leader = leaders.get(key)
  if (leader) {
    await leader.catch(() => {})
    const after = await cache.match(key)
    if (after) return after
    // The first render failed, or was not stored: this request renders for itself.
  }
  const run = (async () => {
    const res = await renders.run(render, gone)
    if (res.status === 200) {
      res.headers.set(CACHE_STATUS_HEADER, 'miss')
      await cache.put(key, res.clone())
    }
    return res
  })()
  leaders.set(key, run)
  try {
    return await run
  } finally {
    if (leaders.get(key) === run) leaders.delete(key)
  }
}
