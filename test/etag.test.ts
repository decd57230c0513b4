/**
 * What an ETag is made of: the normalised input, the format, the build
 * version (package, RENDER_VERSION, fonts) and the template's version. Each
 * part is changed alone here and must change the ETag, or a cache would keep
 * serving the old image (for a day, and a week of stale-while-revalidate).
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import type { AppEnv } from '../src/env.js'
import { app, env } from './helpers/env.js'
import { q } from './helpers/http.js'

const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' }
const CARD_URL = `/v1/render/desk-card.svg?${q(CARD)}`
const TEXT_URL = `/v1/text.svg?${q({ text: 'ᠮᠣᠩᠭᠣᠯ' })}`

/** The same app with one part of the environment changed; no render cache, so every answer is drawn. */
const appWith = (change: Partial<AppEnv>) => createApp({ ...env, cache: undefined, ...change })
const etagOf = async (a: ReturnType<typeof createApp>, url: string) => {
  const res = await a.request(url)
  expect(res.status).toBe(200)
  const etag = res.headers.get('etag')
  expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
  return etag!
}
const bumped = (id: string) => env.templates.map((t) => (t.id === id ? { ...t, version: t.version + 1 } : t))

describe('ETags', () => {
  it('are the same for the same input, across apps on the same build', async () => {
    expect(await etagOf(appWith({}), CARD_URL)).toBe(await etagOf(app, CARD_URL))
  })

  it("change with the template's version, and the old ETag no longer gives a 304", async () => {
    const before = await etagOf(app, CARD_URL)
    const next = appWith({ templates: bumped('desk-card') })
    const after = await etagOf(next, CARD_URL)
    expect(after).not.toBe(before)
    expect((await next.request(CARD_URL, { headers: { 'If-None-Match': before } })).status).toBe(200)
    // Another template's version is not part of this sign's identity.
    expect(await etagOf(appWith({ templates: bumped('slogan-banner') }), CARD_URL)).toBe(before)
  })

  it('change with the build version, for templates and /v1/text', async () => {
    const other = appWith({ version: `${env.version}.next` })
    for (const url of [CARD_URL, TEXT_URL]) expect(await etagOf(other, url), url).not.toBe(await etagOf(app, url))
  })

  it('differ between SVG, PNG and PDF of the same sign', async () => {
    const tags = await Promise.all(['svg', 'png', 'pdf'].map((f) => etagOf(app, CARD_URL.replace('.svg?', `.${f}?`))))
    expect(new Set(tags).size).toBe(3)
  })
})
