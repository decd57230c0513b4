/**
 * Desk-card names as large as the face allows (issue 15, defect 6): the Mongolian column from the top
 * margin to the foot with the Chinese name and the title beside it, a line layout for long Mongolian
 * names (said in X-Qoyar-Adjusted), measured in mm as /v1/check reports them.
 */
import { describe, expect, it } from 'vitest'
import type { DesignLayout, LayoutBlock } from '../src/http/layout.js'
import { NNBSP } from '../src/text/mongolian/controls.js'
import { app, env } from './helpers/env.js'

interface Check {
  pass: boolean
  rules: { id: string; pass: boolean | null }[]
  letters: { text: string; lang: string; mm: number; minMm?: number }[]
  design: DesignLayout
}

const BATU = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' }
const SARAN = { name_mn: 'ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ', name_zh: '萨仁格日勒' }
// A two-word Mongolian name with a three-character Chinese one (test text: a transliteration).
const WANG = { name_mn: 'ᠸᠠᠩ ᠵᠢᠶᠠᠨᠭᠦᠸᠧ', name_zh: '王建国' }
const TEACHER = { title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师' }
// Titles of test length (not reviewed translations): one long line each, and one whose Mongolian takes two lines.
const DIRECTOR = { title_mn: `ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ${NNBSP}ᠤᠨ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠯ${NNBSP}ᠤᠨ ᠲᠣᠪᠴᠢᠶ᠎ᠠ`, title_zh: '阿拉善盟教育局局长' }
const PROFESSOR = { title_mn: `ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ${NNBSP}ᠦᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠶᠢᠨ ᠪᠠᠭᠰᠢ`, title_zh: '内蒙古师范大学蒙古语言文学学院教授' }

async function check(input: Record<string, string>) {
  const res = await app.request(`/v1/check/desk-card?${new URLSearchParams(input)}`)
  expect(res.status).toBe(200)
  const body = (await res.json()) as Check // the check route's JSON
  const render = await app.request(`/v1/render/desk-card.svg?${new URLSearchParams(input)}`)
  expect(render.status).toBe(200)
  const front = body.design.areas.find((a) => a.id === 'front')!.mm
  // Front-face blocks in mm from the face's top left corner.
  const block = (role: string, lang: string): LayoutBlock['mm'] => {
    const b = body.design.blocks.find((x) => x.face === 'front' && x.role === role && x.lang === lang)!
    return { ...b.mm, y: b.mm.y - front.y }
  }
  const letter = (role: string, lang: string) => body.letters.find((l) => l.text === role && l.lang === lang)!.mm
  return { body, front, block, letter, adjusted: render.headers.get('x-qoyar-adjusted'), compliance: render.headers.get('x-qoyar-compliance') }
}

type Checked = Awaited<ReturnType<typeof check>>
const bottom = (b: LayoutBlock['mm']) => b.y + b.height
const right = (b: LayoutBlock['mm']) => b.x + b.width

/** The title at least `mm` in both scripts, Mongolian above Chinese, a clear band of 6 % of the face above it. */
function titleReads(c: Checked, mm: number) {
  expect(c.letter('title', 'mn')).toBeGreaterThanOrEqual(mm)
  expect(c.letter('title', 'zh')).toBeGreaterThanOrEqual(mm)
  const mn = c.block('title', 'mn')
  const zh = c.block('title', 'zh')
  expect(bottom(mn)).toBeLessThanOrEqual(zh.y)
  // Measured from the name blocks above the title (a column beside it is not above it).
  const x0 = Math.min(mn.x, zh.x)
  const x1 = Math.max(right(mn), right(zh))
  const above = ['mn', 'zh'].map((l) => c.block('name', l)).filter((b) => b.x < x1 && right(b) > x0)
  expect(above.length).toBeGreaterThan(0)
  expect(mn.y - Math.max(...above.map(bottom))).toBeGreaterThanOrEqual(c.front.height * 0.06 - 0.1)
}

/** The rules pass, in the report and in the render's header. */
function passes(c: Checked) {
  expect(c.body.pass).toBe(true)
  expect(c.body.rules.every((r) => r.pass !== false)).toBe(true)
  expect(c.compliance).toBe('pass')
}

/** Column layout with a title: the Mongolian column left of the Chinese name and of the title. */
function columnBeside(c: Checked) {
  const column = c.block('name', 'mn')
  expect(column.height).toBeGreaterThan(column.width)
  expect(right(column)).toBeLessThanOrEqual(c.block('name', 'zh').x)
  expect(right(column)).toBeLessThanOrEqual(c.block('title', 'mn').x)
  expect(right(column)).toBeLessThanOrEqual(c.block('title', 'zh').x)
  expect(c.adjusted).toBeNull()
}

describe('desk-card column layout: the Mongolian column from the top margin to the foot, title beside it', () => {
  it('巴图 with 教师 on 200×100: Chinese name ≥ 30 mm (was 22.75), column ≥ 80 mm long (was 58.5), the card centred', async () => {
    const c = await check({ ...BATU, ...TEACHER })
    columnBeside(c)
    expect(c.letter('name', 'zh')).toBeGreaterThanOrEqual(30)
    expect(c.block('name', 'zh').height).toBeGreaterThanOrEqual(30)
    expect(c.letter('name', 'mn')).toBeCloseTo(c.letter('name', 'zh'), 1)
    expect(c.block('name', 'mn').height).toBeGreaterThanOrEqual(80)
    titleReads(c, 8)
    passes(c)
    // The composition centred across the face: equal room left and right.
    const blocks = ['mn', 'zh'].flatMap((l) => [c.block('name', l), c.block('title', l)])
    const x0 = Math.min(...blocks.map((b) => b.x))
    const x1 = Math.max(...blocks.map(right))
    expect(Math.abs(x0 - (c.front.width - x1))).toBeLessThan(1)
    // The Chinese name and the title on one axis.
    const axis = (b: LayoutBlock['mm']) => b.x + b.width / 2
    expect(axis(c.block('title', 'zh'))).toBeCloseTo(axis(c.block('name', 'zh')), 0)
  })

  it('巴图 under a title whose Mongolian takes two lines: the name stays ≥ 30 mm, the title beside the column', async () => {
    const c = await check({ ...BATU, ...PROFESSOR })
    columnBeside(c)
    expect(c.letter('name', 'zh')).toBeGreaterThanOrEqual(30)
    titleReads(c, 8)
    passes(c)
  })

  for (const [preset, least] of [
    ['face-210x90', 28],
    ['face-250x120', 38],
    ['face-100x50', 15],
  ] as const)
    it(`巴图 with 教师 on ${preset}: Chinese name ≥ ${least} mm`, async () => {
      const c = await check({ ...BATU, ...TEACHER, preset })
      columnBeside(c)
      expect(c.block('name', 'zh').height).toBeGreaterThanOrEqual(least)
      titleReads(c, preset === 'face-100x50' ? 3 : 8)
      passes(c)
    })

  it('order=zh-first mirrors it: the column at the right of the Chinese name and the title', async () => {
    const c = await check({ ...BATU, ...TEACHER, order: 'zh-first' })
    const column = c.block('name', 'mn')
    expect(column.height).toBeGreaterThanOrEqual(80)
    expect(right(c.block('name', 'zh'))).toBeLessThanOrEqual(column.x)
    expect(right(c.block('title', 'zh'))).toBeLessThanOrEqual(column.x)
  })
})

describe('desk-card line layout: long Mongolian names as a line above the Chinese, said in the response', () => {
  for (const [name, input, preset, least] of [
    ['萨仁格日勒 with 教师', { ...SARAN, ...TEACHER }, 'face-200x100', 24],
    ['王建国 (two-word Mongolian) under a long title', { ...WANG, ...DIRECTOR }, 'face-200x100', 20],
    ['王建国 under a two-line title', { ...WANG, ...PROFESSOR }, 'face-200x100', 20],
    ['王建国 under a long title', { ...WANG, ...DIRECTOR }, 'face-210x90', 17],
    ['王建国 under a long title', { ...WANG, ...DIRECTOR }, 'face-250x120', 24],
    // The hardest of them, which the floors come from: the Chinese title on two lines.
    ['王建国 under a long title, its Chinese on two lines', { ...WANG, ...DIRECTOR, title_zh: '阿拉善盟教育局\n局长' }, 'face-200x100', 16],
    ['王建国 under a long title, its Chinese on two lines', { ...WANG, ...DIRECTOR, title_zh: '阿拉善盟教育局\n局长' }, 'face-250x120', 19],
  ] as const)
    it(`${name} on ${preset}: one Mongolian line, Chinese name ≥ ${least} mm, mnLayout=line`, async () => {
      const c = await check({ ...input, preset })
      expect(c.adjusted).toBe('mnLayout=line')
      const mn = c.block('name', 'mn')
      expect(mn.width).toBeGreaterThan(mn.height)
      expect(bottom(mn)).toBeLessThanOrEqual(c.block('name', 'zh').y)
      expect(c.letter('name', 'zh')).toBeGreaterThanOrEqual(least)
      titleReads(c, 8)
      passes(c)
    })

  it('a name that cannot reach its floor is a 422 text_does_not_fit that says the size it would fit at', async () => {
    const res = await app.request(`/v1/check/desk-card?${new URLSearchParams({ name_mn: 'ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ', name_zh: '萨仁格日勒', ...PROFESSOR })}`)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; details: { minLetterMm: number; fitsAtMm: number | null } } } // the error JSON
    expect(body.error.code).toBe('text_does_not_fit')
    expect(body.error.details.minLetterMm).toBe(16)
    expect(body.error.details.fitsAtMm).toBeGreaterThan(8)
    expect(body.error.details.fitsAtMm).toBeLessThan(16)
  })
})

describe('desk-card in the other packs: scripts written in rows take the line layout', () => {
  for (const region of ['yanbian', 'xinjiang', 'tibet'])
    // Uyghur and Tibetan are sized by their letters (alef; ཀ and ང), so a Chinese name beside them at
    // equal size is smaller than beside Korean: the floor (16 mm on 200×100), not 24.
    it(`${region}: its example's names as two lines ≥ 16 mm, title ≥ 8 mm, the rules pass`, async () => {
      const example = env.packExamples[region]!['desk-card'] as Record<string, string>
      const c = await check({ ...example, region })
      const own = c.body.design.blocks.find((b) => b.face === 'front' && b.role === 'name' && b.lang !== 'zh')!.lang
      const [first, second] = [c.block('name', own), c.block('name', 'zh')].sort((a, b) => a.y - b.y)
      expect(bottom(first!)).toBeLessThanOrEqual(second!.y)
      expect(c.letter('name', 'zh')).toBeGreaterThanOrEqual(16)
      expect(c.letter('title', own)).toBeGreaterThanOrEqual(8)
      expect(c.adjusted).toBeNull()
      passes(c)
    })
})
