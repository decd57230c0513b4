/** The text endpoints through app.request: statuses, headers, and what the PNG shows. */
import { describe, expect, it } from 'vitest'
import { app } from './helpers/env.js'
import { decodePng, inkOf } from './helpers/image.js'
import { errorOf, q } from './helpers/http.js'

const get = (path: string, init?: RequestInit) => app.request(path, init)

describe('GET /v1/text.png', () => {
  it('renders vertical Mongolian as a tall, tight image with the ink inside the padding', async () => {
    const res = await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ' })}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-qoyar-orientation')).toBe('vertical')
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    expect(png.height).toBeGreaterThan(png.width * 2.5)
    const ink = inkOf(png)
    // Default padding is size/4 = 16 px on every side (±2 px of anti-aliasing).
    expect(ink.bbox!.x0).toBeGreaterThanOrEqual(14)
    expect(ink.bbox!.x0).toBeLessThanOrEqual(18)
    expect(ink.bbox!.y0).toBeGreaterThanOrEqual(14)
    expect(ink.bbox!.y0).toBeLessThanOrEqual(18)
    expect(png.width - ink.bbox!.x1).toBeGreaterThanOrEqual(14)
    expect(png.height - ink.bbox!.y1).toBeGreaterThanOrEqual(14)
  })

  it('honours size, colour, background and padding', async () => {
    const small = decodePng(new Uint8Array(await (await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ', size: '32' })}`)).arrayBuffer()))
    const big = decodePng(new Uint8Array(await (await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ', size: '64' })}`)).arrayBuffer()))
    expect(big.height / small.height).toBeGreaterThan(1.8)
    const res = await get(`/v1/text.png?${q({ text: '民族', color: 'c8102e', background: 'transparent', padding: '0' })}`)
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    // Transparent corners, red ink.
    expect(png.data[3]).toBe(0)
    let red = 0
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]! > 250 && png.data[i]! > 150 && png.data[i + 1]! < 60) red++
    expect(red).toBeGreaterThan(100)
  })

  it('wraps at maxLength into columns left to right', async () => {
    const one = await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', size: '40' })}`)
    const wrapped = await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', size: '40', maxLength: '200' })}`)
    expect(one.headers.get('x-qoyar-lines')).toBe('1')
    expect(Number(wrapped.headers.get('x-qoyar-lines'))).toBeGreaterThan(1)
    const a = decodePng(new Uint8Array(await one.arrayBuffer()))
    const b = decodePng(new Uint8Array(await wrapped.arrayBuffer()))
    expect(b.width).toBeGreaterThan(a.width)
    expect(b.height).toBeLessThan(a.height)
  })

  it('is horizontal by default for Chinese', async () => {
    const res = await get(`/v1/text.png?${q({ text: '民族团结' })}`)
    expect(res.headers.get('x-qoyar-orientation')).toBe('horizontal')
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    expect(png.width).toBeGreaterThan(png.height * 2.5)
  })

  it('gives the same bytes for the same input, with a strong ETag and 304', async () => {
    const url = `/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结' })}`
    const a = await get(url)
    const b = await get(url)
    expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(true)
    const etag = a.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(a.headers.get('cache-control')).toContain('max-age')
    const c = await get(url, { headers: { 'If-None-Match': etag } })
    expect(c.status).toBe(304)
    const other = await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结', size: '65' })}`)
    expect(other.headers.get('etag')).not.toBe(etag)
  })
})

describe('GET /v1/text.svg', () => {
  it('is an SVG with text as paths and a clockwise turn for the Mongolian', async () => {
    const res = await get(`/v1/text.svg?${q({ text: 'ᠮᠣᠩᠭᠣᠯ' })}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('image/svg+xml')
    const svg = await res.text()
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).not.toContain('<text')
    // rotate(90deg) = matrix(0,1,-1,0,…): x maps to +y (down the column).
    expect(svg).toMatch(/transform="matrix\(0,1,-1,0,/)
  })
})

describe('errors', () => {
  it('400 when text is missing or empty', async () => {
    const res = await get('/v1/text.png')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_parameters')
    expect((await get('/v1/text.png?text=')).status).toBe(400)
  })

  it('400 for a bad colour, orientation or size', async () => {
    const bads: Record<string, string>[] = [
      { color: 'reddish' },
      { orientation: 'diagonal' },
      { size: '7' },
      { size: '513' },
      { size: 'NaN' },
      { padding: '-1' },
    ]
    for (const bad of bads) {
      const res = await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ', ...bad })}`)
      expect(res.status, JSON.stringify(bad)).toBe(400)
      const err = await errorOf(res)
      expect(err.code).toBe('invalid_parameters')
      expect(err.message).toContain(Object.keys(bad)[0]!)
    }
  })

  it('413 for text over 2,000 characters', async () => {
    const res = await get(`/v1/text.svg?${q({ text: '民'.repeat(2001) })}`)
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('text_too_long')
  })

  it('413 for a PNG over the pixel limits, with SVG still served', async () => {
    const params = { text: '民族团结'.repeat(40), size: '200', orientation: 'horizontal' }
    const png = await get(`/v1/text.png?${q(params)}`)
    expect(png.status).toBe(413)
    expect((await errorOf(png)).code).toBe('image_too_large')
    expect((await get(`/v1/text.svg?${q(params)}`)).status).toBe(200)
  })

  it('422 naming a code point no font covers', async () => {
    const res = await get(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ \u{1F600}' })}`)
    expect(res.status).toBe(422)
    const err = await errorOf(res)
    expect(err.code).toBe('uncovered_code_points')
    expect(err.message).toContain('U+1F600')
    expect(err.details!.codePoints).toEqual(['U+1F600'])
  })

  it('404 as JSON for an unknown route', async () => {
    const res = await get('/v1/nothing-here')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('not_found')
  })
})

describe('service routes', () => {
  it('GET /healthz', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true)
  })

  it('GET /v1/fonts lists the manifest, every font loaded', async () => {
    const body = (await (await get('/v1/fonts')).json()) as { fonts: { id: string; sha256: string; loaded: boolean; license: string }[] }
    expect(body.fonts.length).toBeGreaterThanOrEqual(5)
    for (const f of body.fonts) {
      expect(f.loaded).toBe(true)
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(f.license).toBe('OFL-1.1')
    }
  })
})
