/**
 * The Node runtime's render cache: rendered bytes in memory, least recently
 * used first out (lru-cache), bounded in bytes. Entries live as long as their
 * Cache-Control allows (the same rule the Workers Cache API follows) and are
 * served with `Age`.
 */
import { LRUCache } from 'lru-cache'
import { CACHE_STATUS_HEADER, freshFor, type RenderCache } from '../http/render-cache.js'

export const DEFAULT_CACHE_MB = 64

export interface NodeCacheOptions {
  /** Upper bound on the bytes kept (bodies plus headers); 0 keeps nothing. */
  maxBytes: number
  /** Clock in ms, for tests. */
  now?: () => number
}

interface Entry {
  status: number
  /** Built once, as a plain object: the Node adapter writes plain headers without building a Headers object. */
  headers: Record<string, string>
  /** Handed to every hit as it is, not copied: a response body is only ever read (undici copies typed arrays it is given). */
  body: Uint8Array
  storedAt: number
  expiresAt: number
  size: number
}

export interface NodeRenderCache extends RenderCache {
  readonly stats: { entries: number; bytes: number; maxBytes: number; hits: number; misses: number; evictions: number }
}

/** Per-entry bookkeeping charged on top of the bytes (Map slot, objects, key). */
const ENTRY_OVERHEAD = 256

export function createNodeCache({ maxBytes, now = Date.now }: NodeCacheOptions): NodeRenderCache {
  const stats = { entries: 0, bytes: 0, maxBytes, hits: 0, misses: 0, evictions: 0 }
  // lru-cache needs a positive bound; with 0 put() stores nothing anyway.
  const entries = new LRUCache<string, Entry>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (entry) => entry.size,
    dispose: (_entry, _key, reason) => {
      if (reason === 'evict') stats.evictions++
    },
  })
  const sync = () => {
    stats.entries = entries.size
    stats.bytes = entries.calculatedSize
  }

  return {
    stats,
    async match(key) {
      const entry = entries.get(key)
      const t = now()
      if (!entry || entry.expiresAt <= t) {
        if (entry) entries.delete(key)
        sync()
        stats.misses++
        return undefined
      }
      stats.hits++
      const age = String(Math.max(0, Math.floor((t - entry.storedAt) / 1000)))
      return new Response(entry.body as BodyInit, { status: entry.status, headers: { ...entry.headers, Age: age, [CACHE_STATUS_HEADER]: 'hit' } }) // a Uint8Array is a BodyInit on Node; the DOM types here say otherwise
    },
    async put(key, response) {
      const ttl = freshFor(response.headers)
      if (maxBytes <= 0 || ttl <= 0) return
      const body = new Uint8Array(await response.arrayBuffer())
      const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'age' && name !== 'x-qoyar-cache'))
      const size = body.byteLength + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length, 0) + key.length + ENTRY_OVERHEAD
      if (size > maxBytes) return
      const t = now()
      entries.set(key, { status: response.status, headers, body, storedAt: t, expiresAt: t + ttl * 1000, size })
      sync()
    },
  }
}

/** QOYAR_CACHE_MB (default 64; 0 turns the cache off) in bytes. */
export function cacheBytesFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_CACHE_MB * 1024 * 1024
  const mb = Number(value)
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`QOYAR_CACHE_MB must be a number of megabytes ≥ 0, not "${value}"`)
  return Math.floor(mb * 1024 * 1024)
}
