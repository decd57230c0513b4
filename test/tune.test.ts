/**
 * A designer's tuning (the `tune` field every template takes) and manual breaks, asserted on what
 * the layout placed: sizes in mm, spacing in positions, breaks in lines and columns, and the 422s.
 */
import { describe, expect, it } from 'vitest'
import type { DesignLayout } from '../src/http/layout.js'
import type { PlacedBlock } from '../src/templates/types.js'
import { layoutText } from '../src/text/layout.js'
import { checkMongolian } from '../src/text/mongolian/check.js'
import { design } from './helpers/design.js'
import { app, env } from './helpers/env.js'
import { post, q } from './helpers/http.js'

const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠳᠠᠷᠤᠭ᠎ᠠ', title_zh: '主任' }
const BANNER = { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '蒙古语言文字', preset: 'screen-1920x480' }

interface Check {
  pass: boolean
  rules: { id: string; pass: boolean | null }[]
  design: DesignLayout
}
const check = async (template: string, input: Record<string, unknown>): Promise<Check> => {
  const res = await app.request(`/v1/check/${template}?${q(input)}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Check // the check route's JSON
}
const block = (c: Check, id: string) => c.design.blocks.find((b) => b.id === id)!
const of = (blocks: PlacedBlock[], role: string, lang: string, face?: string) =>
  blocks.find((b) => b.role === role && b.lang === lang && (face === undefined || b.face === face))!
const width = (b: PlacedBlock) => b.extent.x1 - b.extent.x0

describe('tune: size against the fitted size', () => {
  it('sets a desk card name at 0.8 of its fitted size, in mm, both scripts and both faces, and equal size still passes', async () => {
    const plain = await check('desk-card', CARD)
    const tuned = await check('desk-card', { ...CARD, 'tune.name.size': 0.8 })
    for (const id of ['front:name:mn', 'front:name:zh', 'back:name:mn', 'back:name:zh']) {
      // Ink scales linearly with the size: the block's box is 0.8 as tall (and as wide) in mm.
      expect(block(tuned, id).mm.height / block(plain, id).mm.height).toBeCloseTo(0.8, 2)
      expect(block(tuned, id).mm.width / block(plain, id).mm.width).toBeCloseTo(0.8, 2)
    }
    // The title was not tuned: its size and line stay as they were (it moves across with the narrower
    // name beside the column: the card is centred as a whole).
    const { x: _tx, ...tunedTitle } = block(tuned, 'front:title:zh').mm
    const { x: _px, ...plainTitle } = block(plain, 'front:title:zh').mm
    expect(tunedTitle).toEqual(plainTitle)
    expect(tuned.rules.find((r) => r.id === 'im.size.equal')!.pass).toBe(true)
    expect(tuned.pass).toBe(true)
    const { d } = design('desk-card', { ...CARD, 'tune.name.size': 0.8 })
    expect(of(d.blocks, 'name', 'mn', 'front').layout.visualSize).toBeCloseTo(of(d.blocks, 'name', 'zh', 'front').layout.visualSize, 1)
  })

  it('is refused below the size the sign allows (its minimum letter), with a stable code', async () => {
    const res = await app.request(`/v1/render/desk-card.svg?${q({ ...CARD, 'tune.title.size': 0.5 })}`)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { role: string; size: number } } } // the error JSON
    expect(body.error.code).toBe('tune_below_minimum')
    expect(body.error.details).toMatchObject({ role: 'title', size: 0.5 })
  })
})

describe('tune: spacing', () => {
  it('letter spacing widens a Chinese title by the em after each character but the last, at the same size', () => {
    const plain = design('desk-card', CARD).d
    const tuned = design('desk-card', { ...CARD, 'tune.title:zh.letter': 0.3 }).d
    const [a, b] = [of(plain.blocks, 'title', 'zh', 'front'), of(tuned.blocks, 'title', 'zh', 'front')]
    expect(b.layout.fontSize).toBe(a.layout.fontSize)
    expect(width(b) - width(a)).toBeCloseTo(0.3 * a.layout.fontSize * ([...CARD.title_zh].length - 1), 0)
    // Only the block asked for: the Mongolian title is as it was.
    expect(of(tuned.blocks, 'title', 'mn', 'front').extent).toEqual(of(plain.blocks, 'title', 'mn', 'front').extent)
  })

  it('letter spacing moves Chinese characters apart and Mongolian words apart, never the letters of a word', () => {
    const zh = (letterSpacing?: number) =>
      layoutText(env.fonts, { text: '蒙古语', orientation: 'horizontal', fontSize: 40, lang: 'zh', ...(letterSpacing ? { letterSpacing } : {}) })
    const xs = (l: ReturnType<typeof zh>) => l.lines[0]!.pieces.flatMap((p) => (p.ink ? [p.ink.x0] : []))
    const plainZh = layoutText(env.fonts, { text: '蒙古语', orientation: 'horizontal', fontSize: 40, lang: 'zh', tracking: 0.001 })
    const spaced = layoutText(env.fonts, { text: '蒙古语', orientation: 'horizontal', fontSize: 40, lang: 'zh', tracking: 0.001, letterSpacing: 0.25 })
    // Each character a piece (tracking splits them): the n-th starts n × 0.25 em further on.
    expect(xs(spaced).map((x, i) => x - xs(plainZh)[i]!)).toEqual([0, 10, 20].map((v) => expect.closeTo(v, 2)))
    expect(zh(0.25).width - zh().width).toBeCloseTo(20, 1)
    const mn = (letterSpacing?: number) =>
      layoutText(env.fonts, { text: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', orientation: 'vertical', fontSize: 40, lang: 'mn', ...(letterSpacing ? { letterSpacing } : {}) })
    const [a, b] = [mn(), mn(0.25)]
    // One space: the column is 0.25 em longer, the second word's ink 0.25 em further down, the first starts where it did.
    expect(b.height - a.height).toBeCloseTo(10, 1)
    expect(b.ink!.y1 - a.ink!.y1).toBeCloseTo(10, 1)
    expect(b.ink!.y0).toBeCloseTo(a.ink!.y0, 6)
    // Each word is drawn whole, as one joined run: no letter of it is moved.
    expect(b.lines[0]!.pieces.map((p) => p.text)).toEqual(['ᠮᠣᠩᠭᠣᠯ', ' ', 'ᠬᠡᠯᠡ'])
  })

  it('line spacing sets a plaque’s Mongolian columns further apart by the factor, the Chinese column untouched', () => {
    const input = { name_mn: 'ᠮᠣᠩᠭᠣᠯ\nᠡᠮᠨᠡᠯᠭ᠎ᠡ', name_zh: '蒙古医院', preset: 'vertical-400x2000' }
    const pitch = (b: PlacedBlock) => (b.layout.lines[1]!.box.x0 - b.layout.lines[0]!.box.x0) / b.layout.fontSize
    const plain = of(design('door-plaque', input).d.blocks, 'name', 'mn')
    const tuned = design('door-plaque', { ...input, 'tune.name:mn.line': 1.5 }).d
    expect(pitch(of(tuned.blocks, 'name', 'mn'))).toBeCloseTo(pitch(plain) * 1.5, 3)
    expect(of(tuned.blocks, 'name', 'zh').layout.lines).toHaveLength(1)
  })
})

describe('manual breaks', () => {
  const cases = [
    { lang: 'mn', text: 'ᠮᠣᠩᠭᠣᠯ\u2028ᠬᠡᠯᠡ', orientations: ['horizontal', 'vertical'] },
    { lang: 'zh', text: '蒙古\u2028语言', orientations: ['horizontal', 'vertical'] },
    { lang: 'ko', text: '연변\u2028조선족', orientations: ['horizontal', 'vertical'] },
    { lang: 'bo', text: 'བོད་\u2028རང་', orientations: ['horizontal', 'vertical'] },
    // Uyghur is set in lines only (vertical Arabic script is refused).
    { lang: 'ug', text: 'شىنجاڭ\u2028ئۇيغۇر', orientations: ['horizontal'] },
  ] as const
  for (const c of cases)
    for (const orientation of c.orientations)
      it(`U+2028 and \\n break ${c.lang} ${orientation === 'vertical' ? 'columns' : 'lines'} where they stand`, () => {
        const [before, after] = c.text.split('\u2028') as [string, string]
        for (const text of [c.text, `${before}\n${after}`, `${before}\u2029${after}`]) {
          const l = layoutText(env.fonts, { text, orientation, fontSize: 40, lang: c.lang })
          expect(l.lines.map((x) => x.text)).toEqual([before, after])
          const [a, b] = [l.lines[0]!.box, l.lines[1]!.box]
          if (orientation === 'horizontal') expect(b.y0).toBeCloseTo(a.y1, 6)
          // Mongolian columns follow left to right; Chinese, Korean and Tibetan right to left.
          else if (c.lang === 'mn') expect(b.x0).toBeCloseTo(a.x1, 6)
          else expect(b.x1).toBeCloseTo(a.x0, 6)
        }
      })

  it('holds through a template in every region: the block’s lines split at the break, and the rules pass', async () => {
    const signs: { region: string; minority: string; input: Record<string, string> }[] = [
      { region: 'inner-mongolia', minority: 'mn', input: { mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ\u2028ᠪᠢᠴᠢᠭ', zh: '蒙古语言\u2028文字' } },
      { region: 'yanbian', minority: 'ko', input: { ko: '연변조선족\u2028자치주', zh: '延边朝鲜族\u2028自治州' } },
      { region: 'xinjiang', minority: 'ug', input: { ug: 'شىنجاڭ ئۇيغۇر\u2028ئاپتونوم رايونى', zh: '新疆维吾尔\u2028自治区' } },
      { region: 'tibet', minority: 'bo', input: { bo: 'བོད་རང་\u2028སྐྱོང་ལྗོངས།', zh: '西藏\u2028自治区' } },
    ]
    for (const s of signs) {
      const input: Record<string, string> = { ...s.input, region: s.region, preset: 'screen-1920x480' }
      const { d } = design('slogan-banner', input)
      for (const lang of [s.minority, 'zh']) {
        const text = input[lang]!
        expect(of(d.blocks, 'slogan', lang).layout.lines.map((l) => l.text)).toEqual(text.split('\u2028'))
      }
      const report = await check('slogan-banner', input)
      expect(report.pass, s.region).toBe(true)
    }
    // A door plaque's Mongolian name as two columns, by the designer's break.
    const plaque = design('door-plaque', { name_mn: 'ᠮᠣᠩᠭᠣᠯ\u2028ᠡᠮᠨᠡᠯᠭ᠎ᠡ', name_zh: '蒙古医院', preset: 'vertical-400x2000' }).d
    expect(of(plaque.blocks, 'name', 'mn').layout.lines.map((l) => l.text)).toEqual(['ᠮᠣᠩᠭᠣᠯ', 'ᠡᠮᠨᠡᠯᠭ᠎ᠡ'])
  })

  it('the Mongolian text checker finds nothing in a break: the same findings as with a space', () => {
    for (const text of ['ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', 'ᠨᠣᠮ\u180eᠤᠨ ᠥᠪᠥᠷ', 'ᠨᠣᠮ ᠤᠨ ᠦᠪᠣᠷ'])
      for (const brk of ['\n', '\u2028', ' \n'])
        expect(checkMongolian(text.replace(/ (?=\S+$)/, brk)).findings.map((f) => f.code)).toEqual(checkMongolian(text).findings.map((f) => f.code))
  })
})

describe('tune: the field', () => {
  const etag = async (input: Record<string, unknown>) => {
    const res = await app.request(`/v1/render/slogan-banner.svg?${q(input)}`)
    expect(res.status).toBe(200)
    return res.headers.get('etag')
  }

  it('is one canonical value: identity values are no tuning, order does not matter, GET and POST (nested or flat) agree', async () => {
    expect(await etag({ ...BANNER, 'tune.slogan.size': 1, 'tune.slogan:zh.letter': 0 })).toBe(await etag(BANNER))
    const a = await etag({ ...BANNER, 'tune.slogan.size': 0.9, 'tune.slogan:zh.letter': 0.1 })
    const b = await etag({ ...BANNER, 'tune.slogan:zh.letter': 0.1, 'tune.slogan.size': 0.9 })
    expect(a).toBe(b)
    expect(a).not.toBe(await etag(BANNER))
    const nested = await post('/v1/render/slogan-banner.svg', { ...BANNER, tune: { 'slogan:zh': { letter: 0.1 }, slogan: { size: 0.9 } } })
    expect(nested.headers.get('etag')).toBe(a)
    const design = await post('/v1/render/slogan-banner.svg', {
      format: 'qoyar-design',
      version: 1,
      name: 'tuned',
      template: 'slogan-banner',
      input: { ...BANNER, 'tune.slogan.size': 0.9, 'tune.slogan:zh.letter': 0.1 },
    })
    expect(design.headers.get('etag')).toBe(a)
  })

  it('refuses out-of-range values, size on one script and blocks the sign does not have, naming the field (422 invalid_fields)', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ 'tune.slogan.size': 1.2 }, 'tune.slogan.size'],
      [{ 'tune.slogan.size': 0.4 }, 'tune.slogan.size'],
      [{ 'tune.slogan:zh.letter': 0.6 }, 'tune.slogan:zh.letter'],
      [{ 'tune.slogan:mn.line': 0.5 }, 'tune.slogan:mn.line'],
      [{ 'tune.slogan:zh.size': 0.9 }, 'tune.slogan:zh.size'],
      [{ 'tune.slogan.weight': 2 }, 'tune.slogan'],
      [{ 'tune.slogan.size': 'big' }, 'tune.slogan.size'],
      [{ 'tune.title.size': 0.9 }, 'tune.title'],
      [{ 'tune.slogan:ko.letter': 0.1 }, 'tune.slogan:ko'],
      [{ 'tune.size': 0.9 }, 'tune.size'],
    ]
    for (const [tune, path] of bad) {
      const res = await app.request(`/v1/render/slogan-banner.png?${q({ ...BANNER, ...tune })}`)
      expect(res.status, path).toBe(422)
      const body = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } } // the error JSON
      expect(body.error.code).toBe('invalid_fields')
      expect(body.error.details.issues[0]!.path).toBe(path)
    }
  })

  it('rides in batch columns and defaults: a bad row is listed with its row number and field, the rest render', async () => {
    const csv = 'name_mn,name_zh,tune.name.size\nᠪᠠᠲᠤ,巴图,0.9\nᠪᠠᠲᠤ,巴图,1.5\nᠪᠠᠲᠤ,巴图,\n'
    const res = await app.request(`/v1/batch/desk-card.zip?${q({ 'tune.name:zh.letter': 0.1 })}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: csv,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { rendered: number; failed: number; results: { row: number; error?: { code: string; field?: string } }[] } // the batch report
    expect([body.rendered, body.failed]).toEqual([2, 1])
    expect(body.results.find((r) => r.error)).toMatchObject({ row: 3, error: { code: 'invalid_fields', field: 'tune.name.size' } })
  })

  it('is documented in /v1/templates for every template', async () => {
    const res = await app.request('/v1/templates')
    const { templates } = (await res.json()) as { templates: { id: string; fields: { properties: Record<string, { description?: string }> } }[] } // the route's JSON
    expect(templates.length).toBeGreaterThan(5)
    for (const t of templates) expect(t.fields.properties.tune?.description, t.id).toMatch(/tune\.title\.size=0\.9/)
  })
})
