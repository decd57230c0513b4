/** The render API: templates listing, GET/POST renders, caching, and every error a user can cause. */
import { describe, expect, it } from 'vitest'
import { app } from './helpers/env.js'
import { decodePng } from './helpers/image.js'
import { errorOf, post, q } from './helpers/http.js'

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '张三' }

describe('GET /v1/templates', () => {
  it('describes both templates: titles, presets with pixel sizes, fields as JSON Schema, an example', async () => {
    const res = await app.request('/v1/templates')
    expect(res.status).toBe(200)
    const { templates } = (await res.json()) as {
      templates: {
        id: string
        title: { zh: string; en: string }
        presets: { id: string; widthPx: number; heightPx: number; dpi: number }[]
        fields: { type: string; properties: Record<string, unknown>; required?: string[] }
        example: Record<string, unknown>
      }[]
    }
    const ids = templates.map((t) => t.id)
    expect(ids).toEqual(expect.arrayContaining(['slogan-banner', 'desk-card']))
    const card = templates.find((t) => t.id === 'desk-card')!
    expect(card.title.zh).toBe('桌签')
    expect(card.fields.type).toBe('object')
    expect(card.fields.required).toEqual(expect.arrayContaining(['name_mn', 'name_zh']))
    expect(Object.keys(card.fields.properties)).toEqual(expect.arrayContaining(['mnLayout', 'order', 'mnScale']))
    const face = card.presets.find((p) => p.id === 'face-200x100')!
    expect([face.widthPx, face.heightPx, face.dpi]).toEqual([2362, 2362, 300])
    expect(card.example.name_zh).toBeTruthy()
  })
})

describe('GET and POST /v1/render/{template}.{svg|png}', () => {
  it('renders the desk card sheet at 300 dpi', async () => {
    const res = await app.request(`/v1/render/desk-card.png?${q(CARD)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-qoyar-size')).toBe('2362x2362')
    const png = decodePng(new Uint8Array(await res.arrayBuffer()))
    expect([png.width, png.height]).toEqual([2362, 2362])
  })

  it('gives the same bytes for GET and POST of the same fields, and the same ETag', async () => {
    const get = await app.request(`/v1/render/slogan-banner.svg?${q({ mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '蒙古语', preset: 'screen-1920x480' })}`)
    const viaPost = await post('/v1/render/slogan-banner.svg', { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '蒙古语', preset: 'screen-1920x480' })
    expect(get.status).toBe(200)
    expect((await bytes(get)).equals(await bytes(viaPost))).toBe(true)
    expect(get.headers.get('etag')).toBe(viaPost.headers.get('etag'))
  })

  it('merges query parameters into a POST body; a field the two give differently is a 400 naming it, never silently dropped', async () => {
    const viaQuery = await post(`/v1/render/desk-card.svg?${q({ preset: 'face-100x50' })}`, CARD)
    expect(viaQuery.status).toBe(200)
    expect(viaQuery.headers.get('x-qoyar-size')).toBe('1181x1181')
    const same = await post(`/v1/render/desk-card.svg?${q({ preset: 'face-250x120' })}`, { ...CARD, preset: 'face-250x120' })
    expect(same.headers.get('x-qoyar-size')).toBe('2953x2835')
    // The issue's case: a body carrying its own preset, and another one in the query.
    for (const path of ['/v1/render/desk-card.png', '/v1/check/desk-card']) {
      const conflict = await post(`${path}?${q({ preset: 'face-100x50' })}`, { ...CARD, preset: 'face-250x120' })
      expect(conflict.status).toBe(400)
      const err = await errorOf(conflict)
      expect(err.code).toBe('conflicting_parameters')
      expect(err.details).toMatchObject({ parameter: 'preset', query: 'face-100x50', body: 'face-250x120' })
    }
    // A number in the body and the same number in the query agree.
    const dpi = await post(`/v1/render/desk-card.svg?${q({ dpi: '150' })}`, { ...CARD, dpi: 150 })
    expect(dpi.status).toBe(200)
    const bad = await post(`/v1/render/desk-card.svg?${q({ preset: 'nope' })}`, CARD)
    expect(bad.status).toBe(422)
    expect((await errorOf(bad)).code).toBe('unknown_preset')
  })

  it('POST /v1/text merges its query too (size, orientation), with the same conflict rule', async () => {
    // The PNG's own header (IHDR: width, height at bytes 16–23).
    const sizeOf = async (r: Response) => {
      const v = new DataView(await r.arrayBuffer())
      return [v.getUint32(16), v.getUint32(20)] as const
    }
    const [, plainHeight] = await sizeOf(await post('/v1/text.png', { text: '蒙古' }))
    const large = await post(`/v1/text.png?${q({ size: '200' })}`, { text: '蒙古' })
    expect(large.status).toBe(200)
    expect((await sizeOf(large))[1]).toBeGreaterThan(plainHeight * 2.5)
    const [w, h] = await sizeOf(await post(`/v1/text.png?${q({ orientation: 'vertical' })}`, { text: '蒙古' }))
    expect(h).toBeGreaterThan(w)
    const conflict = await post(`/v1/text.png?${q({ size: '200' })}`, { text: '蒙古', size: 100 })
    expect(conflict.status).toBe(400)
    expect((await errorOf(conflict)).code).toBe('conflicting_parameters')
  })

  it('answers If-None-Match with 304, and a changed field changes the ETag', async () => {
    const url = `/v1/render/desk-card.svg?${q(CARD)}`
    const first = await app.request(url)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect((await app.request(url, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const other = await app.request(`/v1/render/desk-card.svg?${q({ ...CARD, name_zh: '李四' })}`)
    expect(other.headers.get('etag')).not.toBe(etag)
    // Defaults written out are the same input as defaults left out.
    const explicit = await app.request(`/v1/render/desk-card.svg?${q({ ...CARD, mnLayout: 'auto', preset: 'face-200x100' })}`)
    expect(explicit.headers.get('etag')).toBe(etag)
  })

  it('takes size overrides in mm and dpi', async () => {
    const res = await app.request(`/v1/render/slogan-banner.png?${q({ mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古', width: '1000', height: '250', dpi: '96' })}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-size')).toBe('3780x945')
  })
})

describe('render errors', () => {
  it('404 for an unknown template or format', async () => {
    const a = await app.request('/v1/render/no-such-template.png')
    expect(a.status).toBe(404)
    expect((await errorOf(a)).code).toBe('unknown_template')
    const b = await app.request(`/v1/render/desk-card.gif?${q(CARD)}`)
    expect(b.status).toBe(404)
    expect((await errorOf(b)).code).toBe('unsupported_format')
  })

  it('422 for invalid fields, listing the zod issues', async () => {
    const res = await app.request(`/v1/render/desk-card.png?${q({ name_mn: 'ᠪᠠᠲᠤ', mnLayout: 'diagonal' })}`)
    expect(res.status).toBe(422)
    const err = await errorOf(res)
    expect(err.code).toBe('invalid_fields')
    const paths = err.details!.issues!.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['name_zh', 'mnLayout']))
  })

  it('422 for a title in one script only, an unknown preset, or a dpi out of range', async () => {
    expect((await app.request(`/v1/render/desk-card.png?${q({ ...CARD, title_zh: '教师' })}`)).status).toBe(422)
    const preset = await app.request(`/v1/render/desk-card.png?${q({ ...CARD, preset: 'napkin' })}`)
    expect(preset.status).toBe(422)
    expect((await errorOf(preset)).code).toBe('unknown_preset')
    expect((await app.request(`/v1/render/desk-card.png?${q({ ...CARD, dpi: '5000' })}`)).status).toBe(422)
  })

  it('422 naming a code point no font covers in a field', async () => {
    const res = await app.request(`/v1/render/desk-card.png?${q({ ...CARD, name_zh: '张\u{1F600}' })}`)
    expect(res.status).toBe(422)
    const err = await errorOf(res)
    expect(err.code).toBe('uncovered_code_points')
    expect(err.message).toContain('U+1F600')
  })

  it('422 when text cannot fit even at the smallest size, never a clipped sign', async () => {
    // A 78-letter word cannot be split, and at the 8 mm minimum it is longer than the face is high.
    const res = await app.request(`/v1/render/desk-card.png?${q({ name_mn: 'ᠮᠣᠩᠭᠣᠯ'.repeat(13), name_zh: '张三' })}`)
    expect(res.status).toBe(422)
    expect((await errorOf(res)).code).toBe('text_does_not_fit')
  })

  it('413 for a PNG over the pixel budget, while the SVG renders', async () => {
    const params = { mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古', preset: 'cloth-6000x700', dpi: '300' }
    const png = await app.request(`/v1/render/slogan-banner.png?${q(params)}`)
    expect(png.status).toBe(413)
    expect((await errorOf(png)).code).toBe('image_too_large')
    expect((await app.request(`/v1/render/slogan-banner.svg?${q(params)}`)).status).toBe(200)
  })

  it('400 for a body that is not a JSON object, 413 for an oversized body', async () => {
    const bad = await post('/v1/render/desk-card.png', '{"name_mn": ')
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).code).toBe('invalid_json')
    expect((await post('/v1/render/desk-card.png', '[1,2]')).status).toBe(400)
    const big = await post('/v1/render/desk-card.png', { ...CARD, pad: 'x'.repeat(17 * 1024 * 1024) })
    expect(big.status).toBe(413)
    expect((await errorOf(big)).code).toBe('payload_too_large')
  })
})
