/**
 * Regional rules: every rule passes on one design and fails on another, the
 * examples pass their default pack, and the API reports and enforces.
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '../src/rules/evaluate.js'
import { RULE_PACKS } from '../src/rules/packs.js'
import type { RulePack } from '../src/rules/types.js'
import type { Design, PlacedBlock } from '../src/templates/types.js'
import { layoutText } from '../src/text/layout.js'
import { app, env } from './helpers/env.js'
import { post, q } from './helpers/http.js'
import { design as build } from './helpers/design.js'

const BANNER = { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '蒙古语言文字', preset: 'screen-1920x480' }
const STANDING = { ...BANNER, preset: 'standing-800x2000' }

function report(pack: RulePack, template: string, input: Record<string, unknown>, edit: (d: Design) => Design = (d) => d) {
  const { p, d } = build(template, input)
  return evaluate(pack, p.template, edit(d), p.canvas, env.fonts)
}
const ruleOf = (r: ReturnType<typeof report>, id: string) => {
  const found = r.rules.find((x) => x.id === id)
  expect(found, id).toBeDefined()
  return found!
}
/** The same design with some blocks changed: checks read designs, so a broken design is built by editing one. */
const editBlocks =
  (f: (b: PlacedBlock) => PlacedBlock | null) =>
  (d: Design): Design => ({ ...d, blocks: d.blocks.map(f).filter((b): b is PlacedBlock => b !== null) })
const relabel = (lang: string) => editBlocks((b) => (b.lang === 'mn' ? { ...b, lang: lang as never } : b))

const IM = RULE_PACKS.find((p) => p.id === 'inner-mongolia')!

describe('inner-mongolia: each rule passes on a right design and fails on a wrong one', () => {
  const cases: Record<string, { pass: () => ReturnType<typeof report>; fail: () => ReturnType<typeof report> }> = {
    'im.both-scripts': {
      pass: () => report(IM, 'slogan-banner', BANNER),
      fail: () =>
        report(
          IM,
          'slogan-banner',
          BANNER,
          editBlocks((b) => (b.lang === 'mn' ? null : b)),
        ),
    },
    'im.order.horizontal': {
      pass: () => report(IM, 'slogan-banner', BANNER),
      fail: () => report(IM, 'slogan-banner', { ...BANNER, order: 'zh-first' }),
    },
    'im.order.vertical': {
      pass: () => report(IM, 'slogan-banner', STANDING),
      fail: () => report(IM, 'slogan-banner', { ...STANDING, order: 'zh-first' }),
    },
    'im.size.equal': {
      pass: () => report(IM, 'desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' }),
      fail: () => report(IM, 'desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', mnScale: 0.7 }),
    },
    'im.mongolian-direction': {
      pass: () => report(IM, 'slogan-banner', STANDING),
      // Columns right to left, as vertical Chinese runs: the classic mistake.
      fail: () =>
        report(
          IM,
          'slogan-banner',
          { ...STANDING, mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ' },
          editBlocks((b) =>
            b.lang === 'mn'
              ? {
                  ...b,
                  layout: layoutText(env.fonts, {
                    text: b.layout.text,
                    orientation: 'vertical',
                    fontSize: b.layout.fontSize,
                    maxLength: 300,
                    columnProgression: 'rtl',
                  }),
                }
              : b,
          ),
        ),
    },
    'im.complete': {
      pass: () => report(IM, 'desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' }),
      fail: () =>
        report(
          IM,
          'desk-card',
          { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' },
          editBlocks((b) => (b.lang === 'zh' ? { ...b, extent: { ...b.extent, x1: b.extent.x1 + 5000 } } : b)),
        ),
    },
    'im.no-missing-glyphs': {
      pass: () => report(IM, 'slogan-banner', BANNER),
      fail: () =>
        report(
          IM,
          'slogan-banner',
          BANNER,
          editBlocks((b) =>
            b.lang === 'mn'
              ? {
                  ...b,
                  layout: { ...b.layout, lines: b.layout.lines.map((l) => ({ ...l, pieces: l.pieces.map((p) => ({ ...p, fontId: 'noto-sans-regular' })) })) },
                }
              : b,
          ),
        ),
    },
  }

  it('covers every rule of the pack', () => {
    expect(Object.keys(cases).sort()).toEqual(IM.rules.map((r) => r.id).sort())
  })

  for (const [id, c] of Object.entries(cases)) {
    it(id, () => {
      const ok = ruleOf(c.pass(), id)
      expect(ok.pass, JSON.stringify(ok.measured)).toBe(true)
      const bad = c.fail()
      const failed = ruleOf(bad, id)
      expect(failed.pass, JSON.stringify(failed.measured)).toBe(false)
      expect(bad.pass).toBe(false)
      // The finding quotes the pack's own words and source, so an office can show an inspector why.
      const rule = IM.rules.find((r) => r.id === id)!
      expect(failed.text).toBe(rule.text)
      expect(failed.source).toEqual(rule.source)
      expect(ok.text).toBe(rule.text)
    })
  }
})

/** A side-by-side pair: the relabelled block moved to the other side of the Chinese one (templates stack horizontal pairs). */
const sideBySide =
  (lang: string, minorityRight: boolean) =>
  (d: Design): Design => {
    const zh = d.blocks.find((b) => b.lang === 'zh')!
    return editBlocks((b) => {
      if (b.lang !== lang) return b
      const w = b.extent.x1 - b.extent.x0
      const x0 = minorityRight ? zh.extent.x1 + 10 : zh.extent.x0 - 10 - w
      return { ...b, extent: { x0, x1: x0 + w, y0: zh.extent.y0, y1: zh.extent.y1 } }
    })(d)
  }

describe('yanbian, xinjiang, tibet: each rule passes on a right design and fails on a wrong one', () => {
  const pack = (id: string) => RULE_PACKS.find((p) => p.id === id)!
  const YB = pack('yanbian')
  const XJ = pack('xinjiang')
  const BO = pack('tibet')
  type R = ReturnType<typeof report>
  const cases: Record<string, { pack: RulePack; pass: () => R; fail: () => R }> = {
    'yb.both-scripts': { pack: YB, pass: () => report(YB, 'slogan-banner', BANNER, relabel('ko')), fail: () => report(YB, 'slogan-banner', BANNER) },
    // 2022 rules: Chinese above Korean.
    'yb.order.horizontal': {
      pack: YB,
      pass: () => report(YB, 'slogan-banner', { ...BANNER, order: 'zh-first' }, relabel('ko')),
      fail: () => report(YB, 'slogan-banner', BANNER, relabel('ko')),
    },
    // Vertical: Chinese right, Korean left.
    'yb.order.vertical': {
      pack: YB,
      pass: () => report(YB, 'slogan-banner', STANDING, relabel('ko')),
      fail: () => report(YB, 'slogan-banner', { ...STANDING, order: 'zh-first' }, relabel('ko')),
    },
    'yb.complete': {
      pack: YB,
      pass: () => report(YB, 'slogan-banner', BANNER, relabel('ko')),
      fail: () => report(YB, 'slogan-banner', BANNER, (d) => relabel('ko')(editBlocks((b) => ({ ...b, extent: { ...b.extent, y1: b.extent.y1 + 9999 } }))(d))),
    },
    'xj.both-scripts': { pack: XJ, pass: () => report(XJ, 'slogan-banner', BANNER, relabel('ug')), fail: () => report(XJ, 'slogan-banner', BANNER) },
    'xj.size.proportionate': {
      pack: XJ,
      pass: () => report(XJ, 'desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' }, relabel('ug')),
      fail: () => report(XJ, 'desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', mnScale: 0.6 }, relabel('ug')),
    },
    'xj.barkol.order.stacked': {
      pack: XJ,
      pass: () => report(XJ, 'slogan-banner', BANNER, relabel('kk')),
      fail: () => report(XJ, 'slogan-banner', { ...BANNER, order: 'zh-first' }, relabel('kk')),
    },
    'xj.barkol.order.side-by-side': {
      pack: XJ,
      pass: () => report(XJ, 'slogan-banner', BANNER, (d) => sideBySide('kk', true)(relabel('kk')(d))),
      fail: () => report(XJ, 'slogan-banner', BANNER, (d) => sideBySide('kk', false)(relabel('kk')(d))),
    },
    'xj.complete': {
      pack: XJ,
      pass: () => report(XJ, 'slogan-banner', BANNER, relabel('ug')),
      fail: () => report(XJ, 'slogan-banner', BANNER, (d) => relabel('ug')(editBlocks((b) => ({ ...b, extent: { ...b.extent, x1: b.extent.x1 + 9999 } }))(d))),
    },
    'bo.both-scripts': { pack: BO, pass: () => report(BO, 'slogan-banner', BANNER, relabel('bo')), fail: () => report(BO, 'slogan-banner', BANNER) },
    'bo.complete': {
      pack: BO,
      pass: () => report(BO, 'slogan-banner', BANNER, relabel('bo')),
      fail: () => report(BO, 'slogan-banner', BANNER, (d) => relabel('bo')(editBlocks((b) => ({ ...b, extent: { ...b.extent, y1: b.extent.y1 + 9999 } }))(d))),
    },
  }

  it('covers every rule of the three packs', () => {
    expect(Object.keys(cases).sort()).toEqual([YB, XJ, BO].flatMap((p) => p.rules.map((r) => r.id)).sort())
  })

  for (const [id, c] of Object.entries(cases)) {
    it(id, () => {
      const ok = ruleOf(c.pass(), id)
      expect(ok.pass, JSON.stringify(ok.measured)).toBe(true)
      const failed = ruleOf(c.fail(), id)
      expect(failed.pass, JSON.stringify(failed.measured)).toBe(false)
    })
  }

  it('the Korean-first design of the old yanbian pack now fails: Chinese comes first', () => {
    const r = report(YB, 'slogan-banner', BANNER, relabel('ko'))
    expect(JSON.stringify(ruleOf(r, 'yb.order.horizontal').measured)).toContain('zh below ko')
  })

  it('packs say where their status comes from: yanbian names its secondary source, tibet what it does not regulate', () => {
    expect(YB.status).toBe('secondary')
    expect(YB.statusNote).toContain('延州政办发〔2022〕16号')
    expect(YB.placement).toMatchObject({ minority: 'ko', horizontalFirst: 'zh', verticalSides: { left: 'ko', right: 'zh' } })
    expect(XJ.placement).toMatchObject({ minority: 'ug', horizontalFirst: null, size: 'proportionate' })
    expect(BO.placement).toMatchObject({ minority: 'bo', horizontalFirst: null, verticalSides: null, size: null })
    expect(BO.statusNote).toMatch(/not regulated in the sources found/)
    expect(IM.placement).toMatchObject({ minority: 'mn', horizontalFirst: 'mn', verticalSides: { left: 'mn', right: 'zh' }, size: 'equal' })
  })

  for (const p of [YB, XJ, BO])
    it(`${p.id}: a Mongolian request is refused, naming the region's own field (${p.languages[0]!.lang})`, async () => {
      const res = await app.request(`/v1/render/slogan-banner.png?${q({ ...BANNER, region: p.id })}`)
      expect(res.status).toBe(422)
      const body = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } }
      expect(body.error.code).toBe('invalid_fields')
      expect(body.error.details.issues.map((i) => i.path)).toEqual([p.languages[0]!.lang])
    })
})

describe('every template example passes its default pack', () => {
  for (const t of env.templates)
    it(t.id, async () => {
      // POST: some examples carry pictures, which only travel in a JSON body.
      const res = await post(`/v1/check/${t.id}`, env.examples[t.id])
      const body = (await res.json()) as { pass: boolean; region: string; rules: { id: string; pass: boolean }[] }
      expect(body.region).toBe('inner-mongolia')
      expect(body.rules.filter((r) => !r.pass)).toEqual([])
      expect(body.pass).toBe(true)
    })
})

describe('compliance over HTTP', () => {
  it('GET /v1/check reports the order rule failing with its text and source', async () => {
    const res = await app.request(`/v1/check/slogan-banner?${q({ ...BANNER, order: 'zh-first' })}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      region: string
      pass: boolean
      rules: { id: string; pass: boolean; text: string; source: { article?: string }; measured: unknown; expected: unknown }[]
    }
    expect(body.pass).toBe(false)
    const order = body.rules.find((r) => r.id === 'im.order.horizontal')!
    expect(order.pass).toBe(false)
    expect(order.text).toContain('蒙文在上')
    expect(order.source.article).toBe('第三条（一）')
    expect(JSON.stringify(order.measured)).toContain('mn below zh')
  })

  it('POST /v1/check takes the same input as JSON', async () => {
    const res = await post('/v1/check/desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', mnScale: 0.6 })
    const body = (await res.json()) as { pass: boolean; rules: { id: string; pass: boolean }[] }
    expect(body.rules.find((r) => r.id === 'im.size.equal')!.pass).toBe(false)
    // The header a render sends, with the failing rules named.
    expect(res.headers.get('x-qoyar-compliance')).toBe('fail; rules=im.size.equal')
  })

  it('every render says pass or fail in X-Qoyar-Compliance; strict=true refuses a failing sign', async () => {
    const good = await app.request(`/v1/render/slogan-banner.svg?${q(BANNER)}`)
    expect(good.headers.get('x-qoyar-compliance')).toBe('pass')
    expect(good.headers.get('x-qoyar-region')).toBe('inner-mongolia')
    const bad = await app.request(`/v1/render/slogan-banner.svg?${q({ ...BANNER, order: 'zh-first' })}`)
    expect(bad.status).toBe(200)
    expect(bad.headers.get('x-qoyar-compliance')).toBe('fail; rules=im.order.horizontal')
    const strict = await app.request(`/v1/render/slogan-banner.png?${q({ ...BANNER, order: 'zh-first', strict: 'true' })}`)
    expect(strict.status).toBe(422)
    const body = (await strict.json()) as { error: { code: string; details: { report: { pass: boolean; rules: { id: string; pass: boolean }[] } } } }
    expect(body.error.code).toBe('compliance_failed')
    expect(body.error.details.report.rules.find((r) => r.id === 'im.order.horizontal')!.pass).toBe(false)
    expect((await app.request(`/v1/render/slogan-banner.png?${q({ ...BANNER, strict: 'true' })}`)).status).toBe(200)
  })

  it('GET /v1/rules lists the packs; an unknown region is a 422', async () => {
    const body = (await (await app.request('/v1/rules')).json()) as { default: string; packs: { id: string; rules: unknown[] }[] }
    expect(body.default).toBe('inner-mongolia')
    expect(body.packs.map((p) => p.id)).toEqual(['inner-mongolia', 'yanbian', 'xinjiang', 'tibet'])
    const all = (await (await app.request('/v1/rules')).json()) as { packs: { id: string; status: string; sources: { title: string }[] }[] }
    for (const p of all.packs) {
      expect(['verified', 'secondary', 'unverified']).toContain(p.status)
      expect(p.sources.length).toBeGreaterThan(0)
    }
    const res = await app.request(`/v1/check/slogan-banner?${q({ ...BANNER, region: 'atlantis' })}`)
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_region')
  })
})
