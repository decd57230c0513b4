/** Where users meet the Mongolian text checker: its own route, every render, the check route. */
import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/text/mongolian/check.js'
import { MVS } from '../src/text/mongolian/controls.js'
import { app, env } from './helpers/env.js'
import { errorOf, post, q } from './helpers/http.js'

/** ᠪᠢᠴᠢᠭ typed with a Menksoft input method. */
const MENKSOFT_BICHIG = '\uE2C1\uE27F\uE317\uE27E\uE2E8'

interface CheckBody {
  text: string
  findings: Finding[]
  normalized: string | null
}
describe('GET|POST /v1/mongolian/check', () => {
  it('returns { text, findings, normalized } with the codes, by GET and by POST alike', async () => {
    const text = 'ᠨᠣᠮ ᠤᠨ ᠦᠪᠣᠷ ᠮᠣᠩᠭoᠯ'
    const get = await app.request(`/v1/mongolian/check?${q({ text })}`)
    expect(get.status).toBe(200)
    expect(get.headers.get('x-qoyar-text')).toBe('errors')
    const body = (await get.json()) as CheckBody
    expect(body.text).toBe(text)
    expect(body.findings.map((f) => f.code)).toEqual(['suffix-space', 'vowel-harmony', 'mixed-script'])
    expect(body.normalized).toBe('ᠨᠣᠮ' + MVS + 'ᠤᠨ ᠦᠪᠣᠷ ᠮᠣᠩᠭoᠯ')
    expect(await (await post('/v1/mongolian/check', { text })).json()).toEqual(body)
  })

  it('finds nothing in correct text: normalized is null', async () => {
    const body = (await (await app.request(`/v1/mongolian/check?${q({ text: 'ᠨᠣᠮ' + MVS + 'ᠤᠨ ᠡᠮᠨᠡᠯᠭ' + MVS + 'ᠡ' })}`)).json()) as CheckBody
    expect(body.findings).toEqual([])
    expect(body.normalized).toBeNull()
  })

  it('Menksoft text: legacy-encoding with the converted text', async () => {
    const body = (await (await post('/v1/mongolian/check', { text: MENKSOFT_BICHIG })).json()) as CheckBody
    expect(body.findings).toMatchObject([{ code: 'legacy-encoding', severity: 'error', start: 0, end: 5, suggestion: 'ᠪᠢᠴᠢᠭ' }])
    expect(body.normalized).toBe('ᠪᠢᠴᠢᠭ')
  })

  it('bad input: 400 without text, 413 past the limit, never a 5xx', async () => {
    expect((await app.request('/v1/mongolian/check')).status).toBe(400)
    expect((await errorOf(await post('/v1/mongolian/check', { text: 5 }))).code).toBe('invalid_parameters')
    const long = await post('/v1/mongolian/check', { text: 'ᠮ'.repeat(20_001) })
    expect(long.status).toBe(413)
    expect((await errorOf(long)).code).toBe('text_too_long')
  })
})

describe('every render checks its Mongolian fields', () => {
  const card = env.examples['desk-card'] as Record<string, string>

  it('X-Qoyar-Text: ok for the example, warnings and errors otherwise', async () => {
    const ok = await app.request(`/v1/render/desk-card.svg?${q(card)}`)
    expect(ok.headers.get('x-qoyar-text')).toBe('ok')
    const warn = await app.request(`/v1/render/desk-card.svg?${q({ ...card, name_mn: 'ᠦᠪᠣᠷ' })}`)
    expect(warn.status).toBe(200)
    expect(warn.headers.get('x-qoyar-text')).toBe('warnings')
    const err = await post('/v1/render/desk-card.svg', { ...card, title_mn: 'ᠨᠣᠮ ᠤᠨ' })
    expect(err.status).toBe(200)
    expect(err.headers.get('x-qoyar-text')).toBe('errors')
    expect(err.headers.get('x-qoyar-text-changed')).toBeNull()
  })

  it('strict=true refuses text errors (422 text_errors, with the findings), not warnings', async () => {
    const res = await post('/v1/render/desk-card.png', { ...card, title_mn: 'ᠨᠣᠮ ᠤᠨ', strict: true })
    expect(res.status).toBe(422)
    const error = await errorOf(res)
    expect(error.code).toBe('text_errors')
    expect(error.details!.fields).toMatchObject([{ field: 'title_mn', findings: [{ code: 'suffix-space' }] }])
    expect((await post('/v1/render/desk-card.svg', { ...card, name_mn: 'ᠦᠪᠣᠷ', strict: true })).status).toBe(200)
  })

  it('normalize=true renders the normalised text and says what changed', async () => {
    const fixed = await post('/v1/render/desk-card.svg', { ...card, title_mn: 'ᠨᠣᠮ ᠤᠨ', normalize: true })
    expect(fixed.status).toBe(200)
    expect(fixed.headers.get('x-qoyar-text-changed')).toBe('title_mn (suffix-space)')
    expect(fixed.headers.get('x-qoyar-text')).toBe('ok')
    // The same drawing as the text sent already joined, but not the same cache entry (the headers differ).
    const joined = await post('/v1/render/desk-card.svg', { ...card, title_mn: 'ᠨᠣᠮ' + MVS + 'ᠤᠨ' })
    expect(await fixed.text()).toBe(await joined.text())
    expect(fixed.headers.get('etag')).not.toBe(joined.headers.get('etag'))
  })

  it('Menksoft input is 422 legacy_encoding carrying the converted text; with normalize=true it renders', async () => {
    const res = await app.request(`/v1/render/desk-card.png?${q({ ...card, name_mn: MENKSOFT_BICHIG })}`)
    expect(res.status).toBe(422)
    const error = await errorOf(res)
    expect(error.code).toBe('legacy_encoding')
    expect(error.details!.fields).toMatchObject([{ field: 'name_mn', converted: 'ᠪᠢᠴᠢᠭ' }])
    const zh = await app.request(`/v1/render/desk-card.png?${q({ ...card, name_mn: MENKSOFT_BICHIG, lang: 'zh' })}`)
    expect((await errorOf(zh)).message).toMatch(/蒙科立/)
    const fixed = await app.request(`/v1/render/desk-card.png?${q({ ...card, name_mn: MENKSOFT_BICHIG, normalize: 'true' })}`)
    expect(fixed.status).toBe(200)
    expect(fixed.headers.get('content-type')).toBe('image/png')
    expect(fixed.headers.get('x-qoyar-text-changed')).toBe('name_mn (legacy-encoding)')
  })

  it('the text endpoint too: X-Qoyar-Text, and Menksoft refused with its conversion', async () => {
    const ok = await app.request(`/v1/text.svg?${q({ text: 'ᠨᠣᠮ' + MVS + 'ᠤᠨ' })}`)
    expect(ok.headers.get('x-qoyar-text')).toBe('ok')
    expect((await app.request(`/v1/text.svg?${q({ text: 'ᠨᠣᠮ ᠤᠨ' })}`)).headers.get('x-qoyar-text')).toBe('errors')
    const legacy = await app.request(`/v1/text.png?${q({ text: MENKSOFT_BICHIG })}`)
    expect(legacy.status).toBe(422)
    expect((await errorOf(legacy)).details!.fields).toMatchObject([{ field: 'text', converted: 'ᠪᠢᠴᠢᠭ' }])
  })

  it('/v1/check/{template} carries the findings per field', async () => {
    const res = await post('/v1/check/desk-card', { ...card, name_mn: 'ᠦᠪᠣᠷ', title_mn: 'ᠨᠣᠮ ᠤᠨ' })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-text')).toBe('errors')
    const body = (await res.json()) as { pass: boolean; text: { status: string; fields: { field: string; findings: Finding[] }[] } }
    // The findings ride along; compliance is the layout's (Mongolian size, order, position), which this card keeps.
    expect(body.pass).toBe(true)
    expect(res.headers.get('x-qoyar-compliance')).toBe('pass')
    expect(body.text.fields.map((f) => [f.field, f.findings.map((x) => x.code)])).toEqual([
      ['name_mn', ['vowel-harmony']],
      ['title_mn', ['suffix-space']],
    ])
    const clean = (await (await post('/v1/check/desk-card', card)).json()) as { text: { status: string; fields: unknown[] } }
    expect(clean.text).toEqual({ status: 'ok', fields: [], changed: [] })
  })
})
