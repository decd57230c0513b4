/**
 * An office's own data directory (test/fixtures/office): its reviewed slogan
 * renders with `mn=office-reviewed`, its rule pack judges, its brand sets
 * template defaults and places the emblem, /v1/slogans and /v1/rules say
 * where each entry comes from, and a bad file is refused naming file and
 * field. The same directory reaches `npm start -- --data`, `qoyar --data`
 * and batch worker threads.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { bundledData } from '../src/bundled.js'
import { readOfficeDir } from '../src/node/office-files.js'
import type { OfficeFiles } from '../src/office/files.js'
import { app as builtIn, env } from './helpers/env.js'
import { qoyar } from './helpers/cli.js'
import { errorOf, post, q } from './helpers/http.js'
import { startServer } from './helpers/server.js'
import { design } from './helpers/design.js'

const FIXTURE = new URL('./fixtures/office/', import.meta.url).pathname
const files = await readOfficeDir(FIXTURE)
const officeEnv = { ...env, ...bundledData(files), cache: undefined }
const office = createApp(officeEnv)
const MN = 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ'
const ZH = '蒙古语言文字'

/** The fixture with one file replaced (or removed, with undefined). */
const withFile = (path: string, text: string | undefined): OfficeFiles => {
  const copy = { ...files.files }
  if (text === undefined) delete copy[path]
  else copy[path] = text
  return { origin: 'edited', files: copy }
}
const edit = (path: string, change: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(files.files[path]!) as Record<string, unknown>
  change(json)
  return withFile(path, JSON.stringify(json))
}

describe('office slogans', () => {
  it("slogan=<key> renders the office's reviewed Mongolian, exactly as if typed in, and says so", async () => {
    const bySlogan = await office.request(`/v1/render/slogan-banner.svg?${q({ slogan: 'office.language' })}`)
    expect(bySlogan.status).toBe(200)
    expect(bySlogan.headers.get('x-qoyar-translation')).toBe('mn=office-reviewed; zh=office-reviewed')
    const typed = await office.request(`/v1/render/slogan-banner.svg?${q({ mn: MN, zh: ZH })}`)
    expect(await bySlogan.text()).toBe(await typed.text())
  })

  it('without the data directory the key is unknown', async () => {
    const res = await builtIn.request(`/v1/render/slogan-banner.svg?${q({ slogan: 'office.language' })}`)
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_slogan')
  })

  it('/v1/slogans says whose each text is, who reviewed it and when', async () => {
    const body = (await (await office.request('/v1/slogans')).json()) as { slogans: Record<string, unknown>[] }
    const own = body.slogans.find((s) => s.key === 'office.language')!
    expect(own).toMatchObject({
      texts: { zh: ZH, mn: MN },
      origin: { zh: 'office', mn: 'office' },
      reviewed: { zh: true, mn: true },
      reviewer: { mn: 'qoyar test suite (fixture, not a fluent reader)' },
      reviewedOn: { mn: '2026-12-02' },
    })
    const builtin = body.slogans.find((s) => s.key === 'unity.family')!
    expect(builtin.origin).toEqual({ zh: 'built-in', en: 'built-in' })
    expect(builtin.missing).toEqual(['mn'])
  })

  it('an office text not marked reviewed renders as unreviewed', async () => {
    const unreviewed = edit('locales/slogans.meta.json', (m) => {
      ;(m['office.language'] as { reviewed: Record<string, boolean> }).reviewed.mn = false
    })
    const app = createApp({ ...env, ...bundledData(unreviewed), cache: undefined })
    const res = await app.request(`/v1/render/slogan-banner.svg?${q({ slogan: 'office.language' })}`)
    expect(res.headers.get('x-qoyar-translation')).toBe('mn=unreviewed; zh=office-reviewed')
  })

  it('changes every ETag: a render depends on the office files', async () => {
    const path = `/v1/render/slogan-banner.svg?${q({ mn: MN, zh: ZH })}`
    const [a, b] = await Promise.all([builtIn.request(path), office.request(path)])
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'))
  })
})

describe('office rule packs', () => {
  it('/v1/rules lists the office pack with its file beside the built-in ones', async () => {
    const body = (await (await office.request('/v1/rules')).json()) as { packs: { id: string; origin: unknown }[] }
    expect(body.packs.map((p) => [p.id, p.origin])).toEqual([
      ['inner-mongolia', { from: 'built-in' }],
      ['yanbian', { from: 'built-in' }],
      ['xinjiang', { from: 'built-in' }],
      ['tibet', { from: 'built-in' }],
      ['test-office', { from: 'office', data: FIXTURE, file: 'packs/test-office.json' }],
    ])
  })

  it("judges a sign by the office's own rule (Mongolian ≥ 1.2 × Chinese)", async () => {
    const check = async (mnScale: string) => {
      const res = await office.request(`/v1/check/slogan-banner?${q({ slogan: 'office.language', region: 'test-office', mnScale })}`)
      const report = (await res.json()) as { region: string; rules: { id: string; pass: boolean }[] }
      expect(report.region).toBe('test-office')
      return report.rules.find((r) => r.id === 'office.mongolian-larger')!.pass
    }
    expect(await check('1')).toBe(false)
    expect(await check('1.3')).toBe(true)
  })

  it('a pack with the id of a built-in one replaces it', () => {
    const pack = JSON.parse(files.files['packs/test-office.json']!) as Record<string, unknown>
    const data = bundledData(withFile('packs/inner-mongolia.json', JSON.stringify({ ...pack, id: 'inner-mongolia' })))
    const im = data.rulePacks.filter((p) => p.id === 'inner-mongolia')
    expect(im).toHaveLength(1)
    expect(im[0]!.version).toBe('fixture-1')
  })
})

describe('office brand', () => {
  it("sets desk-card colours by default from the brand's named colours; a request's own value still wins", async () => {
    const fields = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠳᠠᠷᠤᠭ᠎ᠠ', title_zh: '主任' }
    const branded = await (await office.request(`/v1/render/desk-card.svg?${q(fields)}`)).text()
    const plain = await (await builtIn.request(`/v1/render/desk-card.svg?${q(fields)}`)).text()
    expect(branded).toContain('#b5121b')
    expect(branded).not.toContain('#c8102e')
    expect(plain).toContain('#c8102e')
    const own = await (await office.request(`/v1/render/desk-card.svg?${q({ ...fields, accent: '0b4ea2' })}`)).text()
    expect(own).toContain('#0b4ea2')
    expect(own).not.toContain('#b5121b')
  })

  it('places the emblem on the letterhead left of the authority, the mark still centred', async () => {
    const fields = { org_mn: MN, org_zh: '蒙古语言文字委员会', preset: 'a4-header' }
    const branded = await (await office.request(`/v1/render/letterhead.svg?${q(fields)}`)).text()
    const plain = await (await builtIn.request(`/v1/render/letterhead.svg?${q(fields)}`)).text()
    expect(plain).not.toMatch(/<image/)
    const images = [...branded.matchAll(/<image x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" href="data:image\/png;base64,/g)]
    expect(images).toHaveLength(1)
    const [x, y, w, h] = images[0]!.slice(1).map(Number) as [number, number, number, number]
    const markOf = (e: typeof env) => {
      const { d } = design('letterhead', fields, e)
      const blocks = d.blocks.filter((b) => b.role === 'authority')
      expect(blocks).toHaveLength(2)
      const ink = {
        x0: Math.min(...blocks.map((b) => b.extent.x0)),
        x1: Math.max(...blocks.map((b) => b.extent.x1)),
        y0: Math.min(...blocks.map((b) => b.extent.y0)),
        y1: Math.max(...blocks.map((b) => b.extent.y1)),
      }
      return { blocks, ink, area: d.areas[0]!.box }
    }
    const mark = markOf(officeEnv)
    // Inside the type area, wholly left of the authority's ink, centred on it vertically (1 px for rounding).
    expect(w).toBeGreaterThan(0)
    expect(x).toBeGreaterThanOrEqual(mark.area.x0 - 1)
    expect(x + w).toBeLessThan(mark.ink.x0)
    expect(Math.abs(y + h / 2 - (mark.ink.y0 + mark.ink.y1) / 2)).toBeLessThanOrEqual(1)
    // Each line of the mark stays on the type area's centre, where it is without an emblem.
    const centre = (mark.area.x0 + mark.area.x1) / 2
    const without = markOf(env)
    for (const [i, b] of mark.blocks.entries()) {
      expect(Math.abs((b.extent.x0 + b.extent.x1) / 2 - centre), `${b.lang} centred`).toBeLessThanOrEqual(1)
      const alone = without.blocks[i]!
      expect(
        Math.abs((b.extent.x0 + b.extent.x1) / 2 - (alone.extent.x0 + alone.extent.x1) / 2),
        `${b.lang} where it is without the emblem`,
      ).toBeLessThanOrEqual(1)
    }
  })

  it('refuses an emblem that is not a PNG or JPEG data: URI, naming the field', async () => {
    const res = await post('/v1/render/letterhead.svg', { org_mn: MN, org_zh: '蒙古语言文字委员会', emblem: 'https://example.com/logo.png' })
    expect(res.status).toBe(422)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_fields')
    expect(error.details!.issues![0]!.path).toBe('emblem')
  })

  it('shows the brand in the templates’ JSON Schema defaults', async () => {
    const body = (await (await office.request('/v1/templates')).json()) as {
      templates: { id: string; fields: { properties: Record<string, { default?: unknown }> } }[]
    }
    const card = body.templates.find((t) => t.id === 'desk-card')!
    expect(card.fields.properties.accent!.default).toBe('#b5121b')
    expect(card.fields.properties.color!.default).toBe('#202020')
  })
})

describe('a bad data directory is refused, naming the file and the field', () => {
  const refusal = (f: OfficeFiles) => {
    try {
      bundledData(f)
    } catch (e) {
      return (e as Error).message
    }
    return 'accepted'
  }

  it('a rule pack that breaks the pack schema', () => {
    const bad = edit('packs/test-office.json', (p) => {
      ;(p.rules as { check: { type: string } }[])[1]!.check.type = 'bigger'
    })
    expect(refusal(bad)).toMatch(/^office data: packs\/test-office\.json → rules\.1\.check\.type: /)
  })

  it('a reviewed text without reviewer or date', () => {
    const bad = edit('locales/slogans.meta.json', (m) => {
      delete (m['office.language'] as { reviewer: Record<string, string> }).reviewer.mn
    })
    expect(refusal(bad)).toBe('office data: locales/slogans.meta.json → office.language.reviewer.mn: required: the mn text is marked reviewed')
  })

  it('a text with no source', () => {
    const bad = withFile('locales/mn/slogans.json', JSON.stringify({ office: { language: MN, other: MN } }))
    expect(refusal(bad)).toMatch(/^office data: locales\/slogans\.meta\.json → office\.other\.source\.mn: required/)
  })

  it('a Mongolian text with no Chinese key', () => {
    const bad = withFile('locales/zh/slogans.json', undefined)
    expect(refusal(bad)).toBe('office data: locales/mn/slogans.json → office.language: no Chinese text for this key (add it to locales/zh/slogans.json)')
  })

  it('a brand colour a template field refuses, and a field the template lacks', () => {
    expect(refusal(edit('brand.json', (b) => ((b.colors as Record<string, string>).red = 'crimson')))).toMatch(
      /^office data: brand\.json → templates\.desk-card\.accent: expected a CSS hex colour/,
    )
    expect(refusal(edit('brand.json', (b) => ((b.templates as Record<string, unknown>).letterhead = { colour: '#000000' })))).toBe(
      'office data: brand.json → templates.letterhead.colour: letterhead has no field "colour"',
    )
  })

  it('a file that is not JSON', () => {
    expect(refusal(withFile('brand.json', '{ nope'))).toMatch(/^office data: brand\.json: not JSON/)
  })
})

describe('the Node entries take --data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qoyar-office-'))

  it('qoyar batch --data: worker threads render the office slogan', () => {
    const csv = join(dir, 'rows.csv')
    writeFileSync(csv, 'slogan\noffice.language\noffice.language\n')
    const report = join(dir, 'report.json')
    const run = qoyar([
      'batch',
      'slogan-banner',
      csv,
      '-o',
      join(dir, 'out.zip'),
      '--format',
      'svg',
      '--threads',
      '1',
      '--report',
      report,
      '--quiet',
      '--data',
      FIXTURE,
    ])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const rows = (JSON.parse(readFileSync(report, 'utf8')) as { results: { status: string }[] }).results
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok'])
    // Without --data the same rows fail: the slogan is the office's.
    expect(qoyar(['batch', 'slogan-banner', csv, '-o', join(dir, 'out2.zip'), '--format', 'svg', '--threads', '1', '--quiet']).status).toBe(1)
  })

  it('qoyar --data with a bad directory exits 2 naming the file', () => {
    const bad = join(dir, 'bad')
    cpSync(FIXTURE, bad, { recursive: true })
    writeFileSync(join(bad, 'brand.json'), '{"colour": "#000000"}')
    const run = qoyar(['render', 'slogan-banner', '-f', 'slogan=office.language', '-o', join(dir, 'x.svg'), '--data', bad])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('office data: brand.json')
  })

  it('npm start -- --data serves the office catalogue', async () => {
    const server = await startServer({ QOYAR_DATA: '' }, ['--data', FIXTURE])
    try {
      const body = (await (await fetch(`${server.base}/v1/slogans`)).json()) as { slogans: { key: string; origin: Record<string, string> }[] }
      expect(body.slogans.find((s) => s.key === 'office.language')?.origin).toEqual({ zh: 'office', mn: 'office' })
    } finally {
      await server.stop()
    }
  })
})
