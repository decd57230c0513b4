/** Issue 20 (2, 5, 9, 11): every bad input answered in JSON with a stable code; nothing misread, nothing drawn that was not meant. */
import { describe, expect, it } from 'vitest'
import { fileNamer } from '../src/bulk/names.js'
import { clientErrorResponse } from '../src/http/client-error.js'
import { renderGate, renders, Semaphore } from '../src/http/gate.js'
import { QoyarError } from '../src/errors.js'
import { app } from './helpers/env.js'
import { errorOf, post } from './helpers/http.js'

const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '张三' }
const json = (path: string, body: string, type = 'application/json', method = 'POST') => app.request(path, { method, headers: { 'content-type': type }, body })
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n)

describe('500s that were', () => {
  it('refuses a deeply nested v.* value with a 422 (String(v) overflowed the stack)', async () => {
    const res = await json('/v1/render/slogan-banner.svg', `{"slogan":"unity","v.years":${deep(20)}}`)
    expect(res.status).toBe(422)
    expect((await errorOf(res)).details!.issues![0]!.path).toBe('v.years')
    const deeper = await json('/v1/render/slogan-banner.svg', `{"slogan":"unity","v.years":${deep(200_000)}}`)
    expect(deeper.status).toBe(400)
    expect((await errorOf(deeper)).code).toBe('invalid_json')
  })

  it('takes a JSON-lines cell holding an object, a list or deep nesting as a bad row, not "[object Object]" or 500', async () => {
    const body = [
      '{"name_mn":"ᠪᠠᠲᠤ","name_zh":{"a":1}}',
      '{"name_mn":"ᠪᠠᠲᠤ","name_zh":["巴","图"]}',
      `{"name_mn":"ᠪᠠᠲᠤ","name_zh":${deep(100_000)}}`,
      '{"name_mn":"ᠪᠠᠲᠤ","name_zh":"巴图"}',
    ].join('\n')
    const res = await app.request('/v1/batch/desk-card.zip', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', accept: 'application/json' },
      body,
    })
    expect(res.status).toBe(200)
    const report = (await res.json()) as {
      rendered: number
      failed: number
      results: { row: number; status: string; error?: { code: string; field?: string } }[]
    }
    expect([report.rendered, report.failed]).toEqual([1, 3])
    expect(report.results.slice(0, 3).map((r) => [r.row, r.error!.code, r.error!.field])).toEqual([
      [1, 'invalid_row', 'name_zh'],
      [2, 'invalid_row', 'name_zh'],
      [3, 'invalid_row', 'name_zh'],
    ])
  })
})

describe('bodies only of their declared types', () => {
  it('answers text/plain (what any web page may POST cross-origin) with 415, on renders and batches', async () => {
    const render = await json('/v1/render/desk-card.svg', JSON.stringify(CARD), 'text/plain')
    expect(render.status).toBe(415)
    expect((await errorOf(render)).code).toBe('unsupported_media_type')
    expect((await json('/v1/batch/desk-card.zip', 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n', 'text/plain')).status).toBe(415)
    expect((await json('/v1/batch/desk-card.zip', 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n', '')).status).toBe(415)
    expect((await json('/v1/render/desk-card.svg', JSON.stringify(CARD), 'application/json; charset=utf-8')).status).toBe(200)
  })

  it('parses JSON without prototypes: __proto__ supplies nothing', async () => {
    const res = await json('/v1/render/desk-card.svg', '{"__proto__":{"name_mn":"ᠪᠠᠲᠤ","name_zh":"张三"}}')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toEqual({ reason: 'the key "__proto__" is not allowed' })
    expect(({} as Record<string, unknown>).name_mn).toBeUndefined()
    const query = await app.request('/v1/render/desk-card.svg?__proto__=x&name_mn=%E1%A0%AA&name_zh=a')
    expect(query.status).toBe(400)
  })
})

describe('text as sent', () => {
  it('answers invalid percent-encoding with 400 bad_encoding instead of drawing it', async () => {
    for (const bad of ['%ED%A0%80', '%E0%A4%A']) {
      const res = await app.request(`/v1/text.svg?text=${bad}`)
      expect(res.status).toBe(400)
      expect((await errorOf(res)).code).toBe('bad_encoding')
    }
    expect((await app.request(`/v1/render/desk-card.svg?name_mn=%E1%A0%AA&name_zh=${'%ED%A0%80'}`)).status).toBe(400)
  })

  it('breaks the line at U+2028 and U+2029 and keeps the text after them', async () => {
    const res = await app.request(`/v1/text.svg?text=${encodeURIComponent('Ulaanbaatar\u2028Hohhot\u2029Baotou')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-lines')).toBe('3')
    const one = await app.request(`/v1/text.svg?text=${encodeURIComponent('Ulaanbaatar Hohhot Baotou')}`)
    expect(one.headers.get('x-qoyar-lines')).toBe('1')
  })

  it('refuses a line separator in a slogan variable (one line of catalogue text) with a 422', async () => {
    const res = await json('/v1/render/slogan-banner.svg', JSON.stringify({ slogan: 'unity', 'v.years': '7\u20285' }))
    expect(res.status).toBe(422)
  })

  it('takes POST /v1/text.{svg,png} for texts past what a URL holds (2,000 Han characters)', async () => {
    const text = '民族团结'.repeat(500)
    const res = await json('/v1/text.svg', JSON.stringify({ text, size: 16 }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg/)
    // All of it laid out on one line, none clipped: 1,996 Han characters (1 em each) wider than the first four, the same height, the drawing 500 times theirs.
    const short = await json('/v1/text.svg', JSON.stringify({ text: '民族团结', size: 16 }))
    expect([res.headers.get('x-qoyar-lines'), res.headers.get('x-qoyar-text')]).toEqual(['1', 'ok'])
    const size = (svg: string) => /^<svg width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number)
    const [wide, one] = [await res.text(), await short.text()]
    const [[w, h], [w4, h4]] = [size(wide), size(one)]
    expect(w! - w4!).toBe(1996 * 16)
    expect(h).toBe(h4)
    const drawing = (svg: string) => (svg.match(/ d="[^"]*"/g) ?? []).join('').length
    expect(drawing(wide) / drawing(one)).toBeGreaterThan(450)
    const png = await json('/v1/text.png', JSON.stringify({ text: '巴图', size: 32 }))
    expect(png.status).toBe(200)
    expect(new Uint8Array(await png.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'))
    expect((await json('/v1/text.svg', JSON.stringify({ text: text + '一' }))).status).toBe(413)
  })
})

describe('methods', () => {
  it('answers PUT, DELETE and OPTIONS on a route with 405 and Allow, in JSON', async () => {
    for (const method of ['PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const res = await app.request('/v1/render/desk-card.png', { method })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST')
      expect((await errorOf(res)).code).toBe('method_not_allowed')
    }
    expect((await app.request('/v1/templates', { method: 'POST' })).headers.get('allow')).toBe('GET, HEAD')
    expect((await app.request('/v1/nothing-here', { method: 'PUT' })).status).toBe(404)
  })

  it('answers HEAD from the ETag without rendering: no body, the GET ETag, and the GET after it is still a cache miss', async () => {
    const url = `/v1/render/desk-card.png?${new URLSearchParams({ ...CARD, name_zh: '赫德' })}`
    const head = await app.request(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/png')
    expect(head.headers.get('x-qoyar-compliance')).toBeNull()
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    const get = await app.request(url)
    expect(get.headers.get('x-qoyar-cache')).toBe('miss')
    expect(get.headers.get('etag')).toBe(head.headers.get('etag'))
    expect((await app.request('/v1/render/desk-card.png?name_zh=x', { method: 'HEAD' })).status).toBe(422)
  })
})

describe('every response', () => {
  it('carries X-Content-Type-Options: nosniff, errors and 404s included', async () => {
    for (const res of [
      await app.request('/healthz'),
      await app.request('/v1/nothing'),
      await app.request('/v1/render/desk-card.svg?name_zh=x'),
      await app.request(`/v1/render/desk-card.svg?${new URLSearchParams(CARD)}`),
    ])
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it("Node's own parse errors are JSON too (431 for headers past the limit, 400 for a bad request line)", () => {
    const big = clientErrorResponse('HPE_HEADER_OVERFLOW')
    expect(big.startsWith('HTTP/1.1 431 ')).toBe(true)
    expect(JSON.parse(big.split('\r\n\r\n')[1]!)).toEqual({ error: { code: 'headers_too_large', message: expect.stringMatching(/POST/) } })
    const bad = clientErrorResponse('HPE_INVALID_METHOD')
    expect(bad.startsWith('HTTP/1.1 400 ')).toBe(true)
    const [head, body] = bad.split('\r\n\r\n')
    expect(Number(/Content-Length: (\d+)/.exec(head!)![1])).toBe(Buffer.byteLength(body!))
  })
})

describe('ZIP entry names', () => {
  it('lose bidi controls, so "gpj.exe" cannot pose as "exe.jpg"', () => {
    const name = fileNamer('{name_zh}', 'png')
    expect(name(2, { name_zh: 'photo\u202Egpj.exe' })).toBe('photogpj.exe.png')
    expect(name(3, { name_zh: '\u2066巴图\u2069\u200F' })).toBe('巴图.png')
  })
})

describe('the render gate', () => {
  it('gives a slot, queues up to its bound, then refuses', async () => {
    const s = new Semaphore(1, 1)
    const signal = new AbortController().signal
    expect(s.acquire(signal)).toBe(true)
    const queued = s.acquire(signal)
    expect(queued).toBeInstanceOf(Promise)
    expect(s.acquire(signal)).toBe(false)
    s.release()
    expect(await queued).toBe(true)
    expect(s.load).toEqual({ active: 1, waiting: 0 })
  })

  it('answers 503 render_timeout past the deadline and 503 overloaded past the queue, holding the slot until the work really ends', async () => {
    const gate = renderGate({ concurrency: 1, queue: 0, timeoutMs: 50 })
    let finish!: () => void
    const slow = gate.run(() => new Promise<string>((r) => (finish = () => r('done'))))
    const overloaded = await gate.run(async () => 'x').catch((e: QoyarError) => e)
    expect(overloaded).toMatchObject({ code: 'overloaded', status: 503 })
    const late = await slow.catch((e: QoyarError) => e)
    expect(late).toMatchObject({ code: 'render_timeout', status: 503 })
    expect(gate.load().active).toBe(1)
    finish()
    await new Promise((r) => setTimeout(r, 0))
    expect(gate.load().active).toBe(0)
    expect(await gate.run(async () => 'next')).toBe('next')
  })

  it('hands the work its deadline: work that stops there (a worker thread) frees its slot at once, as render_timeout', async () => {
    const gate = renderGate({ concurrency: 1, queue: 0, timeoutMs: 50 })
    let seen: AbortSignal | undefined
    const stopped = gate.run(
      (deadline) =>
        new Promise<string>((_, reject) => {
          seen = deadline
          deadline.addEventListener('abort', () => reject(new Error('AbortError: the thread was terminated')))
        }),
    )
    expect(await stopped.catch((e: QoyarError) => e)).toMatchObject({ code: 'render_timeout', status: 503 })
    expect(seen?.aborted).toBe(true)
    await new Promise((r) => setTimeout(r, 0))
    expect(gate.load().active).toBe(0)
    expect(await gate.run(async () => 'next')).toBe('next')
  })

  it('sends Retry-After with a 503', async () => {
    const { errorHandler } = await import('../src/http/errors.js')
    const { Hono } = await import('hono')
    const { env } = await import('./helpers/env.js')
    const a = new Hono()
    a.onError(errorHandler(env.locales))
    a.get('/', () => {
      throw new QoyarError('overloaded', 503, 'busy', { retryAfter: 2 }, { retryAfter: 2 })
    })
    const res = await a.request('/')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('2')
  })
})

describe('shedding load', () => {
  it('a full gate refuses a new render before reading it (503 overloaded, Retry-After), and still answers a URL it knows from its ETag', async () => {
    const known = `/v1/text.svg?${new URLSearchParams({ text: '巴图 shed' })}`
    const first = await app.request(known)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    // Every slot and every place in the queue taken by work that waits.
    const { concurrency, queue } = renders.options
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const holders = Array.from({ length: concurrency + queue }, () => renders.run(() => held))
    await new Promise((r) => setTimeout(r, 0))
    expect(renders.load()).toEqual({ active: concurrency, waiting: queue })
    try {
      const refused = await app.request(`/v1/text.png?${new URLSearchParams({ text: '巴图 new' })}`)
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('2')
      expect((await errorOf(refused)).code).toBe('overloaded')
      // Refused before validation: even an invalid query is told to come back, not read.
      const invalid = await app.request('/v1/render/desk-card.png?dpi=-1')
      expect(invalid.status).toBe(503)
      const posted = await post('/v1/render/desk-card.svg', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' })
      expect(posted.status).toBe(503)
      // A URL seen before: its 304 needs no render.
      const again = await app.request(known, { headers: { 'If-None-Match': etag } })
      expect(again.status).toBe(304)
    } finally {
      release()
      await Promise.all(holders)
    }
    expect(renders.load()).toEqual({ active: 0, waiting: 0 })
    expect((await app.request(`/v1/text.png?${new URLSearchParams({ text: '巴图 new' })}`)).status).toBe(200)
  })
})

describe('vector limits', () => {
  it('says SVG or PDF, not PNG, when a vector render is over its limit', async () => {
    const res = await app.request(
      `/v1/render/slogan-banner.svg?${new URLSearchParams({ mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古', width: '20000', height: '700', dpi: '300' })}&lang=en`,
    )
    expect(res.status).toBe(413)
    const err = await errorOf(res)
    expect(err.code).toBe('vector_too_large')
    expect(err.message).toMatch(/SVG or PDF/)
    expect(err.message).not.toMatch(/PNG/)
  })

  it('writes a page past 14,400 pt (cloth-10000x900: 28,346 pt) at a UserUnit, and says so', async () => {
    const res = await app.request(`/v1/render/slogan-banner.pdf?${new URLSearchParams({ mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '蒙古语', preset: 'cloth-10000x900' })}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-pdf-user-unit')).toBe('2')
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1')
    expect(pdf).toMatch(/\/UserUnit 2/)
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!
    expect(Number(box[1])).toBeLessThanOrEqual(14_400)
    // 10,000 mm is 28,346.5 pt: at a UserUnit of 2 the page is 14,173.2 units wide.
    expect(Number(box[1]) * 2).toBeCloseTo((10_000 * 72) / 25.4, 0)
  })
})

describe('batch budget', () => {
  it('bounds a batch in pixels, not rows: rows past the budget fail, the rest render', async () => {
    // Each row 600 mm square at 300 dpi (7,087² px, 50 MP) as SVG: 3 GP is 59 of them.
    const rows = Array.from({ length: 70 }, () => 'ᠪᠠᠲᠤ,巴图,600,600').join('\n')
    const res = await app.request('/v1/batch/desk-card.zip?format=svg&dpi=300', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: `name_mn,name_zh,width,height\n${rows}\n`,
    })
    expect(res.status).toBe(200)
    const report = (await res.json()) as { rendered: number; failed: number; results: { error?: { code: string } }[] }
    expect([report.rendered, report.failed]).toEqual([59, 11])
    expect(report.results.at(-1)!.error!.code).toBe('batch_budget')
  }, 120_000)
})

describe('both scripts present', () => {
  it('means visible letters: a name_mn of U+180B alone fails im.both-scripts', async () => {
    const res = await app.request(`/v1/render/desk-card.svg?${new URLSearchParams({ name_mn: '\u180B', name_zh: '巴图' })}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-compliance')).toMatch(/^fail; rules=im\.both-scripts/)
    const strict = await app.request(`/v1/render/desk-card.svg?${new URLSearchParams({ name_mn: '\u180B', name_zh: '巴图', strict: 'true' })}`)
    expect(strict.status).toBe(422)
  })
})

describe('found by the fuzz', () => {
  it('takes a column named constructor or __proto__ as a column (was a 500: Object.prototype looked up as a --map)', async () => {
    const body = '{"constructor":"x","__proto__":{"a":1},"name_mn":"ᠪᠠᠲᠤ","name_zh":"巴图"}\n{"constructor":"y","name_mn":"ᠪᠠᠲᠤ","name_zh":"巴图"}'
    const res = await app.request('/v1/batch/desk-card.zip', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', accept: 'application/json' },
      body,
    })
    expect(res.status).toBe(200)
    const report = (await res.json()) as { rendered: number; failed: number }
    expect([report.rendered, report.failed]).toEqual([1, 1])
    const csv = await app.request('/v1/batch/desk-card.zip', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: 'constructor,name_mn,name_zh\nx,ᠪᠠᠲᠤ,巴图\n',
    })
    expect(((await csv.json()) as { rendered: number }).rendered).toBe(1)
  })
})

describe('found by the fuzz, too', () => {
  it('checks v.* on /v1/check as on renders (an object there was a 500)', async () => {
    const res = await post('/v1/check/slogan-banner', '{"slogan":"unity","v.years":{"a":1}}')
    expect(res.status).toBe(422)
    expect((await app.request('/v1/check/desk-card?name_mn=%ED%A0%80')).status).toBe(400)
  })
})
