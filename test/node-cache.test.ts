/** The Node render cache: an LRU of rendered bytes bounded in bytes, entries kept as long as Cache-Control says. */
import { describe, expect, it } from 'vitest'
import { CACHE_STATUS_HEADER, cachedRender, freshFor } from '../src/http/render-cache.js'
import { cacheBytesFromEnv, createNodeCache } from '../src/node/cache.js'

const png = (size: number, cacheControl = 'public, max-age=86400') =>
  new Response(new Uint8Array(size).fill(7), { headers: { 'Content-Type': 'image/png', ETag: '"x"', 'Cache-Control': cacheControl } })

describe('createNodeCache', () => {
  it('serves a stored response with the same bytes and headers, plus Age and X-Qoyar-Cache: hit', async () => {
    let now = 1_000_000
    const cache = createNodeCache({ maxBytes: 1 << 20, now: () => now })
    await cache.put('a', png(1000))
    now += 42_500
    const hit = (await cache.match('a'))!
    expect(hit.status).toBe(200)
    expect(hit.headers.get('age')).toBe('42')
    expect(hit.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
    expect(hit.headers.get('etag')).toBe('"x"')
    expect(hit.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await hit.arrayBuffer())).toEqual(new Uint8Array(1000).fill(7))
    expect(await cache.match('b')).toBeUndefined()
  })

  it('stays within its byte bound, evicting the least recently used first', async () => {
    // Each entry costs its 1,000 body bytes plus headers and bookkeeping (≈ 1.3 KB): three fit, four do not.
    const cache = createNodeCache({ maxBytes: 4500 })
    await cache.put('a', png(1000))
    await cache.put('b', png(1000))
    await cache.put('c', png(1000))
    expect(await cache.match('a')).toBeDefined() // a is now the most recently used
    await cache.put('d', png(1000))
    expect(cache.stats.bytes).toBeLessThanOrEqual(4500)
    expect(await cache.match('b')).toBeUndefined()
    expect(await cache.match('a')).toBeDefined()
    expect(await cache.match('d')).toBeDefined()
    expect(cache.stats.evictions).toBeGreaterThan(0)
  })

  it('keeps nothing bigger than the bound, nothing uncacheable, and drops entries past max-age', async () => {
    let now = 0
    const cache = createNodeCache({ maxBytes: 2000, now: () => now })
    await cache.put('big', png(5000))
    await cache.put('private', png(10, 'private, max-age=60'))
    await cache.put('short', png(10, 'public, max-age=60'))
    expect(await cache.match('big')).toBeUndefined()
    expect(await cache.match('private')).toBeUndefined()
    expect(await cache.match('short')).toBeDefined()
    now += 61_000
    expect(await cache.match('short')).toBeUndefined()
    expect(cache.stats.entries).toBe(0)
  })

  it('cachedRender renders once, marks the render miss and the repeat hit', async () => {
    const cache = createNodeCache({ maxBytes: 1 << 20 })
    let renders = 0
    const draw = async () => (renders++, png(100))
    const first = await cachedRender(cache, 'k', draw)
    const second = await cachedRender(cache, 'k', draw)
    expect(renders).toBe(1)
    expect(first.headers.get(CACHE_STATUS_HEADER)).toBe('miss')
    expect(second.headers.get(CACHE_STATUS_HEADER)).toBe('hit')
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(new Uint8Array(await first.arrayBuffer()))
  })

  it('cachedRender renders a key once for many requests at once: the others wait and are served from the cache', async () => {
    const cache = createNodeCache({ maxBytes: 1 << 20 })
    let renders = 0
    let finish!: () => void
    const started = new Promise<void>((r) => (finish = r))
    const draw = async () => {
      renders++
      await started
      return png(100)
    }
    const all = Array.from({ length: 20 }, () => cachedRender(cache, 'same', draw))
    finish()
    const res = await Promise.all(all)
    expect(renders).toBe(1)
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(res.filter((r) => r.headers.get(CACHE_STATUS_HEADER) === 'miss')).toHaveLength(1)
    expect(res.filter((r) => r.headers.get(CACHE_STATUS_HEADER) === 'hit')).toHaveLength(19)
    for (const r of res) expect((await r.arrayBuffer()).byteLength).toBe(100)
  })

  it('cachedRender lets the waiters render for themselves when the first render fails', async () => {
    const cache = createNodeCache({ maxBytes: 1 << 20 })
    let renders = 0
    const draw = async () => {
      if (renders++ === 0) throw new Error('first fails')
      return png(10)
    }
    const [first, second] = await Promise.allSettled([cachedRender(cache, 'flaky', draw), cachedRender(cache, 'flaky', draw)])
    expect(first.status).toBe('rejected')
    expect(second.status === 'fulfilled' && second.value.status).toBe(200)
    expect(renders).toBe(2)
  })
})

describe('cache settings', () => {
  it('QOYAR_CACHE_MB: 64 MB by default, 0 turns it off, nonsense is an error', () => {
    expect(cacheBytesFromEnv(undefined)).toBe(64 * 1024 * 1024)
    expect(cacheBytesFromEnv('0')).toBe(0)
    expect(cacheBytesFromEnv('1.5')).toBe(1.5 * 1024 * 1024)
    expect(() => cacheBytesFromEnv('lots')).toThrow(/QOYAR_CACHE_MB/)
  })

  it('freshFor reads s-maxage before max-age and refuses private/no-store', () => {
    expect(freshFor(new Headers({ 'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800' }))).toBe(86400)
    expect(freshFor(new Headers({ 'Cache-Control': 'public, max-age=60, s-maxage=600' }))).toBe(600)
    expect(freshFor(new Headers({ 'Cache-Control': 'no-store' }))).toBe(0)
    expect(freshFor(new Headers())).toBe(0)
  })
})
