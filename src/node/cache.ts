/**
 * The Node runtime's render cache: rendered bytes in memory, least recently
 * used first out, bounded in bytes. Entries live as long as their
 * Cache-Control allows (the same rule the Workers Cache API follows) and are
 * served with `Age`.
 */
import { freshFor, servedFromCache, type RenderCache } from '../http/render-cache.js'

export const DEFAULT_CACHE_MB = 64

export interface NodeCacheOptions {
  /** Upper bound on the bytes kept (bodies plus headers); 0 keeps nothing. */
  maxBytes: number
  /** Clock in ms, for tests. */
  now?: () => number
}

interface Entry {
  status: number
  headers: [string, string][]
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
  const entries = new Map<string, Entry>()
  const stats = { entries: 0, bytes: 0, maxBytes, hits: 0, misses: 0, evictions: 0 }

  const remove = (key: string, entry: Entry) => {
    entries.delete(key)
    stats.bytes -= entry.size
    stats.entries = entries.size
  }

  return {
    stats,
    async match(key) {
      const entry = entries.get(key)
      const t = now()
      if (!entry || entry.expiresAt <= t) {
        if (entry) remove(key, entry)
        stats.misses++
        return undefined
      }
      // Most recently used last: Map iteration order is insertion order.
      entries.delete(key)
      entries.set(key, entry)
      stats.hits++
      return servedFromCache(entry.body.slice(), entry.status, entry.headers, entry.storedAt, t)
    },
    async put(key, response) {
      const ttl = freshFor(response.headers)
      if (maxBytes <= 0 || ttl <= 0) return
      const body = new Uint8Array(await response.arrayBuffer())
      const headers = [...response.headers].filter(([name]) => name !== 'age' && name !== 'x-qoyar-cache')
      const size = body.byteLength + headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + key.length + ENTRY_OVERHEAD
      if (size > maxBytes) return
      const old = entries.get(key)
      if (old) remove(key, old)
      const t = now()
      entries.set(key, { status: response.status, headers, body, storedAt: t, expiresAt: t + ttl * 1000, size })
      stats.bytes += size
      for (const [k, e] of entries) {
        if (stats.bytes <= maxBytes) break
        remove(k, e)
        stats.evictions++
      }
      stats.entries = entries.size
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
