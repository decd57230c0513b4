/**
 * The API others can call: the OpenAPI 3.1 document validates with a kept
 * validator, names every route the app serves and every template field, is
 * served as a reference page with nothing from elsewhere; each request
 * leaves one structured access-log line; /metrics speaks Prometheus on Node
 * and is absent where the runtime keeps no metrics.
 */
import { Writable } from 'node:stream'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { createNodeCache } from '../src/node/cache.js'
import { accessLog, nodeMetrics } from '../src/node/observability.js'
import { app, env } from './helpers/env.js'

type Doc = {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> }
}
const metrics = nodeMetrics()
const lines: string[] = []
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean))
    done()
  },
})
const observed = createApp({ ...env, cache: createNodeCache({ maxBytes: 8 * 1024 * 1024 }), observers: [accessLog(sink), metrics], metrics })
const docOf = async (a: typeof app) => (await (await a.request('/v1/openapi.json')).json()) as Doc

describe('/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await docOf(observed)
    expect(doc.openapi).toBe('3.1.0')
    const result = await new Validator().validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('catches a broken document (the validator is not a rubber stamp)', async () => {
    const doc = await docOf(observed)
    const broken = { ...doc, paths: { ...doc.paths, '/healthz': { get: { responses: { 200: { content: {} } } } } } }
    expect((await new Validator().validate(broken)).valid).toBe(false)
  })

  for (const [name, a] of [
    ['Node with metrics', observed],
    ['without metrics (Workers)', app],
  ] as const)
    it(`lists every route the app serves, ${name}`, async () => {
      const doc = await docOf(a)
      // A documented path as a concrete URL: {template}.{format} → x.x, so that the app's :params match it.
      const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{[^}]+\}/g, 'x')}`))
      const served = a.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)
      expect(served.length).toBeGreaterThan(10)
      const missing = served.filter((route) => {
        const [method, path] = route.split(' ') as [string, string]
        const re = new RegExp(`^${method} ${path.replace(/:[^/]+/g, '[^/]+')}$`)
        return !documented.some((d) => re.test(d))
      })
      expect(missing).toEqual([])
      expect(Object.keys(doc.paths).includes('/metrics')).toBe(a === observed)
    })

  it("spells out each template's fields, with the required ones, in its render body and query", async () => {
    const doc = await docOf(observed)
    for (const t of env.templates) {
      const schema = doc.components.schemas[`Render.${t.id}`]!
      // The default region's names: the template's `minority` fields are Mongolian there (name_mn, mnScale).
      const named = (k: string) => k.replace('minority', 'mn')
      const shape = Object.keys(t.fields.shape).map(named)
      expect(Object.keys(schema.properties), t.id).toEqual(expect.arrayContaining([...shape, 'preset', 'dpi', 'region', 'strict', 'slogan', 'bleed']))
      expect(
        Object.keys(schema.properties).some((k) => k.includes('minority')),
        `${t.id}: no template-internal name leaks`,
      ).toBe(false)
      const required = Object.entries(t.fields.shape)
        .filter(([, f]) => !(f as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success)
        .map(([k]) => named(k))
      expect(schema.required ?? [], t.id).toEqual(required)
      for (const k of Object.keys(env.examples[t.id] ?? {})) expect(schema.properties, `${t.id} example key ${k}`).toHaveProperty(k)
      const get = doc.paths[`/v1/render/${t.id}.{format}`]!.get as { parameters: { name: string }[] }
      expect(get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['format', ...required]))
    }
  })
})

describe('/docs', () => {
  it('is a page of every operation, with nothing loaded from elsewhere', async () => {
    const res = await observed.request('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    const doc = await docOf(observed)
    for (const path of Object.keys(doc.paths)) expect(html).toContain(`<code>${path.replace(/&/g, '&amp;')}</code>`)
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/)
    expect(html).toContain('<code>name_mn</code> <b>*</b>')
  })
})

describe('access log', () => {
  it('writes one JSON line per request: method, path (no query), status, ms, cache, key id, template, format', async () => {
    lines.length = 0
    const q = new URLSearchParams({ mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古' })
    await observed.request(`/v1/render/slogan-banner.svg?${q}`)
    await observed.request(`/v1/render/slogan-banner.svg?${q}`)
    await observed.request('/v1/render/nope.svg')
    await observed.request('/nowhere')
    expect(lines).toHaveLength(4)
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(records[0]).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/v1/render/slogan-banner.svg',
      route: '/v1/render/:file',
      status: 200,
      cache: 'miss',
      keyId: null,
      template: 'slogan-banner',
      format: 'svg',
    })
    expect(records[1]).toMatchObject({ status: 200, cache: 'hit' })
    expect(records[2]).toMatchObject({ status: 404, template: 'other', format: 'svg', cache: null })
    expect(records[3]).toMatchObject({ status: 404, route: null, template: null })
    for (const r of records) {
      expect(typeof r.ms).toBe('number')
      expect(typeof r.time).toBe('string')
    }
    expect(lines.join('\n')).not.toContain('ᠮᠣᠩᠭᠣᠯ')
  })
})

describe('/metrics', () => {
  it('counts renders by template and format, cache hits, latency, in-flight requests and RSS in Prometheus text', async () => {
    const before = await (await observed.request('/metrics')).text()
    const count = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0)
    const q = new URLSearchParams({ mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '蒙古语' })
    await observed.request(`/v1/render/slogan-banner.png?${q}`)
    await observed.request(`/v1/render/slogan-banner.png?${q}`)
    const res = await observed.request('/metrics')
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await res.text()
    const series = 'qoyar_renders_total{template="slogan-banner",format="png",status="200"}'
    expect(count(text, series) - count(before, series)).toBe(2)
    expect(count(text, 'qoyar_render_cache_total{result="hit"}') - count(before, 'qoyar_render_cache_total{result="hit"}')).toBe(1)
    expect(text).toMatch(/^qoyar_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/v1\/render\/:file"\} \d+$/m)
    expect(count(text, 'qoyar_http_requests_in_flight')).toBe(1) // this /metrics request itself
    expect(count(text, 'qoyar_process_resident_memory_bytes')).toBeGreaterThan(10 * 2 ** 20)
  })

  it('is a 404 where the runtime keeps no metrics (Workers)', async () => {
    expect((await app.request('/metrics')).status).toBe(404)
  })
})
