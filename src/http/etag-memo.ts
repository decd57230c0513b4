/**
 * The ETag each GET URL was found to have, so that a URL asked again (a sign
 * embedded in a page, a script polling one) is answered from the render
 * cache, or with a 304, before its query is parsed, validated and
 * normalised again: that work was most of a cache hit's cost. Only URLs that
 * validated are kept, and an ETag is a function of the URL alone within one
 * app (normalised input, format, build version), so the remembered ETag is
 * the one the work would give. Bounded in bytes (lru-cache).
 */
import type { Context } from 'hono'
import { LRUCache } from 'lru-cache'
import { notModified, headResponse, type ImageFormat } from './image-response.js'
import type { RenderCache } from './render-cache.js'

interface Known {
  etag: string
  format: ImageFormat
}

export interface EtagMemo {
  /** A 304, a HEAD answer or a cache hit for a GET or HEAD whose URL validated before; null: do the work. */
  answer(c: Context, cache: RenderCache | undefined): Promise<Response | null>
  /** Remembers the ETag a validated GET or HEAD URL has. */
  remember(c: Context, etag: string, format: ImageFormat): void
}

/** 2 MB of URLs and ETags: thousands of signs' URLs (a long one is a few KB). */
const MAX_BYTES = 2 * 1024 * 1024

/** The request's path and query: the URL without its origin, which does not change the answer. */
function pathAndQuery(c: Context): string {
  const url = c.req.url
  return url.slice(url.indexOf('/', url.indexOf('//') + 2))
}

export function etagMemo(maxBytes: number = MAX_BYTES): EtagMemo {
  const known = new LRUCache<string, Known>({ maxSize: maxBytes, sizeCalculation: (v, k) => k.length + v.etag.length + 64 })
  return {
    async answer(c, cache) {
      const method = c.req.method
      if (method !== 'GET' && method !== 'HEAD') return null
      const k = known.get(pathAndQuery(c))
      if (!k) return null
      const unchanged = notModified(c, k.etag)
      if (unchanged) return unchanged
      if (method === 'HEAD') return headResponse(k.format, k.etag)
      // Evicted from the render cache (or never stored): the full path renders it again.
      return (await cache?.match(k.etag)) ?? null
    },
    remember(c, etag, format) {
      const method = c.req.method
      if (method === 'GET' || method === 'HEAD') known.set(pathAndQuery(c), { etag, format })
    },
  }
}
