/**
 * Every template for every pack (#17): the pack names the fields and places
 * the two scripts; the laid-out sign is judged by the pack's rules. Each
 * "done when" of the issue is a test here, read off the layout (block
 * positions, line breaks, directions), not off the request.
 */
import { describe, expect, it } from 'vitest'
import { complianceOf, designOf, prepare } from '../src/render/template-render.js'
import type { Design, PlacedBlock } from '../src/templates/types.js'
import { app, env } from './helpers/env.js'

const REGIONS = ['yanbian', 'xinjiang', 'tibet'] as const
const MINORITY: Record<(typeof REGIONS)[number], string> = { yanbian: 'ko', xinjiang: 'ug', tibet: 'bo' }

const example = (region: string, id: string) => env.packExamples[region]![id]!
const laidOut = (id: string, input: Record<string, unknown>) => {
  const p = prepare(env, id, input)
  const d = designOf(env, p)
  return { p, d, report: complianceOf(env, p, d) }
}
const blocksOf = (d: Design, role: string, lang: string, face?: string) =>
  d.blocks.filter((b) => b.role === role && b.lang === lang && (face === undefined || b.face === face))
const one = (d: Design, role: string, lang: string, face?: string): PlacedBlock => {
  const found = blocksOf(d, role, lang, face)
  expect(found, `${role} ${lang} ${face ?? ''}`).toHaveLength(1)
  return found[0]!
}
const failed = (report: { rules: { id: string; pass: boolean }[] }) => report.rules.filter((r) => !r.pass).map((r) => r.id)

describe('every template renders for every pack, and its example passes the pack', () => {
  for (const region of REGIONS)
    for (const t of env.templates)
      it(`${region} ${t.id}: the example lays out in ${MINORITY[region]} + zh and passes`, () => {
        const { d, report } = laidOut(t.id, { ...example(region, t.id), region })
        expect(new Set(d.blocks.map((b) => b.lang))).toEqual(new Set([MINORITY[region], 'zh']))
        expect(failed(report)).toEqual([])
        expect(report.region).toBe(region)
      })
})

describe('Yanbian (延州政办发〔2022〕16号): Chinese first or above; vertical, Chinese right', () => {
  it('a red header keeps one line per script: the Korean condensed (장평) like the Chinese (长字), not wrapped', () => {
    const { p, d, report } = laidOut('letterhead', { ...example('yanbian', 'letterhead'), region: 'yanbian' })
    const zh = one(d, 'authority', 'zh')
    const ko = one(d, 'authority', 'ko')
    expect(zh.layout.lines).toHaveLength(1)
    expect(ko.layout.lines).toHaveLength(1)
    const condenseOf = (b: PlacedBlock) => b.layout.lines[0]!.pieces.find((x) => x.condense !== undefined)?.condense
    expect(condenseOf(ko)).toBeGreaterThanOrEqual(0.4)
    expect(condenseOf(ko)).toBeLessThan(1)
    // The mark's letters at 15 mm or more, as offices keep it (GB/T 9704 leaves the size to them).
    expect(ko.layout.visualSize / p.canvas.mm(1)).toBeGreaterThanOrEqual(15)
    expect(report.pass).toBe(true)
  })

  it('a desk card puts the Chinese name above the Korean on both faces, as its reader sees them', () => {
    const { d, report } = laidOut('desk-card', { ...example('yanbian', 'desk-card'), region: 'yanbian' })
    const zh = one(d, 'name', 'zh', 'front')
    const ko = one(d, 'name', 'ko', 'front')
    expect(zh.extent.y1).toBeLessThanOrEqual(ko.extent.y0)
    // The back face is turned 180°: drawn upside down, the Chinese is below the Korean on the sheet.
    expect(one(d, 'name', 'zh', 'back').extent.y0).toBeGreaterThanOrEqual(one(d, 'name', 'ko', 'back').extent.y1)
    expect(report.rules.find((r) => r.id === 'yb.order.horizontal')?.pass).toBe(true)
    // Korean is set in rows at the Chinese's size, words kept whole.
    expect(ko.layout.orientation).toBe('horizontal')
    expect(ko.layout.visualSize / zh.layout.visualSize).toBeCloseTo(1, 1)
  })

  it('order=ko-first puts the Korean above and fails yb.order.horizontal', () => {
    const { d, report } = laidOut('desk-card', { ...example('yanbian', 'desk-card'), region: 'yanbian', order: 'ko-first' })
    expect(one(d, 'name', 'ko', 'front').extent.y1).toBeLessThanOrEqual(one(d, 'name', 'zh', 'front').extent.y0)
    expect(failed(report)).toContain('yb.order.horizontal')
  })

  it('a standing plaque sets both in upright columns, the Chinese on the right', () => {
    const { d, report } = laidOut('door-plaque', { ...example('yanbian', 'door-plaque'), region: 'yanbian' })
    const zh = one(d, 'name', 'zh')
    const ko = one(d, 'name', 'ko')
    expect(ko.layout.orientation).toBe('vertical')
    expect(ko.layout.lines[0]!.pieces.every((p) => p.mode === 'upright' || p.text.trim() === '')).toBe(true)
    expect(ko.extent.x1).toBeLessThanOrEqual(zh.extent.x0)
    expect(report.rules.find((r) => r.id === 'yb.order.vertical')?.pass).toBe(true)
  })
})

describe('Xinjiang: Uyghur right to left, at a size proportionate to the Chinese', () => {
  it('a window sign sets the service name right to left with Uyghur forms, above the Chinese, each line centred', () => {
    const text = 'شىنجاڭ ئۇيغۇر ئاپتونوم رايونى'
    const { d, report } = laidOut('window-sign', { ...example('xinjiang', 'window-sign'), service_ug: text, region: 'xinjiang' })
    const ug = one(d, 'service', 'ug')
    const zh = one(d, 'service', 'zh')
    expect(ug.layout.direction).toBe('rtl')
    expect(ug.layout.lang).toBe('ug')
    expect(ug.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
    // Visual order: in every line, each word is drawn left of the one before it in the text.
    const logical = text.split(' ')
    expect(ug.layout.lines.flatMap((l) => l.pieces.filter((p) => p.text.trim()).map((p) => p.text)).sort()).toEqual([...logical].sort())
    for (const line of ug.layout.lines) {
      const words = line.pieces.filter((p) => p.text.trim()).sort((a, b) => logical.indexOf(a.text) - logical.indexOf(b.text))
      for (let i = 1; i < words.length; i++) expect(words[i]!.origin.x).toBeLessThan(words[i - 1]!.origin.x)
      // Centred, as the sign centres its Chinese: the same room left and right of every line.
      const left = Math.min(...line.pieces.map((p) => p.origin.x))
      const right = ug.layout.width - Math.max(...line.pieces.map((p) => p.origin.x + p.advance))
      expect(left).toBeCloseTo(right, 0)
    }
    expect(report.rules.find((r) => r.id === 'xj.size.proportionate')?.pass).toBe(true)
  })

  it('columns are refused with a 422 naming the script, never guessed', async () => {
    const res = await app.request(
      `/v1/render/door-plaque.png?${new URLSearchParams({ ...example('xinjiang', 'door-plaque'), preset: 'vertical-400x2000', region: 'xinjiang' } as Record<string, string>)}`,
    )
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string; details: { scripts: string[] } } }
    expect(body.error.code).toBe('vertical_not_supported')
    expect(body.error.details.scripts).toEqual(['Arab'])
    expect(body.error.message).toContain('暂不支持竖排的阿拉伯字母')
  })

  it('a display board puts the Uyghur paragraph right of the Chinese (巴里坤: 哈萨克文字居右，汉文居左)', () => {
    const { d, report } = laidOut('display-board', { ...example('xinjiang', 'display-board'), region: 'xinjiang' })
    expect(one(d, 'body', 'zh').extent.x1).toBeLessThanOrEqual(one(d, 'body', 'ug').extent.x0)
    expect(report.rules.find((r) => r.id === 'xj.barkol.order.side-by-side')?.pass).toBe(true)
  })
})

describe('Tibet: order and size not regulated in the sources found', () => {
  it('a door plaque breaks its Tibetan name after a tsheg, never inside a syllable', () => {
    // A plaque 1000×800 mm: the long name takes two lines.
    const { d } = laidOut('door-plaque', { ...example('tibet', 'door-plaque'), width: 1000, height: 800, region: 'tibet' })
    const bo = one(d, 'name', 'bo')
    expect(bo.layout.lines.length).toBe(2)
    const first = bo.layout.lines[0]!.text.trimEnd()
    expect(first.endsWith('\u0f0b') || first.endsWith('\u0f0d'), `first line "${first}" ends at a tsheg or shad`).toBe(true)
    // Both lines together are the whole name: nothing dropped at the break.
    expect(bo.layout.lines.map((l) => l.text.trim()).join('')).toBe(String(example('tibet', 'door-plaque').name_bo))
  })

  it('puts the Tibetan above the Chinese by default, and says the pack regulates no order', () => {
    const { d, report } = laidOut('slogan-banner', { ...example('tibet', 'slogan-banner'), region: 'tibet' })
    expect(one(d, 'slogan', 'bo').extent.y1).toBeLessThanOrEqual(one(d, 'slogan', 'zh').extent.y0)
    expect(report.rules.map((r) => r.id)).not.toContain('bo.order.horizontal')
  })
})

describe('the API keeps one field per language, named by the pack', () => {
  it('GET /v1/templates?region=yanbian lists name_ko and name_zh, each with its language', async () => {
    const body = (await (await app.request('/v1/templates?region=yanbian')).json()) as {
      region: string
      templates: {
        id: string
        fields: { properties: Record<string, { 'x-lang'?: string; enum?: string[] }>; required: string[] }
        example: Record<string, unknown>
      }[]
    }
    expect(body.region).toBe('yanbian')
    const card = body.templates.find((t) => t.id === 'desk-card')!
    expect(card.fields.required).toEqual(expect.arrayContaining(['name_ko', 'name_zh']))
    expect(card.fields.properties.name_ko?.['x-lang']).toBe('ko')
    expect(card.fields.properties.name_zh?.['x-lang']).toBe('zh')
    expect(card.fields.properties.order?.enum).toEqual(['ko-first', 'zh-first'])
    expect(Object.keys(card.fields.properties).some((k) => k.includes('minority') || k.endsWith('_mn'))).toBe(false)
    expect(card.example).toEqual(example('yanbian', 'desk-card'))
  })

  it("a template's description states the region's own order and language", async () => {
    const descriptions = async (region: string) => {
      const body = (await (await app.request(`/v1/templates?region=${region}`)).json()) as {
        templates: { id: string; description: { zh: string; en: string } }[]
      }
      return Object.fromEntries(body.templates.map((t) => [t.id, t.description]))
    }
    const [im, yb, xj, bo] = await Promise.all(['inner-mongolia', 'yanbian', 'xinjiang', 'tibet'].map(descriptions))
    expect(im!['door-plaque']!.zh).toContain('竖匾蒙文在左、汉文在右，横匾蒙文在上、汉文在下，字号相等')
    expect(yb!['door-plaque']!.zh).toContain('竖匾朝文在左、汉文在右，横匾汉文在上、朝文在下')
    // Bodies side by side in their own directions: Korean lines follow the Chinese, as stacked lines do.
    expect(yb!['display-board']!.zh).toContain('朝汉正文（汉文在左、朝文在右，字号相等）')
    expect(yb!['slogan-banner']!.en).toContain('Chinese above Korean')
    expect(yb!['window-sign']!.zh).toContain('“朝汉双语服务窗口”')
    expect(xj!['window-sign']!.zh).toContain('维文在上、汉文在下，字号相称')
    expect(xj!['door-plaque']!.zh).toContain('维文暂只横排，不出竖匾')
    expect(xj!['door-plaque']!.en).toContain('no standing plaques (Uyghur is set in lines only, for now)')
    expect(bo!['letterhead']!.zh).toContain('发文机关标志藏汉并写')
    for (const region of [yb, xj, bo])
      for (const d of Object.values(region!)) {
        expect(d.zh).not.toMatch(/蒙|\{/)
        expect(d.en).not.toMatch(/Mongolian|\{/)
      }
  })

  it('the default region keeps the Mongolian names: name_mn, mnScale, mnLayout, order=mn-first', async () => {
    const body = (await (await app.request('/v1/templates')).json()) as {
      templates: { id: string; fields: { properties: Record<string, { enum?: string[] }> } }[]
    }
    const props = body.templates.find((t) => t.id === 'desk-card')!.fields.properties
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['name_mn', 'name_zh', 'title_mn', 'mnScale', 'mnLayout']))
    expect(props.order?.enum).toEqual(['mn-first', 'zh-first'])
  })

  it('errors name the field as the request did', async () => {
    const res = await app.request('/v1/render/desk-card.svg?region=yanbian&name_zh=金哲洙')
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } }
    expect(body.error.code).toBe('invalid_fields')
    expect(body.error.details.issues.map((i) => i.path)).toContain('name_ko')
  })

  it('a Mongolian field name means nothing to another region', async () => {
    const res = await app.request(`/v1/render/desk-card.svg?${new URLSearchParams({ region: 'yanbian', name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' })}`)
    expect(res.status).toBe(422)
  })

  it('a catalogue slogan without a reviewed Korean text asks for the ko field', async () => {
    const res = await app.request('/v1/render/slogan-banner.svg?region=yanbian&slogan=unity.family')
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { field: string; language: string } } }
    expect(body.error.code).toBe('translation_missing')
    expect(body.error.details).toMatchObject({ field: 'ko', language: 'ko' })
  })

  it('the window band is “朝汉双语服务窗口” in Yanbian', () => {
    const { d } = laidOut('window-sign', { ...example('yanbian', 'window-sign'), badge_ko: '조선어 한어 이중언어 봉사 창구', region: 'yanbian' })
    expect(one(d, 'badge', 'zh').layout.text).toBe('朝汉双语服务窗口')
  })
})

describe('batches for another region', () => {
  it('reads the region’s columns, and a Chinese name under name_ko is a bad row naming the field', async () => {
    const csv = 'name_ko,name_zh\n김철수,金哲洙\n金哲洙,김철수\n'
    const res = await app.request('/v1/batch/desk-card.pdf?region=yanbian', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: csv,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { rendered: number; failed: number; results: { row: number; error?: { field?: string; message: string } }[] }
    expect([body.rendered, body.failed]).toEqual([1, 1])
    const bad = body.results.find((r) => r.error)!
    expect([bad.row, bad.error!.field]).toEqual([3, 'name_ko'])
    expect(bad.error!.message).toContain('Korean')
  })

  it('a Mongolian header for a Yanbian batch names the columns it needs', async () => {
    const res = await app.request('/v1/batch/desk-card.pdf?region=yanbian', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n',
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { missing: string[] } } }
    expect(body.error.code).toBe('unknown_columns')
    expect(body.error.details.missing).toEqual(['name_ko'])
  })
})
