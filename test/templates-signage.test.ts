/**
 * The signage set of issue 6: meeting-banner (会标), window-sign (双语服务窗口)
 * and door-plaque (机构牌匾), asserted on what the layout placed: order of the
 * scripts, equal visual size, faces, areas, preset sizes; and the window
 * sign's refusal to draw a badge without the user's Mongolian.
 */
import { describe, expect, it } from 'vitest'
import { prepare } from '../src/render/template-render.js'
import { LIMITS } from '../src/render/limits.js'
import type { Design, PlacedBlock } from '../src/templates/types.js'
import { inkExtentOf } from '../src/text/fit.js'
import { layoutText } from '../src/text/layout.js'
import { crossInk } from '../src/text/measure.js'
import type { Box } from '../src/text/types.js'
import { app, env } from './helpers/env.js'
import { NNBSP } from '../src/text/mongolian/controls.js'
import { EMNELGE } from './helpers/mongolian.js'
import { q } from './helpers/http.js'
import { design } from './helpers/design.js'

const SLOGAN_ZH = '汉族离不开少数民族，少数民族离不开汉族。' // 20 characters
const SLOGAN_MN = `ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ${NNBSP}ᠦᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ` // test text of slogan length (genitive suffix on U+202F)

const block = (d: Design, role: string, lang: 'mn' | 'zh') => {
  const b = d.blocks.find((x) => x.role === role && x.lang === lang)
  expect(b, `${role} (${lang})`).toBeDefined()
  return b!
}
const area = (d: Design, id: string) => {
  const a = d.areas.find((x) => x.id === id)
  expect(a, id).toBeDefined()
  return a!.box
}
const inside = (b: PlacedBlock, box: Box) =>
  b.extent.x0 >= box.x0 - 0.5 && b.extent.y0 >= box.y0 - 0.5 && b.extent.x1 <= box.x1 + 0.5 && b.extent.y1 <= box.y1 + 0.5
const width = (b: PlacedBlock) => b.extent.x1 - b.extent.x0
const height = (b: PlacedBlock) => b.extent.y1 - b.extent.y0
/** Mongolian at the Chinese size: not smaller, and not more than a hair larger. */
function equalSize(mn: PlacedBlock, zh: PlacedBlock) {
  expect(crossInk(mn.layout)).toBeGreaterThanOrEqual(crossInk(zh.layout) * 0.99)
  expect(crossInk(mn.layout)).toBeLessThanOrEqual(crossInk(zh.layout) * 1.02)
}
/** Every block inside the design's first area (what the within-bounds rule reads) and the canvas, none overflowing. */
function allInside(d: Design, canvas: { width: number; height: number }) {
  for (const b of d.blocks) {
    expect(b.layout.overflow, b.role).toBe(false)
    expect(inside(b, d.areas[0]!.box), `${b.role} (${b.lang}) inside ${d.areas[0]!.id}`).toBe(true)
    expect(inside(b, { x0: 0, y0: 0, x1: canvas.width, y1: canvas.height }), `${b.role} (${b.lang}) inside the canvas`).toBe(true)
  }
}
const px = (mm: number, dpi: number) => Math.round((mm / 25.4) * dpi)
const pieces = (b: PlacedBlock) => b.layout.lines.flatMap((l) => l.pieces)
const HAN = /\p{Script=Han}/u

describe('every preset of the new templates', () => {
  for (const id of ['meeting-banner', 'window-sign', 'door-plaque']) {
    const t = env.templates.find((x) => x.id === id)!
    it(`${id}: listed by the API with its example, kind ${id}, both languages`, async () => {
      const { templates } = (await (await app.request('/v1/templates')).json()) as { templates: { id: string; example: unknown }[] }
      const listed = templates.find((x) => x.id === id)
      expect(listed?.example, 'GET /v1/templates lists it with its example.json').toEqual(env.examples[id])
      expect(Object.keys(env.examples[id] ?? {}).length).toBeGreaterThan(0)
      expect(t.kind).toBe(id)

      expect(t.presets.map((p) => p.id)).toContain(t.defaultPreset)
    })
    for (const preset of t.presets)
      it(`${id} ${preset.id}: a PNG within ${LIMITS.maxRasterSide} px a side and 40 MP; the example fits inside its areas`, () => {
        const { p, d } = design(id, { ...env.examples[id], preset: preset.id })
        expect(p.canvas.width).toBe(px(preset.widthMm, preset.dpi))
        expect(p.canvas.height).toBe(px(preset.heightMm, preset.dpi))
        expect(p.canvas.width).toBeLessThanOrEqual(LIMITS.maxRasterSide)
        expect(p.canvas.height).toBeLessThanOrEqual(LIMITS.maxRasterSide)
        expect(p.canvas.width * p.canvas.height).toBeLessThanOrEqual(LIMITS.maxRasterPixels)
        allInside(d, p.canvas)
      })
  }

  it('the examples render as PNG and pass the inner-mongolia pack', async () => {
    for (const id of ['meeting-banner', 'window-sign', 'door-plaque']) {
      const res = await app.request(`/v1/render/${id}.png?${q(env.examples[id] as Record<string, string>)}`)
      expect(res.status, id).toBe(200)
      expect(res.headers.get('content-type')).toContain('image/png')
      expect(res.headers.get('x-qoyar-compliance'), id).toBe('pass')
    }
  })
})

describe('meeting-banner', () => {
  const example = env.examples['meeting-banner'] as Record<string, string>
  const full = { ...example, date_mn: '2024.05.20', date_zh: '2024年5月20日' }

  it('presets: hall backdrops at a preview dpi, and a 1920×360 screen', () => {
    const size = (preset: string) => {
      const { p } = design('meeting-banner', { ...example, preset })
      return [p.canvas.width, p.canvas.height]
    }
    expect(size('hall-8000x1500')).toEqual([px(8000, 25), px(1500, 25)])
    expect(size('hall-12000x2000')).toEqual([px(12000, 16), px(2000, 16)])
    expect(size('hall-6000x1200')).toEqual([px(6000, 30), px(1200, 30)])
    expect(size('screen-1920x360')).toEqual([1920, 360])
    expect(prepare(env, 'meeting-banner', { title_mn: 'ᠪᠠᠲᠤ', title_zh: '巴图' }).canvas.dpi).toBe(25)
  })

  for (const preset of ['hall-8000x1500', 'hall-12000x2000', 'hall-6000x1200', 'screen-1920x360'])
    it(`${preset}: title Mongolian above Chinese at one size; organiser and date smaller, below, each Mongolian above Chinese`, () => {
      const { p, d } = design('meeting-banner', { ...full, preset })
      const mn = block(d, 'title', 'mn')
      const zh = block(d, 'title', 'zh')
      expect(mn.layout.orientation).toBe('horizontal')
      expect(mn.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
      equalSize(mn, zh)
      for (const role of ['organiser', 'date']) {
        const smn = block(d, role, 'mn')
        const szh = block(d, role, 'zh')
        expect(smn.extent.y1).toBeLessThanOrEqual(szh.extent.y0)
        equalSize(smn, szh)
        // Smaller than the title, and below it.
        expect(crossInk(szh.layout)).toBeLessThan(crossInk(zh.layout) * 0.5)
        expect(smn.extent.y0).toBeGreaterThan(zh.extent.y1)
      }
      // Organiser left of the centre line, date right of it.
      const cx = p.canvas.width / 2
      expect(block(d, 'organiser', 'zh').extent.x1).toBeLessThan(cx)
      expect(block(d, 'date', 'zh').extent.x0).toBeGreaterThan(cx)
      // Both smaller lines at one size.
      expect(crossInk(block(d, 'date', 'zh').layout)).toBeCloseTo(crossInk(block(d, 'organiser', 'zh').layout), 0)
      allInside(d, p.canvas)
      // The group sits centred on the cloth's height.
      const top = Math.min(...d.blocks.map((b) => b.extent.y0))
      const bottom = Math.max(...d.blocks.map((b) => b.extent.y1))
      expect(Math.abs(top - (p.canvas.height - bottom))).toBeLessThan(p.canvas.height * 0.02)
    })

  it('sets the Chinese in the bold serif (han-serif); Mongolian in its own face', () => {
    const { d } = design('meeting-banner', full)
    for (const role of ['title', 'organiser', 'date']) {
      const hanPieces = pieces(block(d, role, 'zh')).filter((pc) => HAN.test(pc.text))
      expect(hanPieces.length).toBeGreaterThan(0)
      for (const pc of hanPieces) {
        const font = env.fonts.byId.get(pc.fontId)!
        expect(font.role, `${role}: ${pc.text}`).toBe('han-serif')
        expect(font.weight).toBe(700)
        expect(pc.weight).toBe(700)
      }
    }
    for (const pc of pieces(block(d, 'title', 'mn'))) expect(env.fonts.byId.get(pc.fontId)!.role).toBe('mongolian')
  })

  it('spaces a short Chinese title out towards the width of the Mongolian line (at most half an em)', () => {
    const { d } = design('meeting-banner', example)
    const mn = block(d, 'title', 'mn')
    const zh = block(d, 'title', 'zh')
    const plain = layoutText(env.fonts, {
      text: zh.layout.text,
      orientation: 'horizontal',
      fontSize: zh.layout.fontSize,
      style: { genre: 'serif', weight: 700 },
    })
    const plainWidth = inkExtentOf(plain).x1 - inkExtentOf(plain).x0
    expect(width(zh)).toBeGreaterThan(plainWidth)
    const cap = plainWidth + 5 * 0.5 * zh.layout.fontSize
    expect(width(zh)).toBeCloseTo(Math.min(width(mn), cap), 0)
    // Centred on the same axis.
    expect((zh.extent.x0 + zh.extent.x1) / 2).toBeCloseTo((mn.extent.x0 + mn.extent.x1) / 2, 0)
  })

  it('a 20-character title fits the 8000 mm backdrop on one line a script', () => {
    const { p, d } = design('meeting-banner', { title_mn: SLOGAN_MN, title_zh: SLOGAN_ZH, preset: 'hall-8000x1500' })
    expect(block(d, 'title', 'mn').layout.lines).toHaveLength(1)
    expect(block(d, 'title', 'zh').layout.lines).toHaveLength(1)
    equalSize(block(d, 'title', 'mn'), block(d, 'title', 'zh'))
    allInside(d, p.canvas)
  })

  it('order and mnScale break the rules when asked to', () => {
    const swapped = design('meeting-banner', { ...full, order: 'zh-first' }).d
    for (const role of ['title', 'organiser', 'date']) expect(block(swapped, role, 'zh').extent.y1).toBeLessThanOrEqual(block(swapped, role, 'mn').extent.y0)
    const small = design('meeting-banner', { ...example, mnScale: '0.7' }).d
    const ratio = crossInk(block(small, 'title', 'mn').layout) / crossInk(block(small, 'title', 'zh').layout)
    expect(ratio).toBeGreaterThan(0.65)
    expect(ratio).toBeLessThan(0.75)
  })

  it('refuses an organiser in one script only, and takes catalogue slogans only with a trustworthy Mongolian', async () => {
    const res = await app.request(`/v1/render/meeting-banner.png?${q({ ...example, organiser_mn: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', organiser_zh: '' })}`)
    expect(res.status).toBe(422)
    const half = await app.request(`/v1/render/meeting-banner.png?${q({ title_mn: 'ᠪᠠᠲᠤ', title_zh: '巴图', date_zh: '2024年5月20日' })}`)
    expect(half.status).toBe(422)
    expect(((await half.json()) as { error: { code: string; details: { issues: { path: string }[] } } }).error.details.issues[0]!.path).toBe('date_mn')
    const slogan = await app.request(`/v1/render/meeting-banner.png?${q({ slogan: 'unity.family' })}`)
    expect(slogan.status).toBe(422)
    const body = (await slogan.json()) as { error: { code: string; details: { field: string } } }
    expect(body.error.code).toBe('translation_missing')
    expect(body.error.details.field).toBe('title_mn')
  })
})

describe('window-sign', () => {
  const example = env.examples['window-sign'] as Record<string, string>
  const withBadge = { ...example, badge_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', badge_zh: '蒙古语言文字' }

  it('presets: counter signs and a hanging sign at 300 dpi', () => {
    const size = (preset: string) => {
      const { p } = design('window-sign', { ...example, preset })
      return [p.canvas.width, p.canvas.height, p.canvas.dpi]
    }
    expect(size('counter-300x100')).toEqual([px(300, 300), px(100, 300), 300])
    expect(size('counter-400x150')).toEqual([px(400, 300), px(150, 300), 300])
    expect(size('hanging-600x200')).toEqual([px(600, 300), px(200, 300), 300])
  })

  for (const preset of ['counter-300x100', 'counter-400x150', 'hanging-600x200'])
    it(`${preset}: the number large at the left, the service name right of it with Mongolian above Chinese at one size`, () => {
      const { p, d } = design('window-sign', { ...example, number: '12', preset })
      const number = block(d, 'number', 'zh')
      const mn = block(d, 'service', 'mn')
      const zh = block(d, 'service', 'zh')
      expect(inside(number, area(d, 'number'))).toBe(true)
      expect(number.extent.x1).toBeLessThan(Math.min(mn.extent.x0, zh.extent.x0))
      // The number is the largest thing on the sign.
      expect(crossInk(number.layout)).toBeGreaterThan(crossInk(zh.layout) * 1.5)
      expect(mn.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
      equalSize(mn, zh)
      expect(inside(mn, area(d, 'service')) && inside(zh, area(d, 'service'))).toBe(true)
      expect(d.blocks.some((b) => b.role === 'badge')).toBe(false)
      allInside(d, p.canvas)
    })

  it('draws the number in the Latin face', () => {
    const { d } = design('window-sign', { ...example, number: 'A12' })
    for (const pc of pieces(block(d, 'number', 'zh'))) expect(env.fonts.byId.get(pc.fontId)!.role).toBe('latin')
  })

  it('draws the badge band with the Mongolian the user gives: Mongolian before Chinese, one size, below the service name', () => {
    const { p, d } = design('window-sign', { ...withBadge, preset: 'hanging-600x200' })
    const mn = block(d, 'badge', 'mn')
    const zh = block(d, 'badge', 'zh')
    expect(mn.layout.text).toBe(withBadge.badge_mn)
    expect(mn.extent.x1).toBeLessThanOrEqual(zh.extent.x0)
    equalSize(mn, zh)
    const badge = area(d, 'badge')
    expect(inside(mn, badge) && inside(zh, badge)).toBe(true)
    expect(badge.y0).toBeGreaterThanOrEqual(Math.max(block(d, 'service', 'zh').extent.y1, block(d, 'number', 'zh').extent.y1))
    allInside(d, p.canvas)
    // badge_zh defaults to the campaign phrase.
    expect(block(design('window-sign', { ...example, badge_mn: 'ᠪᠠᠲᠤ' }).d, 'badge', 'zh').layout.text).toBe('蒙汉双语服务窗口')
  })

  it('refuses badge=true without badge_mn (422 invalid_fields): it never invents Mongolian', async () => {
    const res = await app.request(`/v1/render/window-sign.png?${q({ ...example, badge: 'true' })}`)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string; details: { issues: { path: string; message: string }[] } } }
    expect(body.error.code).toBe('invalid_fields')
    expect(body.error.details.issues[0]!.path).toBe('badge_mn')
    expect(body.error.details.issues[0]!.message).toContain('badge_mn')
    expect(body.error.details.issues[0]!.message).toContain('蒙汉双语服务窗口')
    // The same through /v1/check, and with POST JSON.
    expect((await app.request(`/v1/check/window-sign?${q({ ...example, badge: 'true' })}`)).status).toBe(422)
    const post = await app.request('/v1/render/window-sign.svg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...example, badge: true }),
    })
    expect(post.status).toBe(422)
    // badge=false, or no badge at all, is fine.
    expect((await app.request(`/v1/render/window-sign.svg?${q({ ...example, badge: 'false' })}`)).status).toBe(200)
  })

  it('refuses a number that is not 1–3 digits or letters', async () => {
    for (const number of ['1234', '', '3号']) {
      const res = await app.request(`/v1/render/window-sign.svg?${q({ ...example, number })}`)
      expect(res.status, number).toBe(422)
    }
  })

  it('with the badge, still passes the inner-mongolia pack; zh-first fails it', async () => {
    const good = (await (await app.request(`/v1/check/window-sign?${q(withBadge)}`)).json()) as { pass: boolean; rules: { id: string; pass: boolean }[] }
    expect(good.rules.filter((r) => !r.pass)).toEqual([])
    const bad = (await (await app.request(`/v1/check/window-sign?${q({ ...withBadge, order: 'zh-first' })}`)).json()) as {
      pass: boolean
      rules: { id: string; pass: boolean }[]
    }
    expect(bad.rules.find((r) => r.id === 'im.order.horizontal')!.pass).toBe(false)
  })
})

describe('door-plaque', () => {
  const example = env.examples['door-plaque'] as Record<string, string>

  it('presets: standing and horizontal plaques at a dpi within the pixel budget', () => {
    const t = env.templates.find((x) => x.id === 'door-plaque')!
    const ids = t.presets.map((p) => p.id)
    expect(ids).toEqual(expect.arrayContaining(['vertical-400x2000', 'vertical-500x2400', 'vertical-300x1500', 'horizontal-2400x600']))
    const { p } = design('door-plaque', example)
    expect([p.canvas.width, p.canvas.height]).toEqual([px(400, 100), px(2000, 100)])
  })

  for (const preset of ['vertical-400x2000', 'vertical-500x2400', 'vertical-300x1500'])
    it(`${preset}: Mongolian column left of the Chinese column, both vertical, one size`, () => {
      const { p, d } = design('door-plaque', { ...example, preset })
      const mn = block(d, 'name', 'mn')
      const zh = block(d, 'name', 'zh')
      expect(mn.layout.orientation).toBe('vertical')
      expect(zh.layout.orientation).toBe('vertical')
      expect(mn.extent.x1).toBeLessThanOrEqual(zh.extent.x0)
      // Mongolian columns left→right, its letters turned with the line.
      expect(mn.layout.progression).toBe('ltr')
      for (const pc of pieces(mn)) expect(pc.mode).toBe('rotated')
      // Chinese: one column (columns would run right→left), characters upright, top→bottom.
      expect(zh.layout.progression).toBe('rtl')
      expect(zh.layout.lines).toHaveLength(1)
      const han = pieces(zh)
      expect(han.map((pc) => pc.text).join('')).toBe(example.name_zh)
      for (const pc of han) expect(pc.mode).toBe('upright')
      for (let i = 1; i < han.length; i++) expect(han[i]!.ink!.y0).toBeGreaterThan(han[i - 1]!.ink!.y1)
      equalSize(mn, zh)
      // The two columns start on one top line (首字齐平), the Chinese spaced out towards the Mongolian's length.
      expect(zh.y + zh.layout.lines[0]!.box.y0).toBeCloseTo(mn.y + mn.layout.lines[0]!.box.y0, 1)
      expect(height(zh)).toBeLessThanOrEqual(height(mn) + 0.5)
      allInside(d, p.canvas)
      // Fills the plaque's width: the two columns take most of the text area.
      const board = area(d, 'board')
      expect((zh.extent.x1 - mn.extent.x0) / (board.x1 - board.x0)).toBeGreaterThan(0.9)
    })

  it('a one-word name (医院 / ᠡᠮᠨᠡᠯᠭᠡ): the Chinese spaced out at most three em apart, the Mongolian word elongated to the same length (at most 2×), across sizes kept', () => {
    const { d } = design('door-plaque', example)
    const mn = block(d, 'name', 'mn')
    const zh = block(d, 'name', 'zh')
    const lengthOf = (l: ReturnType<typeof layoutText>) => inkExtentOf(l).y1 - inkExtentOf(l).y0
    const plain = layoutText(env.fonts, { text: zh.layout.text, orientation: 'vertical', fontSize: zh.layout.fontSize, style: { genre: 'serif', weight: 700 } })
    const cap = lengthOf(plain) + ([...zh.layout.text].length - 1) * 3 * zh.layout.fontSize
    const word = layoutText(env.fonts, { text: mn.layout.text, orientation: 'vertical', fontSize: mn.layout.fontSize, lang: 'mn', style: { genre: 'sans', weight: 700 } })
    // Both columns one length: the longest both reach (the Chinese at three em, or the word at 2×).
    const common = Math.min(cap, lengthOf(word) * 2)
    expect(height(zh)).toBeCloseTo(common, -1)
    expect(height(mn)).toBeCloseTo(common, -1)
    expect(height(zh)).toBeGreaterThan(lengthOf(word) * 1.3)
    // Elongated along the column only: every letter run scaled the same, at most 2×; its width across the column as the word's own.
    const stretch = new Set(pieces(mn).map((pc) => pc.condense))
    expect(stretch.size).toBe(1)
    const [k] = [...stretch]
    expect(k).toBeGreaterThan(1)
    expect(k).toBeLessThanOrEqual(2)
    expect(mn.extent.x1 - mn.extent.x0).toBeCloseTo(inkExtentOf(word).x1 - inkExtentOf(word).x0, 1)
  })

  it('a name of several Mongolian words is spread between its words, never elongated', () => {
    const { d } = design('door-plaque', { name_mn: 'ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠡᠮᠨᠡᠯᠭ᠎ᠡ', name_zh: '阿拉善盟医院' })
    for (const pc of pieces(block(d, 'name', 'mn'))) expect(pc.condense).toBeUndefined()
  })

  for (const preset of ['horizontal-2400x600', 'horizontal-1800x450', 'horizontal-3000x800'])
    it(`${preset}: Mongolian line above the Chinese line, one size`, () => {
      const { p, d } = design('door-plaque', { ...example, preset })
      const mn = block(d, 'name', 'mn')
      const zh = block(d, 'name', 'zh')
      expect(mn.layout.orientation).toBe('horizontal')
      expect(zh.layout.orientation).toBe('horizontal')
      expect(mn.extent.y1).toBeLessThanOrEqual(zh.extent.y0)
      equalSize(mn, zh)
      allInside(d, p.canvas)
    })

  it('variant overrides the aspect ratio; the Chinese face follows typeface', () => {
    const { d } = design('door-plaque', { ...example, variant: 'horizontal' })
    expect(block(d, 'name', 'mn').extent.y1).toBeLessThanOrEqual(block(d, 'name', 'zh').extent.y0)
    const roleOf = (typeface: string) => env.fonts.byId.get(pieces(block(design('door-plaque', { ...example, typeface }).d, 'name', 'zh'))[0]!.fontId)!.role
    expect(roleOf('serif')).toBe('han-serif')
    expect(roleOf('sans')).toBe('han-sans')
  })

  it('zh-first and a smaller Mongolian fail the inner-mongolia pack', async () => {
    const swapped = (await (await app.request(`/v1/check/door-plaque?${q({ ...example, order: 'zh-first' })}`)).json()) as {
      pass: boolean
      rules: { id: string; pass: boolean }[]
    }
    expect(swapped.pass).toBe(false)
    expect(swapped.rules.find((r) => r.id === 'im.order.vertical')!.pass).toBe(false)
    const small = (await (await app.request(`/v1/check/door-plaque?${q({ ...example, mnScale: '0.7' })}`)).json()) as {
      pass: boolean
      rules: { id: string; pass: boolean }[]
    }
    expect(small.rules.find((r) => r.id === 'im.size.equal')!.pass).toBe(false)
  })
})

describe('tracking (the spacing plaques and banners give Chinese)', () => {
  it('adds space after every CJK character but the last of a line, horizontal and vertical', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const plain = layoutText(env.fonts, { text: '蒙古语言文字', orientation, fontSize: 100 })
      const spaced = layoutText(env.fonts, { text: '蒙古语言文字', orientation, fontSize: 100, tracking: 20 })
      const main = (l: typeof plain) => (orientation === 'vertical' ? l.height : l.width)
      expect(main(spaced) - main(plain)).toBeCloseTo(5 * 20, 3)
      expect(spaced.lines[0]!.pieces).toHaveLength(6)
      expect(crossInk(spaced)).toBeCloseTo(crossInk(plain), 6)
    }
  })

  it('never spaces Mongolian (its letters are joined) and leaves untracked layouts as they were', () => {
    const plain = layoutText(env.fonts, { text: EMNELGE, orientation: 'vertical', fontSize: 100 })
    const spaced = layoutText(env.fonts, { text: EMNELGE, orientation: 'vertical', fontSize: 100, tracking: 30 })
    expect(spaced.height).toBeCloseTo(plain.height, 6)
    expect(spaced.lines[0]!.pieces).toEqual(plain.lines[0]!.pieces)
    // Untracked text keeps its runs whole (one piece, shaped as one); tracked, only 年 gains space: digits never, 月 ends the line.
    const mixed = layoutText(env.fonts, { text: '2024年5月', orientation: 'horizontal', fontSize: 100 })
    expect(mixed.lines[0]!.pieces.map((p) => p.text)).toEqual(['2024年5月'])
    const tracked = layoutText(env.fonts, { text: '2024年5月', orientation: 'horizontal', fontSize: 100, tracking: 20 })
    expect(tracked.lines[0]!.pieces.map((p) => p.text)).toEqual(['2024', '年', '5', '月'])
    expect(tracked.width - mixed.width).toBeCloseTo(20, 6)
  })

  it('wraps tracked text by its tracked length', () => {
    const l = layoutText(env.fonts, { text: '蒙古语言文字', orientation: 'horizontal', fontSize: 100, tracking: 100, maxLength: 700 })
    expect(l.lines.length).toBeGreaterThan(1)
    for (const line of l.lines) expect(line.length).toBeLessThanOrEqual(700 + 1e-6)
  })
})
