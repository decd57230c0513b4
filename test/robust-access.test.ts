/** Issue 20, access for deployments: API keys, signed URLs, a per-key rate limit, a CORS allow-list. */
import { afterEach, describe, expect, it } from 'vitest'
import { keyMatches, signatureValid, signUrl } from '../src/http/api-keys.js'
import { app } from './helpers/env.js'

const CARD = new URLSearchParams({ name_mn: 'ᠪᠠᠲᠤ', name_zh: '张三' }).toString()
const SETTINGS = ['QOYAR_API_KEYS', 'QOYAR_SIGNING_KEY', 'QOYAR_RATE_LIMIT', 'QOYAR_CORS_ORIGINS'] as const

afterEach(() => {
  for (const k of SETTINGS) delete process.env[k]
})

describe('API keys', () => {
  it('are off by default: everything answers as before', async () => {
    expect((await app.request(`/v1/render/desk-card.svg?${CARD}`)).status).toBe(200)
  })

  it('with QOYAR_API_KEYS, /v1 needs a key (Bearer or X-Api-Key); /healthz stays open', async () => {
    process.env.QOYAR_API_KEYS = 'alpha-key-1, beta-key-2'
    const none = await app.request(`/v1/render/desk-card.svg?${CARD}`)
    expect(none.status).toBe(401)
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    expect((await app.request(`/v1/render/desk-card.svg?${CARD}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    expect((await app.request(`/v1/render/desk-card.svg?${CARD}`, { headers: { authorization: 'Bearer beta-key-2' } })).status).toBe(200)
    expect((await app.request(`/v1/render/desk-card.svg?${CARD}`, { headers: { 'x-api-key': 'alpha-key-1' } })).status).toBe(200)
    expect((await app.request('/healthz')).status).toBe(200)
  })

  it('compares keys whole: a prefix or a longer string does not match', async () => {
    expect(await keyMatches('alpha', ['alpha'])).toBe(true)
    expect(await keyMatches('alph', ['alpha'])).toBe(false)
    expect(await keyMatches('alphaa', ['alpha'])).toBe(false)
  })
})

describe('signed URLs', () => {
  const secret = 'sign-me-please'
  it('open one render until it expires, and nothing else', async () => {
    process.env.QOYAR_API_KEYS = 'alpha-key-1'
    process.env.QOYAR_SIGNING_KEY = secret
    const url = await signUrl('/v1/render/desk-card.svg', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '张三' }, secret, Date.now() / 1000 + 600)
    const ok = await app.request(url)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toMatch(/svg/)
    // The same render, with the parameters in another order: the query is normalised before signing.
    const [path, query] = url.split('?')
    const reordered = new URLSearchParams(query!)
    const shuffled = new URLSearchParams([...reordered.entries()].reverse())
    expect((await app.request(`${path}?${shuffled}`)).status).toBe(200)
    // A changed field breaks the signature.
    expect((await app.request(url.replace(encodeURIComponent('张三'), encodeURIComponent('李四')))).status).toBe(401)
    const expired = await signUrl('/v1/render/desk-card.svg', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '张三' }, secret, Date.now() / 1000 - 1)
    expect((await app.request(expired)).status).toBe(401)
    expect(await signatureValid('/v1/render/desk-card.svg', Object.fromEntries(new URLSearchParams(url.split('?')[1]!)), 'other-secret')).toBe(false)
  })
})

describe('rate limit', () => {
  it('gives each key its own budget, then answers 429 in JSON with Retry-After', async () => {
    process.env.QOYAR_API_KEYS = 'k-one,k-two'
    process.env.QOYAR_RATE_LIMIT = '3'
    const as = (key: string) => app.request('/v1/templates', { headers: { authorization: `Bearer ${key}` } })
    for (let i = 0; i < 3; i++) expect((await as('k-one')).status).toBe(200)
    const limited = await as('k-one')
    expect(limited.status).toBe(429)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    expect(limited.headers.get('retry-after')).toBeTruthy()
    expect((await as('k-two')).status).toBe(200)
  })
})

describe('CORS', () => {
  it('answers only the allow-listed origins', async () => {
    process.env.QOYAR_CORS_ORIGINS = 'https://intranet.example'
    const allowed = await app.request('/v1/templates', { headers: { origin: 'https://intranet.example' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example')
    const other = await app.request('/v1/templates', { headers: { origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await app.request('/v1/render/desk-card.png', { method: 'OPTIONS', headers: { origin: 'https://intranet.example', 'access-control-request-method': 'POST' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/)
  })
})
