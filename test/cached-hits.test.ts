/**
 * Issue 20 (cached PNGs at loopback speed): a GET URL seen before is
 * answered from the ETag it was found to have (src/http/etag-memo.ts),
 * without its query being validated again. The answers must be the ones
 * the full path gives: same bytes and ETag, 304 and HEAD from the ETag, and
 * API keys, rate limits and CORS still applied to every cached answer.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { createNodeCache } from '../src/node/cache.js'
import { env } from './helpers/env.js'
import { q } from './helpers/http.js'

const URL_ = `/v1/render/desk-card.png?${q({ name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', dpi: 72 })}`
const SETTINGS = ['QOYAR_API_KEYS', 'QOYAR_RATE_LIMIT', 'QOYAR_CORS_ORIGINS'] as const
const fresh = () => createApp({ ...env, cache: createNodeCache({ maxBytes: 8 * 1024 * 1024 }) })
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer())

afterEach(() => {
  for (const k of SETTINGS) delete process.env[k]
})

describe('a GET URL asked again', () => {
  it('is a cache hit with the same bytes, ETag and headers as the render', async () => {
    const app = fresh()
    const first = await app.request(URL_)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-qoyar-cache')).toBe('miss')
    const body = await bytes(first)
    for (let i = 0; i < 3; i++) {
      const again = await app.request(URL_)
      expect(again.status).toBe(200)
      expect(again.headers.get('x-qoyar-cache')).toBe('hit')
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
      expect(again.headers.get('x-content-type-options')).toBe('nosniff')
      for (const h of ['content-type', 'cache-control', 'x-qoyar-compliance', 'x-qoyar-size', 'content-disposition'])
        expect(again.headers.get(h)).toBe(first.headers.get(h))
      expect((await bytes(again)).equals(body)).toBe(true)
    }
    // The text endpoint answers the same way.
    const text = `/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ 巴图' })}`
    const t1 = await app.request(text)
    const t2 = await app.request(text)
    expect([t1.headers.get('x-qoyar-cache'), t2.headers.get('x-qoyar-cache')]).toEqual(['miss', 'hit'])
    expect((await bytes(t2)).equals(await bytes(t1))).toBe(true)
  })

  it('answers If-None-Match with 304 and HEAD with the headers alone, from the remembered ETag', async () => {
    const app = fresh()
    const first = await app.request(URL_)
    const etag = first.headers.get('etag')!
    const unchanged = await app.request(URL_, { headers: { 'if-none-match': etag } })
    expect(unchanged.status).toBe(304)
    expect(unchanged.headers.get('etag')).toBe(etag)
    expect((await bytes(unchanged)).length).toBe(0)
    expect((await app.request(URL_, { headers: { 'if-none-match': '"other"' } })).status).toBe(200)
    const head = await app.request(URL_, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(etag)
    expect(head.headers.get('content-type')).toBe('image/png')
    expect((await bytes(head)).length).toBe(0)
  })

  it('still needs its API key, counts against the rate limit and gets CORS headers', async () => {
    const app = fresh()
    process.env.QOYAR_API_KEYS = 'key-a'
    process.env.QOYAR_RATE_LIMIT = '3'
    process.env.QOYAR_CORS_ORIGINS = 'https://intranet.example'
    const as = (headers: Record<string, string>) => app.request(URL_, { headers })
    expect((await as({ authorization: 'Bearer key-a' })).headers.get('x-qoyar-cache')).toBe('miss')
    const hit = await as({ authorization: 'Bearer key-a', origin: 'https://intranet.example' })
    expect(hit.headers.get('x-qoyar-cache')).toBe('hit')
    expect(hit.headers.get('access-control-allow-origin')).toBe('https://intranet.example')
    expect(hit.headers.get('vary')).toMatch(/origin/i)
    expect((await as({})).status).toBe(401)
    expect((await as({ authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await as({ 'if-none-match': hit.headers.get('etag')! })).status).toBe(401)
    expect((await as({ authorization: 'Bearer key-a' })).status).toBe(200)
    expect((await as({ authorization: 'Bearer key-a' })).status).toBe(429)
  })

  it('is never remembered when it did not validate: a bad query is refused every time', async () => {
    const app = fresh()
    const bad = `/v1/render/desk-card.png?${q({ name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', dpi: 'many' })}`
    for (let i = 0; i < 2; i++) expect((await app.request(bad)).status).toBe(422)
    for (let i = 0; i < 2; i++) expect((await app.request(bad, { method: 'HEAD' })).status).toBe(422)
  })
})
