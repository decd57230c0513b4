/**
 * A saved design (src/design-file.ts) renders the same wherever it goes: the
 * render and check APIs take it as a POST body (same ETag as the GET of its
 * input), the CLI renders it with --design, and a broken or mismatched one is
 * a 422 with its own code.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { designFile, type DesignFile } from '../src/design-file.js'
import { app } from './helpers/env.js'

const input = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', preset: 'face-100x50', mnLayout: 'line' }
const saved: DesignFile = { format: 'qoyar-design', version: 1, name: '巴图', template: 'desk-card', input, saved: '2026-12-03T06:00:00Z' }
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('saved designs', () => {
  it('the schema takes what the studio exports and refuses other shapes', () => {
    expect(designFile.parse(saved)).toEqual(saved)
    expect(designFile.safeParse({ ...saved, version: 2 }).success).toBe(false)
    expect(designFile.safeParse({ ...saved, template: '' }).success).toBe(false)
    expect(designFile.safeParse({ ...saved, input: 'name_zh=巴图' }).success).toBe(false)
  })

  it('POST /v1/render takes one as its body: the same bytes and ETag as the GET of its input', async () => {
    const get = await app.request(`/v1/render/desk-card.svg?${new URLSearchParams(input)}`)
    const res = await post('/v1/render/desk-card.svg', saved)
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(await res.text()).toBe(await get.text())
    const check = await post('/v1/check/desk-card', saved)
    expect(check.status).toBe(200)
    expect(((await check.json()) as { template: string }).template).toBe('desk-card')
  })

  it('carries a brand (emblem, colours by role) for the studio; renders read the input alone', async () => {
    const emblem = `data:image/png;base64,${readFileSync(new URL('./fixtures/office/emblem.png', import.meta.url)).toString('base64')}`
    const branded: DesignFile = { ...saved, brand: { emblem, colors: { primary: '#7a1fa2', onPrimary: '#ffffff' } } }
    expect(designFile.parse(branded)).toEqual(branded)
    const [plain, withBrand] = await Promise.all([post('/v1/render/desk-card.svg', saved), post('/v1/render/desk-card.svg', branded)])
    expect(withBrand.status).toBe(200)
    expect(withBrand.headers.get('etag')).toBe(plain.headers.get('etag'))
    for (const [brand, path] of [
      [{ colors: { primary: 'purple' } }, 'brand.colors.primary'],
      [{ colors: { accent: '#7a1fa2' } }, 'brand.colors'],
      [{ emblem: 'https://example.org/logo.png' }, 'brand.emblem'],
      [{ font: 'x' }, 'brand'],
    ] as const) {
      const res = await post('/v1/render/desk-card.svg?lang=en', { ...saved, brand })
      expect(res.status, path).toBe(422)
      const body = (await res.json()) as { error: { code: string; details: { issues: { path: string[] }[] } } }
      expect(body.error.code).toBe('invalid_design')
      expect(body.error.details.issues[0]!.path.join('.'), path).toMatch(new RegExp(`^${path}`))
    }
  })

  it('a design for another template, or a broken one, is a 422 saying so', async () => {
    const other = await post('/v1/render/slogan-banner.svg', saved)
    expect(other.status).toBe(422)
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('design_template_mismatch')
    const broken = await post('/v1/render/desk-card.svg?lang=en', { ...saved, version: 9 })
    expect(broken.status).toBe(422)
    const body = (await broken.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('invalid_design')
    expect(body.error.message).toContain('version')
  })

  it('qoyar render --design renders it, to the bytes the API gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qoyar-design-'))
    const file = join(dir, 'baatar.json')
    writeFileSync(file, JSON.stringify(saved))
    const out = join(dir, 'baatar.svg')
    const run = spawnSync(process.execPath, [new URL('../bin/qoyar.js', import.meta.url).pathname, 'render', '--design', file, '-o', out], { encoding: 'utf8' })
    expect(run.stderr).toContain('wrote')
    expect(run.status).toBe(0)
    const api = await (await post('/v1/render/desk-card.svg', saved)).text()
    expect(readFileSync(out, 'utf8')).toBe(api)
    writeFileSync(file, JSON.stringify({ ...saved, format: 'something' }))
    const bad = spawnSync(process.execPath, [new URL('../bin/qoyar.js', import.meta.url).pathname, 'render', '--design', file, '-o', out], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('not a saved design')
  })
})
