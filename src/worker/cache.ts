/**
 * The Workers runtime's render cache: the Cache API (caches.default) of the
 * data centre serving the request, keyed by a URL made of the ETag, which
 * hashes the normalised input, format and build version. Entries expire as
 * their Cache-Control says; hits are served with `Age`.
 *
 * The Cache API stores nothing on *.workers.dev or in the dashboard preview:
 * only on a custom domain or route (Cloudflare's documentation).
 */
import { freshFor, servedFromCache, type RenderCache } from '../http/render-cache.js'

/** The slice of workerd's Cache that we use. */
export interface WorkersCache {
  match(request: Request | string): Promise<Response | undefined>
  put(request: Request | string, response: Response): Promise<void>
}

const STORED_AT = 'X-Qoyar-Stored-At'

export interface WorkersRenderCache extends RenderCache {
  /** The origin cache keys live under: set from the first request this isolate serves. */
  origin: string | undefined
}

export function createWorkersCache(cache: WorkersCache, now: () => number = Date.now): WorkersRenderCache {
  const self: WorkersRenderCache = {
    origin: undefined,
    async match(key) {
      const res = await cache.match(keyUrl(self.origin, key))
      if (!res) return undefined
      const storedAt = Number(res.headers.get(STORED_AT))
      const headers = new Headers(res.headers)
      headers.delete(STORED_AT)
      // Drop what the cache layer itself may have added; the app's headers stay.
      headers.delete('Age')
      headers.delete('CF-Cache-Status')
      return servedFromCache(res.body, res.status, headers, Number.isFinite(storedAt) && storedAt > 0 ? storedAt : now(), now())
    },
    async put(key, response) {
      if (freshFor(response.headers) <= 0) return
      const headers = new Headers(response.headers)
      headers.delete('X-Qoyar-Cache')
      headers.set(STORED_AT, String(now()))
      await cache.put(keyUrl(self.origin, key), new Response(response.body, { status: response.status, headers }))
    },
  }
  return self
}

/** A GET URL on the worker's own origin, one per ETag. */
function keyUrl(origin: string | undefined, etag: string): string {
  return `${origin ?? 'https://qoyar.invalid'}/__qoyar/render-cache/${encodeURIComponent(etag.replace(/"/g, ''))}`
}
