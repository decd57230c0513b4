/**
 * What the reference renders cover: every template's example and the gallery's
 * variants, every template for every other region, the /v1/text cases of the
 * README, and typesetting cases (mixed
 * scripts, breaking, joining controls) drawn through /v1/text.
 */
import type { AppEnv } from '../../src/env.js'
import { variantsOf } from '../../scripts/variants.js'
import { MVS, NNBSP } from '../../src/text/mongolian/controls.js'
import { EMNELGE } from './mongolian.js'

export interface ReferenceCase {
  /** File name in test/reference/ (without .png); template cases use the gallery's names. */
  name: string
  /** The template whose version the render is under; absent for /v1/text. */
  template?: string
  request: { path: string; init?: RequestInit }
}

/** /v1/text parameters: the README's examples first, then typesetting cases. */
const TEXT_CASES: Record<string, Record<string, string>> = {
  'text.mongol': { text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ' },
  'text.mixed-red': { text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结', size: '96', color: 'c8102e' },
  'text.zh-vertical': { text: '民族团结，共同进步。', orientation: 'vertical' },
  'text.zh-horizontal': { text: '民族团结，共同进步。' },
  'text.transparent': { text: 'ᠮᠣᠩᠭᠣᠯ', background: 'transparent', color: '#1f4e9c' },
  // Digits and Latin turn sideways in a column, Han stays upright with its vert punctuation.
  'typeset.vertical-mixed': { text: 'ᠮᠣᠩᠭᠣᠯ 2024 ABC 内蒙古「草原」。', size: '48' },
  // The Mongolian variation selector picks the final form; NNBSP keeps the suffix attached.
  'typeset.mvs-nnbsp': { text: `${EMNELGE} ᠪᠢᠴᠢᠭ${NNBSP}ᠦᠨ`, size: '64' },
  // Columns wrap at spaces and after ᠂ ᠃, left to right.
  'typeset.wrap-columns': { text: `ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ᠃ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ᠂ ᠡᠮᠨᠡᠯᠭ${MVS}ᠡ᠂ ᠨᠣᠮ᠃`, size: '40', maxLength: '240' },
  'typeset.newline-columns': { text: 'ᠮᠣᠩᠭᠣᠯ\nᠪᠢᠴᠢᠭ', size: '64' },
  'typeset.mongolian-horizontal': { text: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', orientation: 'horizontal', size: '48' },
  // Chinese lines break between ideographs, never before closing punctuation.
  'typeset.wrap-lines-zh': { text: '设立宣传民族团结进步的展示墙和活动宣传栏，做到主题突出、构图严谨。', size: '32', maxLength: '400' },
  'typeset.wrap-columns-zh': { text: '民族团结是各族人民的生命线，共同进步。', orientation: 'vertical', size: '32', maxLength: '260' },
  'typeset.latin': { text: 'Hohhot 2024 – Ulaanbaatar', size: '40' },
  // 标点挤压: ”（ ）《 》、 （ set without a full-width hole.
  'typeset.punctuation-squeeze': { text: '“民族团结”（2026年）《条例》、（见附件）。', orientation: 'horizontal', size: '48' },
  // 标点挤压 in a column: ﹂︵ ︶、 。﹂ ︾， ︓﹁ set by where each vertical form's ink sits; ：；？！ keep their cells.
  'typeset.punctuation-squeeze-vertical': {
    text: '他说：“民族团结。”（二〇二六年）、《条例》，（见附件）。注意：？',
    orientation: 'vertical',
    size: '48',
    maxLength: '720',
  },
}

/** Template cases beyond the examples: a designer's tuning and manual breaks (the tune field, under the keys the studio's GET URL carries), and typesetting cases of whole signs. */
const TUNED_CASES: { name: string; template: string; fields: Record<string, string> }[] = [
  // The name at 0.9 of its fitted size in both scripts, the Chinese title spaced out by 0.3 em.
  {
    name: 'tune.desk-card',
    template: 'desk-card',
    fields: { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师', 'tune.name.size': '0.9', 'tune.title:zh.letter': '0.3', dpi: '100' },
  },
  // A standing plaque's Mongolian name in two columns by a manual break (U+2028), set 1.3 × further apart.
  {
    name: 'tune.door-plaque-break',
    template: 'door-plaque',
    fields: { name_mn: `ᠮᠣᠩᠭᠣᠯ\u2028${EMNELGE}`, name_zh: '蒙古医院', preset: 'vertical-300x1500', 'tune.name:mn.line': '1.3' },
  },
  // Issue 15 defect 3: a short Mongolian text leaves the Chinese to set the size; the slogan breaks at its comma.
  {
    name: 'typeset.a3-comma',
    template: 'slogan-banner',
    fields: { preset: 'a3-poster', mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', zh: '铸牢中华民族共同体意识，促进各民族交往交流交融', dpi: '60' },
  },
  // Korean and Chinese lines broken by hand on a Yanbian banner, the Chinese letters spaced.
  {
    name: 'tune.yanbian-banner-break',
    template: 'slogan-banner',
    fields: { region: 'yanbian', ko: '연변조선족\u2028자치주', zh: '延边朝鲜族\u2028自治州', preset: 'screen-1920x480', 'tune.slogan:zh.letter': '0.15' },
  },
]

export function referenceCases(env: AppEnv): ReferenceCase[] {
  const variants = variantsOf(env.examples)
  const cases: ReferenceCase[] = []
  for (const t of env.templates) {
    const inputs = [env.examples[t.id] ?? {}, ...(variants[t.id] ?? [])]
    for (const [i, fields] of inputs.entries())
      cases.push({
        name: i === 0 ? `${t.id}.example` : `${t.id}.${i}`,
        template: t.id,
        request: { path: `/v1/render/${t.id}.svg`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) } },
      })
  }
  // Every template for every other region, from its pack example (templates/pack-examples.json).
  for (const [region, examples] of Object.entries(env.packExamples))
    for (const [id, fields] of Object.entries(examples))
      cases.push({
        name: `${region}.${id}`,
        template: id,
        request: {
          path: `/v1/render/${id}.svg`,
          init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fields, region }) },
        },
      })
  // As flat keys in a JSON body: the same input, bytes and ETag as the studio's GET URL of them (tune.test.ts).
  for (const c of TUNED_CASES)
    cases.push({
      name: c.name,
      template: c.template,
      request: {
        path: `/v1/render/${c.template}.svg`,
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.fields) },
      },
    })
  for (const [name, params] of Object.entries(TEXT_CASES)) cases.push({ name, request: { path: `/v1/text.svg?${new URLSearchParams(params)}` } })
  return cases
}
