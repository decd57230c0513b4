/** /v1/text for every script: the lang parameter, both orientations where supported, refusals as JSON. */
import { describe, expect, it } from 'vitest'
import { app } from './helpers/env.js'
import { decodePng, inkOf } from './helpers/image.js'
import { q } from './helpers/http.js'

describe('GET /v1/text with lang', () => {
  it('defaults lang from the script and says what it used', async () => {
    for (const [text, lang, dir] of [
      ['연변', 'ko', 'ltr'],
      ['ئۇيغۇر', 'ug', 'rtl'],
      ['བོད་ཡིག', 'bo', 'ltr'],
      ['ᠮᠣᠩᠭᠣᠯ', 'mn', 'ltr'],
      ['民族', 'zh', 'ltr'],
    ] as const) {
      const res = await app.request(`/v1/text.svg?${q({ text })}`)
      expect(res.status, text).toBe(200)
      expect(res.headers.get('x-qoyar-lang')).toBe(lang)
      expect(res.headers.get('x-qoyar-direction')).toBe(dir)
    }
    const kk = await app.request(`/v1/text.svg?${q({ text: 'قازاق تىلى', lang: 'kk-Arab-CN' })}`)
    expect(kk.headers.get('x-qoyar-lang')).toBe('kk-Arab-CN')
  })

  it('renders Korean and Tibetan both ways: vertical is tall, horizontal is wide', async () => {
    for (const text of ['연변 조선족', 'བོད་ཡིག་སྒྲིག']) {
      for (const orientation of ['vertical', 'horizontal']) {
        const res = await app.request(`/v1/text.png?${q({ text, orientation })}`)
        expect(res.status).toBe(200)
        const png = decodePng(new Uint8Array(await res.arrayBuffer()))
        expect(inkOf(png).count).toBeGreaterThan(200)
        if (orientation === 'vertical') expect(png.height).toBeGreaterThan(png.width)
        else expect(png.width).toBeGreaterThan(png.height)
      }
    }
  })

  it('refuses vertical Uyghur with 422 vertical_not_supported, in JSON', async () => {
    const res = await app.request(`/v1/text.png?${q({ text: 'ئۇيغۇر تىلى', orientation: 'vertical' })}`)
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/json')
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('vertical_not_supported')
    expect(body.error.message.length).toBeGreaterThan(10)
  })

  it('rejects a lang that is not a BCP 47 tag with 400', async () => {
    const res = await app.request(`/v1/text.svg?${q({ text: '연변', lang: 'korean language!' })}`)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string } }
    expect(body.error.code).toBe('invalid_parameters')
  })
})
