/**
 * What layout keeps between calls (prepared texts, fitted sizes) changes no result: a layout or a fit
 * from a font set that has laid the text out at many other sizes equals the one from a font set that
 * never saw it.
 */
import { describe, expect, it } from 'vitest'
import { loadFontSet, type FontSet } from '../src/fonts/font-set.js'
import { fitPair, type PairSpec } from '../src/text/bilingual.js'
import { fitText } from '../src/text/fit.js'
import { layoutText } from '../src/text/layout.js'
import type { TextSpec } from '../src/text/types.js'
import { env } from './helpers/env.js'

const warm = env.fonts
/** The same fonts with empty caches (the caches are kept per font set). */
const fresh = (): FontSet =>
  loadFontSet(
    warm.hb,
    warm.fonts.map((f) => ({ entry: f.entry, data: f.data })),
  )

const SPECS: TextSpec[] = [
  { text: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ᠃ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ᠂ ᠡᠮᠨᠡᠯᠭ\u180eᠡ᠂ ᠨᠣᠮ᠃', orientation: 'vertical', fontSize: 40, maxLength: 240 },
  { text: '设立宣传民族团结进步的展示墙，做到主题突出、构图严谨。', orientation: 'horizontal', fontSize: 32, maxLength: 400, tracking: 3 },
  { text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结 12 号', orientation: 'vertical', fontSize: 48, wordSpacing: 5 },
  { text: 'شىنجاڭ 新疆 ئۇنىۋېرسىتېتى 2026', orientation: 'horizontal', fontSize: 30, maxLength: 200 },
]

describe('layout caches', () => {
  it('lays a text out at one size the same after laying it out at others, with and without spacing', () => {
    for (const spec of SPECS) {
      const plain = { ...spec, tracking: 0, wordSpacing: 0 }
      for (let size = 9; size < 200; size *= 1.7) {
        layoutText(warm, { ...spec, fontSize: size })
        layoutText(warm, { ...plain, fontSize: size })
      }
      expect(layoutText(warm, spec), spec.text).toEqual(layoutText(fresh(), spec))
      expect(layoutText(warm, plain), spec.text).toEqual(layoutText(fresh(), plain))
    }
  })

  it('fits a text again to the same size and layout, also when it does not fit', () => {
    const spec = { text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', orientation: 'vertical' as const }
    for (const box of [
      { width: 300, height: 600 },
      { width: 20, height: 20 },
    ]) {
      const opts = { minSize: 12, maxSize: 400 }
      const first = fitText(warm, spec, box, opts)
      const again = fitText(warm, spec, box, opts)
      expect(again).toEqual(first)
      expect(again).toEqual(fitText(fresh(), spec, box, opts))
    }
  })

  it('fits a pair again to the same size and placement', () => {
    const spec: PairSpec = {
      parts: [
        { lang: 'mn', text: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ', orientation: 'horizontal' },
        { lang: 'zh', text: '蒙古语言文字', orientation: 'horizontal' },
      ],
      arrangement: 'stacked',
      box: { width: 1500, height: 380 },
      minInk: 14,
      maxInk: 480,
      spread: { maxTracking: 0.5 },
    }
    const first = fitPair(warm, spec)
    expect(first.fits).toBe(true)
    expect(fitPair(warm, spec)).toEqual(first)
    expect(fitPair(fresh(), spec)).toEqual(first)
  })
})
