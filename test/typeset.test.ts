/**
 * Typesetting a print shop takes as it is (issue 15): column pitch, top alignment, breaks,
 * letter sizes in mm. Each test asserts the property on what the layout placed.
 */
import { describe, expect, it } from 'vitest'
import { complianceOf, designOf, prepare } from '../src/render/template-render.js'
import type { Design, PlacedBlock } from '../src/templates/types.js'
import { layoutText } from '../src/text/layout.js'
import { app, env } from './helpers/env.js'
import { design as designed } from './helpers/design.js'

const design = (template: string, input: Record<string, unknown>): Design => designed(template, input).d
const block = (d: Design, role: string, lang: string): PlacedBlock => d.blocks.find((b) => b.role === role && b.lang === lang)!

const fonts = env.fonts
const SLOGAN_ZH = '铸牢中华民族共同体意识，促进各民族交往交流交融'
const LONG_MN = 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠢ ᠰᠤᠷᠤᠯᠴᠠᠭᠠ ᠳᠡᠭᠡᠨ ᠬᠦᠴᠦ ᠨᠡᠮᠡᠵᠦ ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠦ ᠡᠪ ᠨᠢᠭᠡᠳᠦᠯ ᠢ ᠪᠡᠬᠡᠵᠢᠭᠦᠯᠦᠨ᠎ᠡ'

/** Every column of a placed vertical block, on the canvas: its em box. */
const columnsOf = (b: PlacedBlock) => b.layout.lines.map((l) => ({ x0: b.x + l.box.x0, x1: b.x + l.box.x1, y0: b.y + l.box.y0, text: l.text }))

describe('vertical Chinese column pitch (defect 1)', () => {
  it('sets columns 1.5–2 em apart, centre to centre, with a clear gap of ink between them', () => {
    const size = 72
    const l = layoutText(fonts, { text: SLOGAN_ZH, orientation: 'vertical', fontSize: size, maxLength: 800 })
    expect(l.lines.length).toBeGreaterThanOrEqual(2)
    const centres = l.lines.map((c) => (c.box.x0 + c.box.x1) / 2).sort((a, b) => a - b)
    for (let i = 1; i < centres.length; i++) {
      const pitch = (centres[i]! - centres[i - 1]!) / size
      expect(pitch).toBeGreaterThanOrEqual(1.5 - 1e-6)
      expect(pitch).toBeLessThanOrEqual(2)
    }
    const inks = l.lines.map((c) => c.ink!).sort((a, b) => a.x0 - b.x0)
    for (let i = 1; i < inks.length; i++) expect((inks[i]!.x0 - inks[i - 1]!.x1) / size).toBeGreaterThan(0.35)
  })

  it('keeps the same pitch in the standing slogan banner', () => {
    const d = design('slogan-banner', { preset: 'standing-800x2000', zh: SLOGAN_ZH, mn: LONG_MN })
    const zh = d.blocks.find((b) => b.lang === 'zh')!
    expect(zh.layout.lines.length).toBeGreaterThanOrEqual(2)
    const [a, b] = zh.layout.lines
    expect(Math.abs((a!.box.x0 + a!.box.x1) / 2 - (b!.box.x0 + b!.box.x1) / 2) / zh.layout.fontSize).toBeGreaterThanOrEqual(1.5 - 1e-6)
  })
})

describe('vertical columns start on one top line (defect 2)', () => {
  it('every column of both scripts starts at the same height on a standing banner', () => {
    const d = design('slogan-banner', { preset: 'standing-800x2000', zh: SLOGAN_ZH, mn: LONG_MN })
    const tops = d.blocks.flatMap(columnsOf).map((c) => c.y0)
    expect(tops.length).toBeGreaterThanOrEqual(3)
    for (const t of tops) expect(Math.abs(t - tops[0]!)).toBeLessThan(0.5)
  })
})

describe('breaking: phrases first, words kept, balanced, no orphans (defect 3)', () => {
  const linesOf = (text: string, em: number, size = 100) =>
    layoutText(fonts, { text, orientation: 'horizontal', fontSize: size, maxLength: em * size }).lines.map((l) => l.text)

  // With a short Mongolian text the Chinese sets the size: the largest size once broke inside words there.
  for (const mn of ['ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', 'ᠮᠣᠩᠭᠣᠯ'])
    it(`a3-poster beside "${mn}": the slogan set at its comma, smaller, rather than larger with 共同 / 体 and 各 / 民族 torn`, () => {
      const zh = block(design('slogan-banner', { preset: 'a3-poster', mn, zh: SLOGAN_ZH }), 'slogan', 'zh')
      expect(zh.layout.lines.map((l) => l.text)).toEqual(['铸牢中华民族共同体意识，', '促进各民族交往交流交融'])
      expect(zh.layout.breakCost).toBe(0)
    })

  it('screen-1920x480 beside a short Mongolian text: the second clause kept whole (…离不开汉族， / 各少数民族…)', () => {
    const zh = block(design('slogan-banner', { preset: 'screen-1920x480', mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '汉族离不开少数民族，少数民族离不开汉族，各少数民族之间也相互离不开' }), 'slogan', 'zh')
    expect(zh.layout.lines.map((l) => l.text)).toEqual(['汉族离不开少数民族，少数民族离不开汉族，', '各少数民族之间也相互离不开'])
  })

  it('keeps the terms the word segmenter splits (少数|民族, 共同|体, 各族|人民) whole', () => {
    const column = layoutText(fonts, { text: '汉族离不开少数民族少数民族离不开。', orientation: 'vertical', fontSize: 72, maxLength: 600 })
    expect(column.lines.map((l) => l.text)).toEqual(['汉族离不开', '少数民族', '少数民族离不开。'])
    const numbers = block(design('slogan-banner', { preset: 'a3-poster', mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '2026年阿拉善盟面积27万平方公里各族人民共同团结奋斗' }), 'slogan', 'zh')
    const text = numbers.layout.lines.map((l) => l.text)
    expect(text.some((l) => l.includes('各族人民')), text.join(' / ')).toBe(true)
    expect(text.some((l) => l.includes('27万平方公里')), text.join(' / ')).toBe(true)
  })

  it('breaks at the comma, into balanced lines', () => {
    expect(linesOf(SLOGAN_ZH, 13)).toEqual(['铸牢中华民族共同体意识，', '促进各民族交往交流交融'])
    // At the comma, though the lines come out 20 and 13 characters: a clause kept whole reads before balance.
    expect(linesOf('汉族离不开少数民族，少数民族离不开汉族，各少数民族之间也相互离不开', 20)).toEqual([
      '汉族离不开少数民族，少数民族离不开汉族，',
      '各少数民族之间也相互离不开',
    ])
  })

  it('keeps words, quotations and numbers with their units whole', () => {
    expect(linesOf('腾格里经济技术开发区管理委员会', 12)).toEqual(['腾格里经济技术', '开发区管理委员会'])
    expect(linesOf('推行“一窗受理”集成服务', 7)).toEqual(['推行', '“一窗受理”', '集成服务'])
    expect(linesOf('阿拉善盟面积27万平方公里', 8)).toEqual(['阿拉善盟面积', '27万平方公里'])
    expect(linesOf('阿拉善盟行政公署', 6)).toEqual(['阿拉善盟', '行政公署'])
  })

  it('leaves no Mongolian word alone on the last line when a better break exists', () => {
    const words = 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠤᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠬᠠᠭᠠᠨ'
    // Room for all words but the last on the first line: a greedy break leaves ᠬᠠᠭᠠᠨ alone.
    const allButLast = layoutText(fonts, { text: words.slice(0, words.lastIndexOf(' ')), orientation: 'horizontal', fontSize: 100 }).lines[0]!.length
    const lines = linesOf(words, (allButLast + 1) / 100)
    expect(lines.length).toBe(2)
    expect(lines[lines.length - 1]!.split(' ').length).toBeGreaterThan(1)
  })

  it('is what the templates use: the A3 slogan poster breaks its Chinese at the comma', () => {
    const d = design('slogan-banner', { preset: 'a3-poster', zh: SLOGAN_ZH, mn: LONG_MN })
    const zh = d.blocks.find((b) => b.lang === 'zh')!
    expect(zh.layout.lines.map((l) => l.text)).toEqual(['铸牢中华民族共同体意识，', '促进各民族交往交流交融'])
    const mn = d.blocks.find((b) => b.lang === 'mn')!
    expect(mn.layout.lines.at(-1)!.text.split(' ').length).toBeGreaterThan(1)
  })
})

describe('equal size by how large the letters look (defect 11)', () => {
  it('measures the Mongolian body (x-height), not its tails: a line with tails is the same size as one without', () => {
    const withTails = layoutText(fonts, { text: 'ᠮᠣᠩᠭᠣᠯ', orientation: 'horizontal', fontSize: 100 })
    const without = layoutText(fonts, { text: 'ᠬᠡᠯᠡ', orientation: 'horizontal', fontSize: 100 })
    expect(withTails.visualSize).toBeCloseTo(without.visualSize, 6)
    // The ink does differ: the tail of ᠯ reaches below the body.
    expect(withTails.ink!.y1 - withTails.ink!.y0).toBeGreaterThan((without.ink!.y1 - without.ink!.y0) * 1.1)
  })

  it('the letterhead of the issue passes its own rules by default, without a one-word widow', () => {
    const p = prepare(env, 'letterhead', { preset: 'a4', org_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠡᠮᠨᠡᠯᠭ᠎ᠡ', org_zh: '阿拉善盟行政公署文件' })
    const d = designOf(env, p)
    const report = complianceOf(env, p, d)
    expect(report.pass).toBe(true)
    const mn = d.blocks.find((b) => b.lang === 'mn')!
    for (const l of mn.layout.lines) expect(l.text.trim().split(' ').length).toBeGreaterThan(1)
  })
})

describe('long text wraps before it shrinks; letters never below their viewing distance (defect 4)', () => {
  const HALL_ZH = '内蒙古自治区阿拉善盟第五届人民代表大会第三次会议暨阿拉善盟各族各界人士共同庆祝自治区成立七十九周年大会'
  const HALL_MN = 'ᠥᠪᠦᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ ᠤ ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠲᠠᠪᠤᠳᠤᠭᠠᠷ ᠤᠳᠠᠭᠠᠨ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠦᠭᠡᠯᠡᠭᠴᠢ ᠶᠢᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠭᠤᠷᠪᠠᠳᠤᠭᠠᠷ ᠬᠤᠷᠠᠯ'

  it('a 51-character 会标 title on a 12 m backdrop: two lines broken at 暨, letters ≥ 150 mm', () => {
    const p = prepare(env, 'meeting-banner', { preset: 'hall-12000x2000', title_zh: HALL_ZH, title_mn: HALL_MN })
    const d = designOf(env, p)
    const zh = d.blocks.find((b) => b.lang === 'zh')!
    expect(zh.layout.lines.map((l) => l.text)).toEqual([HALL_ZH.slice(0, HALL_ZH.indexOf('暨') + 1), HALL_ZH.slice(HALL_ZH.indexOf('暨') + 1)])
    const report = complianceOf(env, p, d)
    const letters = report.letters.find((l) => l.text === 'title' && l.lang === 'zh')!
    expect(letters.minMm).toBe(150)
    expect(letters.mm).toBeGreaterThanOrEqual(150)
  })

  it('a service name too long for a hanging window sign is a 422 that says the size it fits at, not 7 mm letters', async () => {
    const res = await app.request(
      `/v1/render/window-sign.png?${new URLSearchParams({
        preset: 'hanging-600x200',
        number: '3',
        service_zh: '不动产登记、税务、公积金、社保医保综合受理窗口',
        service_mn: 'ᠦᠯᠦ ᠬᠥᠳᠡᠯᠬᠦ ᠡᠳ ᠬᠥᠷᠥᠩᠭᠡ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠂ ᠲᠠᠲᠠᠸᠠᠷ ᠤᠨ ᠴᠣᠩᠬᠣ',
      })}`,
    )
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { code: string; details: { minLetterMm: number; fitsAtMm: number } } }
    expect(error.code).toBe('text_does_not_fit')
    expect(error.details.minLetterMm).toBe(25)
    expect(error.details.fitsAtMm).toBeGreaterThan(10)
    expect(error.details.fitsAtMm).toBeLessThan(25)
  })

  it('/v1/check reports every text’s letter size in mm with its minimum', async () => {
    const res = await app.request(
      `/v1/check/window-sign?${new URLSearchParams({ preset: 'hanging-600x200', number: '3', service_zh: '税务', service_mn: 'ᠲᠠᠲᠠᠸᠠᠷ' })}`,
    )
    expect(res.status).toBe(200)
    const report = (await res.json()) as { letters: { text: string; lang: string; mm: number; minMm?: number }[] }
    const zh = report.letters.find((l) => l.text === 'service' && l.lang === 'zh')!
    expect(zh.minMm).toBe(25)
    expect(zh.mm).toBeGreaterThanOrEqual(25)
  })
})

describe('desk cards: names large, the layout switched by itself for a long name (defects 6, 11)', () => {
  const mmOf = (px: number, p: ReturnType<typeof prepare>) => px / p.canvas.mm(1)

  it('the issue’s 100×50 place card with a long title renders (no 422), in the layout that sets the name larger', async () => {
    const input = {
      preset: 'face-100x50',
      name_mn: 'ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ',
      name_zh: '萨仁格日勒',
      title_mn: 'ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠳᠠᠷᠤᠭ᠎ᠠ',
      title_zh: '阿拉善盟行政公署副盟长',
    }
    const res = await app.request(`/v1/render/desk-card.svg?${new URLSearchParams(input)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-qoyar-compliance')).toBe('pass')
    const nameMm = (fields: Record<string, string>) => {
      const p = prepare(env, 'desk-card', fields)
      const name = designOf(env, p).blocks.find((b) => b.role === 'name' && b.lang === 'zh')!
      return mmOf(name.layout.visualSize, p)
    }
    // The column beside the title (the column's length bounds it, not the title's height) sets it
    // larger than the line does: it stays a column, and nothing is said.
    expect(res.headers.get('x-qoyar-adjusted')).toBeNull()
    const p = prepare(env, 'desk-card', input)
    expect(designOf(env, p).blocks.find((b) => b.role === 'name' && b.lang === 'mn')!.layout.orientation).toBe('vertical')
    expect(nameMm(input)).toBeGreaterThanOrEqual(nameMm({ ...input, mnLayout: 'line' }))
    expect(nameMm(input)).toBeGreaterThanOrEqual(8)
  })

  it('王建国 with a two-word Mongolian name on a 200×100 face: one Mongolian line, name ≥ 20 mm (was 13), title ≥ 8 mm below a clear gap', () => {
    const p = prepare(env, 'desk-card', {
      name_mn: 'ᠸᠠᠩ ᠵᠢᠶᠠᠨᠭᠦᠸᠧ',
      name_zh: '王建国',
      title_mn: 'ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠯ ᠤᠨ ᠲᠣᠪᠴᠢᠶ᠎ᠠ',
      title_zh: '阿拉善盟教育局局长',
    })
    const d = designOf(env, p)
    const front = d.blocks.filter((b) => b.face !== 'back')
    const name = front.filter((b) => b.role === 'name')
    const title = front.filter((b) => b.role === 'title')
    expect(name.find((b) => b.lang === 'mn')!.layout.lines).toHaveLength(1)
    for (const b of name) expect(mmOf(b.layout.visualSize, p)).toBeGreaterThanOrEqual(20)
    for (const b of title) expect(mmOf(b.layout.visualSize, p)).toBeGreaterThanOrEqual(8 - 0.01)
    const nameBottom = Math.max(...name.map((b) => b.extent.y1))
    const titleTop = Math.min(...title.map((b) => b.extent.y0))
    expect(mmOf(titleTop - nameBottom, p)).toBeGreaterThanOrEqual(5)
    expect(complianceOf(env, p, d).pass).toBe(true)
  })

  it('a short name keeps its column', () => {
    const p = prepare(env, 'desk-card', { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师' })
    const mn = designOf(env, p).blocks.find((b) => b.role === 'name' && b.lang === 'mn')!
    expect(mn.layout.orientation).toBe('vertical')
    expect(mmOf(mn.layout.visualSize, p)).toBeGreaterThanOrEqual(30)
  })
})

describe('vertical punctuation and digits (defect 7)', () => {
  const col = (text: string) => layoutText(fonts, { text, orientation: 'vertical', fontSize: 72 })
  const pieceOf = (l: ReturnType<typeof col>, text: string) => l.lines.flatMap((x) => x.pieces).find((p) => p.text === text)

  it('sets “” as ﹁﹂ standing in the column (GB/T 15834), not curly quotes turned sideways', () => {
    const l = col('推行“一窗受理”')
    expect(l.text).toBe('推行﹁一窗受理﹂')
    expect(pieceOf(l, '﹁')!.mode).toBe('upright')
    expect(pieceOf(l, '﹂')!.mode).toBe('upright')
  })

  it('stands one or two digits side by side in one cell (纵中横), turns longer numbers with the line', () => {
    const l = col('第12届2026年')
    const two = pieceOf(l, '12')!
    expect(two.mode).toBe('upright')
    // One cell: one em down the column, the two digits within the column's width.
    expect(two.advance).toBeCloseTo(72, 6)
    expect(two.ink!.x1 - two.ink!.x0).toBeLessThanOrEqual(72)
    expect(two.ink!.y1 - two.ink!.y0).toBeLessThan(72)
    expect(pieceOf(l, '2026')!.mode).toBe('rotated')
    // Digits in a Mongolian column still turn with the line.
    const mn = col('2 ᠣᠨ')
    expect(mn.lines[0]!.pieces.every((p) => p.mode === 'rotated')).toBe(true)
  })
})

describe('push-in at a line end (defect 7)', () => {
  it('keeps 离不开。 on its line, the mark’s blank half past the end, its ink inside', () => {
    const size = 100
    const text = '各族人民离不开。'
    const l = layoutText(fonts, { text, orientation: 'horizontal', fontSize: size, maxLength: 7.6 * size })
    expect(l.lines.map((x) => x.text)).toEqual([text])
    expect(l.ink!.x1).toBeLessThanOrEqual(7.6 * size)
    const v = layoutText(fonts, { text, orientation: 'vertical', fontSize: size, maxLength: 7.6 * size })
    expect(v.lines).toHaveLength(1)
    expect(v.ink!.y1).toBeLessThanOrEqual(7.6 * size)
  })
})

describe('standing plaques spread down their full height (分散对齐, defect 5)', () => {
  it('阿拉善盟医院: the Chinese tracked and the Mongolian spaced between words, both as long as the plaque’s text area', () => {
    const d = design('door-plaque', { preset: 'vertical-400x2000', name_zh: '阿拉善盟医院', name_mn: 'ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠡᠮᠨᠡᠯᠭ᠎ᠡ' })
    const board = d.areas.find((a) => a.id === 'board')!.box
    const h = board.y1 - board.y0
    for (const b of d.blocks) {
      expect(b.layout.lines).toHaveLength(1)
      expect((b.extent.y1 - b.extent.y0) / h).toBeGreaterThan(0.95)
      expect(b.extent.y0).toBeGreaterThanOrEqual(board.y0 - 0.5)
      expect(b.extent.y1).toBeLessThanOrEqual(board.y1 + 0.5)
    }
    // The Mongolian letters stay joined: every word is one piece.
    const mn = d.blocks.find((b) => b.lang === 'mn')!
    expect(mn.layout.lines[0]!.pieces.filter((p) => p.text.trim()).map((p) => p.text)).toEqual(['ᠠᠯᠠᠱᠠ', 'ᠠᠶᠢᠮᠠᠭ', 'ᠤᠨ', 'ᠡᠮᠨᠡᠯᠭ᠎ᠡ'])
  })
})

describe('letterhead positions follow GB/T 9704-2012 (defect 9, part)', () => {
  it('mark top edge 35 mm below the type area (72 mm from the page top), number two lines below, red line 4 mm under it', () => {
    const p = prepare(env, 'letterhead', {
      preset: 'a4',
      org_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠡᠮᠨᠡᠯᠭ᠎ᠡ',
      org_zh: '阿拉善盟行政公署文件',
      docNumber: '阿署发〔2026〕12号',
    })
    const d = designOf(env, p)
    const mm = (px: number) => px / p.canvas.mm(1)
    const mark = d.blocks.filter((b) => b.role === 'authority')
    const markTop = Math.min(...mark.map((b) => b.extent.y0))
    const markBottom = Math.max(...mark.map((b) => b.extent.y1))
    expect(mm(markTop)).toBeCloseTo(72, 0)
    const num = d.blocks.find((b) => b.role === 'docNumber')!
    expect(mm(num.extent.y0 - markBottom)).toBeCloseTo((2 * 225) / 22, 0)
    expect(mm(Math.min(...mark.map((b) => b.layout.visualSize)))).toBeGreaterThanOrEqual(12)
  })
})

describe('digits take the weight of the Mongolian beside them (defect 10, part)', () => {
  it('2026 in a bold Mongolian line is drawn in the weight the Mongolian font has, not Noto Sans Bold', () => {
    const l = layoutText(fonts, { text: '2026 ᠣᠨ ᠤ', orientation: 'horizontal', fontSize: 64, style: { genre: 'sans', weight: 700 } })
    const ps = l.lines[0]!.pieces
    const mn = fonts.byId.get(ps.find((p) => p.script === 'Mong')!.fontId)!
    const digits = fonts.byId.get(ps.find((p) => p.text.includes('2026'))!.fontId)!
    expect(digits.weight).toBe(mn.weight)
    // Chinese beside them keeps the asked weight.
    const zh = layoutText(fonts, { text: '2026年', orientation: 'horizontal', fontSize: 64, style: { genre: 'sans', weight: 700 } })
    expect(fonts.byId.get(zh.lines[0]!.pieces[0]!.fontId)!.weight).toBe(700)
  })

  it('on a bold slogan banner, 2026 leading the Mongolian line is drawn as the Mongolian is (regular outlines, the same synthetic bold stroke), the Chinese line in its bold face', async () => {
    // The digits before the first Mongolian letter are in the Mongolian run: they once took Noto Sans Bold (no stroke) there.
    const l = layoutText(fonts, { text: '2026 ᠣᠨ ᠤ ᠮᠣᠩᠭᠣᠯ', orientation: 'horizontal', fontSize: 64, lang: 'mn', style: { genre: 'sans', weight: 700 } })
    expect(l.lines[0]!.pieces.map((p) => fonts.byId.get(p.fontId)!.weight)).toEqual([400, 400])
    const svg = await (await app.request(`/v1/render/slogan-banner.svg?${new URLSearchParams({ preset: 'screen-1920x480', mn: '2026 ᠣᠨ ᠤ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: '2026年蒙古语言' })}`)).text()
    const paths = (svg.match(/<path[^>]*>/g) ?? []).map((p) => ({ y: Number(/d="M[\d.-]+ ([\d.-]+)/.exec(p)![1]), stroke: /stroke-width="([^"]+)"/.exec(p)?.[1] }))
    const zhTop = Math.max(...paths.map((p) => p.y))
    const mnLine = paths.filter((p) => p.y < zhTop - 100)
    expect(mnLine.length).toBeGreaterThanOrEqual(1)
    const strokes = new Set(mnLine.map((p) => p.stroke))
    expect(strokes.size).toBe(1)
    expect(Number([...strokes][0])).toBeGreaterThan(0)
  })
})

describe('标点挤压: adjacent full-width punctuation leaves no full-width hole (defect 7)', () => {
  const pieces = (text: string) => layoutText(env.fonts, { text, orientation: 'horizontal', fontSize: 48 }).lines.flatMap((l) => l.pieces)
  const piece = (ps: ReturnType<typeof pieces>, text: string) => ps.find((p) => p.text === text || p.text.startsWith(text))!

  it('a closing quote, bracket or 、 before more punctuation is set half width, its ink clear of the next mark', () => {
    const ps = pieces('“民族团结”（2026年）《条例》、（见附件）。')
    for (const mark of ['”', '）', '》', '、']) {
      const p = piece(ps, mark)
      expect(p.advance, mark).toBeCloseTo(24, 1)
      const next = ps[ps.indexOf(p) + 1]!
      expect(next.origin.x, `${mark}: the next mark follows half an em on`).toBeCloseTo(p.origin.x + 24, 1)
      expect(p.ink!.x1, `${mark}: its ink stays in the half it keeps`).toBeLessThanOrEqual(next.origin.x + 0.5)
    }
    // The last mark of the line, and one before a letter, keep their full cell.
    expect(piece(ps, '。').advance).toBeCloseTo(48, 1)
  })

  it('leaves centred marks and marks before letters alone', () => {
    const length = (text: string) => layoutText(env.fonts, { text, orientation: 'horizontal', fontSize: 48 }).lines[0]!.length
    expect(length('注意：（一）')).toBeCloseTo(6 * 48, 1)
    expect(length('“团结”二字')).toBeCloseTo(6 * 48, 1)
    // The control: seven cells, the ” before （ squeezed by half.
    expect(length('“团结”（二）')).toBeCloseTo(6.5 * 48, 1)
  })
})

describe('标点挤压 in columns (defect 7)', () => {
  const size = 100
  const column = (text: string, maxLength?: number) =>
    layoutText(env.fonts, { text, orientation: 'vertical', fontSize: size, ...(maxLength !== undefined ? { maxLength } : {}) })
  const piecesOf = (text: string) => column(text).lines.flatMap((l) => l.pieces)

  it('a vertical form whose ink fills the upper half of its cell gives up the lower half before another mark', () => {
    // “ ” become ﹁ ﹂ in a column; ）》 turn into ︶ ︾ by the font's vert feature.
    for (const [pair, squeezed] of [
      ['结”（见', '﹂'],
      ['见）、各', '）'],
      ['结。”见', '。'],
      ['例》，见', '》'],
      ['结）：见', '）'],
    ] as const) {
      const ps = piecesOf(pair)
      const i = ps.findIndex((p) => p.text === squeezed)
      const [p, next] = [ps[i]!, ps[i + 1]!]
      expect(p.advance, pair).toBeCloseTo(size / 2, 1)
      expect(next.box.y0, `${pair}: the next mark follows half an em on`).toBeCloseTo(p.box.y0 + size / 2, 1)
      // From the glyph bounds: the squeezed mark's ink ends inside the half it keeps, above the next mark's ink.
      expect(p.ink!.y1, `${pair}: ink inside the kept half`).toBeLessThanOrEqual(p.box.y1 + 0.5)
      expect(p.ink!.y1, `${pair}: ink clear of the next mark`).toBeLessThan(next.ink!.y0)
    }
  })

  it('an opening form after a mark that fills its cell gives up its upper half, drawn that half higher', () => {
    const ps = piecesOf('注意：“团')
    const colon = ps.find((p) => p.text === '：')!
    const quote = ps.find((p) => p.text === '﹁')!
    expect(colon.advance).toBeCloseTo(size, 1)
    expect(quote.advance).toBeCloseTo(size / 2, 1)
    expect(quote.box.y0).toBeCloseTo(colon.box.y1, 1)
    // ﹁ inks the lower half of its cell: after the squeeze that is all of the half it keeps, clear of the colon.
    expect(quote.ink!.y0).toBeGreaterThanOrEqual(quote.box.y0 - 0.5)
    expect(quote.ink!.y1).toBeLessThanOrEqual(quote.box.y1 + 0.5)
    expect(colon.ink!.y1).toBeLessThan(quote.ink!.y0)
  })

  it('leaves marks that fill their cell, and marks before a character, full width', () => {
    const length = (text: string) => column(text).lines[0]!.length / size
    // ： ； ？ ！ stand centred in a column: no blank half, nothing to squeeze.
    expect(length('注意：；？！团')).toBeCloseTo(7, 3)
    expect(length('“团结”二字')).toBeCloseTo(6, 3)
    expect(length('（一）团')).toBeCloseTo(4, 3)
    // The control: ﹂ before （ squeezed, seven cells less a half.
    expect(length('“团结”（二）')).toBeCloseTo(6.5, 3)
  })

  it('squeezes upright marks inside a Mongolian column as well', () => {
    const l = column('ᠮᠣᠩᠭᠣᠯ 内蒙古「草原」。')
    const close = l.lines[0]!.pieces.find((p) => p.text === '」')!
    expect(close.advance).toBeCloseTo(size / 2, 1)
  })

  it('a column ends with push-in and squeeze rather than pushing 开。” to the next (no hole at the foot)', () => {
    // 他说：﹁各族人民离不开。﹂: 13 cells full width; ﹁ after ： and 。 before ﹂ squeezed, ﹂ hanging by its blank half.
    const text = '他说：“各族人民离不开。”'
    const max = 11.6 * size
    const l = column(text, max)
    expect(l.lines.map((x) => x.text)).toEqual([text.replace('“', '﹁').replace('”', '﹂')])
    expect(l.ink!.y1).toBeLessThanOrEqual(max)
    // It needs exactly 11.5 em (13 cells, less the two squeezed halves and the hanging half): a hair less and it breaks.
    expect(column(text, 11.45 * size).lines).toHaveLength(2)
  })

  it('a column’s ？ fills its cell, so it does not hang past the column foot', () => {
    const l = column('各族人民离不开？', 7.6 * size)
    expect(l.lines).toHaveLength(2)
    expect(l.ink!.y1).toBeLessThanOrEqual(7.6 * size)
  })
})

describe('condensed characters (长字, TextSpec.condense)', () => {
  const size = 100
  const line = (condense?: number, orientation: 'horizontal' | 'vertical' = 'horizontal') =>
    layoutText(env.fonts, { text: '教育体育局文件', orientation, fontSize: size, style: { genre: 'serif', weight: 700 }, ...(condense ? { condense } : {}) })

  it('narrows the line and its ink by the ratio, keeping the height and the visual size the rules compare', () => {
    const [plain, narrow] = [line(), line(0.5)]
    expect(narrow.lines[0]!.length).toBeCloseTo(plain.lines[0]!.length / 2, 3)
    expect(narrow.ink!.x1 - narrow.ink!.x0).toBeCloseTo((plain.ink!.x1 - plain.ink!.x0) / 2, 3)
    expect(narrow.ink!.y1 - narrow.ink!.y0).toBeCloseTo(plain.ink!.y1 - plain.ink!.y0, 6)
    expect(narrow.visualSize).toBe(plain.visualSize)
    expect(narrow.lines[0]!.pieces.every((p) => p.condense === 0.5)).toBe(true)
  })

  it('wraps by the condensed length, and leaves columns and an uncondensed line alone', () => {
    const wrapped = layoutText(env.fonts, { text: '教育体育局文件', orientation: 'horizontal', fontSize: size, maxLength: 4 * size, condense: 0.5 })
    expect(wrapped.lines).toHaveLength(1)
    expect(line(0.5, 'vertical').height).toBe(line(undefined, 'vertical').height)
    expect(line(1).lines[0]!.pieces.every((p) => p.condense === undefined)).toBe(true)
  })
})
