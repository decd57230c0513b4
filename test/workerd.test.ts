/**
 * The same app under workerd: `wrangler dev` started on 127.0.0.1 (a free
 * port, fresh state, no account, no network) and stopped by this file.
 * Every template example and the text endpoint must give the same SVG bytes
 * as the Node app in-process, PNGs the same size and pixels; the Cache API
 * must serve a repeated GET with Age; PNGs past the isolate's memory budget
 * must be a clean 413.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEdge, type EdgeServer } from '../scripts/edge/wrangler.js'
import { createApp } from '../src/app.js'
import { bundledData } from '../src/bundled.js'
import { readOfficeDir } from '../src/node/office-files.js'
import { createNodeCache } from '../src/node/cache.js'
import { WORKERS_RASTER_BUDGET } from '../src/worker/limits.js'
import { app, env } from './helpers/env.js'
import { decodePng } from './helpers/image.js'
import { bytesOf, q } from './helpers/http.js'
import { comparePixels } from './helpers/reference.js'
import { MVS, NNBSP } from '../src/text/mongolian/controls.js'

let edge: EdgeServer

beforeAll(async () => {
  edge = await startEdge({ timeoutMs: 90_000 })
}, 120_000)

afterAll(async () => {
  await edge?.stop()
}, 30_000)

// Under the 60 s test timeout, so a hung request fails here, with wrangler's output, rather than as a bare test timeout.
const TIMEOUT = 45_000

/**
 * One request on its own connection (`agent: false`, `Connection: close`): a keep-alive socket that wrangler's
 * proxy closes just as the next request is written can leave fetch waiting (seen under load, on the request after
 * /healthz); a fresh connection per request rules that race out.
 */
function request(url: string, init: RequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries())
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: { ...headers, connection: 'close' }, agent: false, timeout: TIMEOUT }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const out = new Headers()
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) for (const one of Array.isArray(v) ? v : [v]) out.append(k, one)
        const status = res.statusCode ?? 0
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: out }))
      })
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT} ms`)))
    req.on('error', reject)
    if (typeof init.body === 'string') req.write(init.body)
    req.end()
  })
}

/** A request to the workerd server; a failed one carries the end of wrangler's output, so a dropped connection or a reload explains itself. */
async function workerd(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await request(edge.url + path, init)
  } catch (e) {
    throw new Error(`workerd ${path}: ${e instanceof Error ? e.message : String(e)}\nwrangler said:\n${edge.output().slice(-4000)}`, { cause: e })
  }
}

async function body(res: Response): Promise<string> {
  return res.status === 200 ? `${res.status}` : `${res.status} ${await res.clone().text()}`
}

/** Both runtimes give the same SVG bytes and ETag for this path. */
async function sameSvg(path: string, init?: () => RequestInit): Promise<void> {
  const [node, edgeRes] = await Promise.all([app.request(path, init?.()), workerd(path, init?.())])
  expect(await body(node), path).toBe('200')
  expect(await body(edgeRes), path).toBe('200')
  expect(edgeRes.headers.get('content-type')).toBe(node.headers.get('content-type'))
  expect(edgeRes.headers.get('etag'), path).toBe(node.headers.get('etag'))
  const [a, b] = [await node.text(), await edgeRes.text()]
  expect(b.length, path).toBe(a.length)
  expect(b === a, `${path}: SVG differs between Node and workerd`).toBe(true)
}

/** Both runtimes give PNGs of the same size whose pixels (nearly) agree. */
async function samePng(path: string, init?: () => RequestInit): Promise<{ width: number; height: number; identicalBytes: boolean }> {
  const [node, edgeRes] = await Promise.all([app.request(path, init?.()), workerd(path, init?.())])
  expect(await body(node), path).toBe('200')
  expect(await body(edgeRes), path).toBe('200')
  expect(edgeRes.headers.get('content-type')).toBe('image/png')
  const [pa, pb] = [await bytesOf(node), await bytesOf(edgeRes)]
  const [a, b] = [decodePng(pa), decodePng(pb)]
  expect([b.width, b.height], path).toEqual([a.width, a.height])
  const { fraction, worst } = comparePixels(a, b, 8)
  // resvg-js (Node) and resvg-wasm are the same rasterizer: allow a few edge pixels at most.
  expect(fraction, `${path}: share of pixels off by more than 8/255 (worst ${worst})`).toBeLessThan(0.001)
  const identicalBytes = pa.length === pb.length && pa.every((v, i) => v === pb[i])
  // Both runtimes run our encoder with zlib at its default settings (node:zlib, CompressionStream): same bytes.
  expect(identicalBytes, `${path}: PNG bytes differ between Node and workerd`).toBe(true)
  return { width: a.width, height: a.height, identicalBytes }
}

/**
 * A template render request: GET with the fields in the query when they are
 * all scalars (the cacheable URL), else POST with them as JSON.
 */
function renderRequest(id: string, format: 'svg' | 'png', fields: Record<string, unknown>): [string, (() => RequestInit) | undefined] {
  const scalar = Object.values(fields).every((v) => v === null || typeof v !== 'object')
  if (scalar) return [`/v1/render/${id}.${format}?${q(fields)}`, undefined]
  return [`/v1/render/${id}.${format}`, () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })]
}

const TEXTS: Record<string, Record<string, unknown>> = {
  'Mongolian, vertical': { text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ' },
  'Mongolian + digits + Han, vertical, colour': { text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结', size: 96, color: 'c8102e' },
  'two columns with an NNBSP suffix': { text: `ᠮᠣᠩᠭᠣᠯ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ${NNBSP}ᠶᠢᠨ\nᠪᠢᠴᠢᠭ`, size: 48 },
  'Chinese, vertical, transparent': { text: '民族团结，共同进步。', orientation: 'vertical', background: 'transparent' },
  'Latin and Chinese, horizontal, wrapped': { text: 'Hohhot 呼和浩特 Inner Mongolia', orientation: 'horizontal', maxLength: 400 },
}

describe('workerd (wrangler dev) serves the same app as Node', () => {
  it('answers /healthz with the same build version and fonts', async () => {
    const [a, b] = await Promise.all([app.request('/healthz'), workerd('/healthz')])
    expect(b.status).toBe(200)
    expect(await b.json()).toEqual(await a.json())
  })

  it('serves the same font manifest and template list', async () => {
    for (const path of ['/v1/fonts', '/v1/templates']) {
      const [a, b] = await Promise.all([app.request(path), workerd(path)])
      expect(b.status, path).toBe(200)
      expect(await b.text(), path).toBe(await a.text())
    }
  })

  it('serves the studio: the same page, the same bundled script (src/studio/generated/client.ts)', async () => {
    const html = await (await app.request('/studio')).text()
    const edge = await workerd('/studio')
    expect(edge.status).toBe(200)
    expect(await edge.text()).toBe(html)
    const script = /src="(\/studio\/studio\.js\?v=[^"]+)"/.exec(html)![1]!
    const [a, b] = await Promise.all([app.request(script), workerd(script)])
    expect(b.status).toBe(200)
    expect(b.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await b.text()).toBe(await a.text())
  })

  for (const [name, params] of Object.entries(TEXTS)) {
    it(`text endpoint, ${name}: same SVG bytes, same PNG`, async () => {
      await sameSvg(`/v1/text.svg?${q(params)}`)
      await samePng(`/v1/text.png?${q(params)}`)
    })
  }

  it('every template example: same SVG bytes; same PNG where the edge budget allows, else a 413 and the same PNG at a dpi that fits', async () => {
    const ids = Object.keys(env.examples)
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) {
      const example = env.examples[id]!
      await sameSvg(...renderRequest(id, 'svg', example))
      const [probePath, probeInit] = renderRequest(id, 'svg', example)
      const probe = await app.request(probePath, probeInit?.())
      const [w, h] = probe.headers.get('x-qoyar-size')!.split('x').map(Number) as [number, number]
      const dpi = Number(probe.headers.get('x-qoyar-dpi'))
      const { maxPixels, maxSide } = WORKERS_RASTER_BUDGET
      if (w * h <= maxPixels && Math.max(w, h) <= maxSide) {
        await samePng(...renderRequest(id, 'png', example))
      } else {
        const [path, init] = renderRequest(id, 'png', example)
        const res = await workerd(path, init?.())
        expect(res.status, `${id}: ${w}×${h} is over the edge budget`).toBe(413)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('image_too_large')
        // The same design at the largest whole dpi both runtimes can rasterize.
        const scale = Math.min(Math.sqrt(maxPixels / (w * h)), maxSide / Math.max(w, h)) * 0.98
        await samePng(...renderRequest(id, 'png', { ...example, dpi: Math.floor(dpi * scale) }))
      }
    }
  })

  it('POST renders give the same bytes as on Node', async () => {
    const example = env.examples['slogan-banner']!
    const init = () => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) })
    const [a, b] = await Promise.all([app.request('/v1/render/slogan-banner.svg', init()), workerd('/v1/render/slogan-banner.svg', init())])
    expect(b.status).toBe(200)
    expect(await b.text()).toBe(await a.text())
  })

  it('runs the Mongolian text checker: same findings, same X-Qoyar-Text, Menksoft refused with the converted text', async () => {
    const check = `/v1/mongolian/check?${q({ text: 'ᠨᠣᠮ ᠤᠨ ᠦᠪᠣᠷ \uE2C1\uE27F\uE317\uE27E\uE2E8' })}`
    const [a, b] = await Promise.all([app.request(check), workerd(check)])
    expect(b.status).toBe(200)
    expect(await b.json()).toEqual(await a.json())
    const legacy = `/v1/render/desk-card.svg?${q({ name_mn: '\uE2C1\uE27F\uE317\uE27E\uE2E8', name_zh: '巴图' })}`
    const refused = await workerd(legacy)
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { error: { code: string; details: { fields: { converted: string }[] } } }).error.details.fields[0]!.converted).toBe(
      'ᠪᠢᠴᠢᠭ',
    )
    const fixed = await workerd(`${legacy}&normalize=true`)
    expect(fixed.status).toBe(200)
    expect(fixed.headers.get('x-qoyar-text-changed')).toBe('name_mn (legacy-encoding)')
    expect(fixed.headers.get('x-qoyar-text')).toBe('ok')
  })

  it('gives the same error bodies (uncovered character, unknown template, unknown route)', async () => {
    for (const path of [`/v1/text.png?${q({ text: '😀' })}`, '/v1/render/nope.svg', '/v1/nothing-here']) {
      const [a, b] = await Promise.all([app.request(path), workerd(path)])
      expect(b.status, path).toBe(a.status)
      expect(await b.json(), path).toEqual(await a.json())
    }
  })
})

describe('the render cache', () => {
  it('workerd: a second identical GET is a Cache API hit with Age, same bytes; If-None-Match still gives 304', async () => {
    const path = `/v1/text.png?${q({ text: `ᠺᠡᠰ${MVS}ᠤᠨ ᠰᠢᠯᠭᠠᠯᠲᠠ`, size: 71 })}`
    const first = await workerd(path)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-qoyar-cache')).toBe('miss')
    const firstBytes = await bytesOf(first)
    const second = await workerd(path)
    expect(second.status).toBe(200)
    expect(second.headers.get('x-qoyar-cache')).toBe('hit')
    expect(second.headers.get('age')).toMatch(/^\d+$/)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('content-type')).toBe('image/png')
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'))
    expect(await bytesOf(second)).toEqual(firstBytes)
    const revalidated = await workerd(path, { headers: { 'If-None-Match': first.headers.get('etag')! } })
    expect(revalidated.status).toBe(304)
  })

  it('Node: the in-memory LRU does the same', async () => {
    const cached = createApp({ ...env, cache: createNodeCache({ maxBytes: 8 * 1024 * 1024 }) })
    const path = `/v1/render/slogan-banner.svg?${q(env.examples['slogan-banner']!)}`
    const first = await cached.request(path)
    expect(first.headers.get('x-qoyar-cache')).toBe('miss')
    const second = await cached.request(path)
    expect(second.headers.get('x-qoyar-cache')).toBe('hit')
    expect(second.headers.get('age')).toMatch(/^\d+$/)
    expect(await second.text()).toBe(await first.text())
  })
})

describe('limits only the edge has', () => {
  it('refuses a PNG past the isolate memory budget with a 413 naming the limit; the SVG is still served', async () => {
    // A 250×240 mm desk-card sheet at 300 dpi: 2953×2835 px, 8.4 MP.
    const fields = { ...env.examples['desk-card']!, preset: 'face-250x120', dpi: 300 }
    const png = await workerd(`/v1/render/desk-card.png?${q(fields)}`)
    expect(png.status).toBe(413)
    const { error } = (await png.json()) as { error: { code: string; details: { width: number; height: number; maxPixels: number; runtime: string } } }
    expect(error.code).toBe('image_too_large')
    expect(error.details).toMatchObject({ runtime: 'workers', maxPixels: WORKERS_RASTER_BUDGET.maxPixels })
    expect(error.details.width * error.details.height).toBeGreaterThan(WORKERS_RASTER_BUDGET.maxPixels)
    const svg = await workerd(`/v1/render/desk-card.svg?${q(fields)}`)
    expect(svg.status).toBe(200)
    // Node has the memory for it.
    expect((await app.request(`/v1/render/desk-card.png?${q(fields)}`)).status).toBe(200)
  })
})

describe("an office's data directory, bundled at build time", () => {
  // One wrangler at a time: its [build] writes the bundled office module that both would read.
  let officeEdge: EdgeServer
  const fixture = 'test/fixtures/office'
  beforeAll(async () => {
    await edge.stop()
    officeEdge = await startEdge({ timeoutMs: 90_000, data: fixture })
  }, 120_000)
  afterAll(async () => {
    await officeEdge?.stop()
  }, 30_000)

  it('slogan=<key> renders the same office-reviewed sign as Node with the same directory', async () => {
    const nodeOffice = createApp({ ...env, ...bundledData(await readOfficeDir(fixture)), cache: undefined })
    const path = `/v1/render/slogan-banner.svg?${q({ slogan: 'office.language' })}`
    const [node, edgeRes] = await Promise.all([nodeOffice.request(path), fetch(officeEdge.url + path, { signal: AbortSignal.timeout(TIMEOUT) })])
    expect(await body(edgeRes)).toBe('200')
    expect(edgeRes.headers.get('x-qoyar-translation')).toBe('mn=office-reviewed; zh=office-reviewed')
    expect(edgeRes.headers.get('etag')).toBe(node.headers.get('etag'))
    expect((await edgeRes.text()) === (await node.text())).toBe(true)
    const rules = (await (await fetch(`${officeEdge.url}/v1/rules`)).json()) as { packs: { id: string; origin: { from: string } }[] }
    expect(rules.packs.find((p) => p.id === 'test-office')?.origin.from).toBe('office')
  })
})
