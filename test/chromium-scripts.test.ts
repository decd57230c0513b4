/**
 * Korean, Uyghur, Kazakh and Tibetan against headless Chromium given the same
 * font files, `lang` and `dir`: the inks must agree in size and overlap, and,
 * for right-to-left lines, the word positions (ink islands along the line)
 * must agree: order is measured, not judged by eye. A mirrored render must fail.
 * Needs Debian's chromium; skipped only outside CI when absent.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { fontFace, launchChromium } from './helpers/chromium.js'
import { skipWithout } from './helpers/tools.js'
import { app } from './helpers/env.js'
import { decodePng, inkOf, inkOverlap, transformInk, type Ink } from './helpers/image.js'

const OUT = new URL('./out/', import.meta.url)

interface Case {
  name: string
  text: string
  lang: string
  dir: 'ltr' | 'rtl'
  family: string
  vertical?: boolean
  maxLength?: number
  /** CSS line-height for Chromium's columns: qoyar sets upright (Chinese, Korean) columns 1.5 em apart, as clreq asks. */
  lineHeight?: number
}

const SCRIPT_CASES: Case[] = [
  { name: 'ko-horizontal', text: '연변조선족자치주 인민정부', lang: 'ko', dir: 'ltr', family: 'K,S' },
  { name: 'ko-vertical', text: '연변 조선족 자치주', lang: 'ko', dir: 'ltr', family: 'K,S', vertical: true },
  // Columns by line ends: Chromium counts a space hanging at a column's end in the column's line box (≈5 px wider each).
  { name: 'ko-vertical-columns', text: '연변\n조선족\n자치주', lang: 'ko', dir: 'ltr', family: 'K,S', vertical: true, lineHeight: 1.5 },
  { name: 'ug-words', text: 'شىنجاڭ ئۇيغۇر ئاپتونوم رايونى', lang: 'ug', dir: 'rtl', family: 'N,L,S' },
  { name: 'ug-han', text: 'شىنجاڭ 新疆 ئۇنىۋېرسىتېتى', lang: 'ug', dir: 'rtl', family: 'N,L,S' },
  { name: 'ug-digits', text: 'مەكتەپ 2026 يىلى', lang: 'ug', dir: 'rtl', family: 'N,L,S' },
  { name: 'ug-brackets', text: 'شىنجاڭ (ئۈرۈمچى) 2026', lang: 'ug', dir: 'rtl', family: 'N,L,S' },
  // A full stop and an Arabic comma end their words on the left, as a right-to-left line ends (they were once drawn on the right).
  { name: 'ug-punctuation', text: 'ئۇيغۇر تىلى. مەكتەپ، كىتاب.', lang: 'ug', dir: 'rtl', family: 'N,L,S' },
  { name: 'kk-words', text: 'قازاق تىلى', lang: 'kk', dir: 'rtl', family: 'N,L,S' },
  { name: 'bo-horizontal', text: 'བོད་ཡིག་ སྒྲིག་འཛུགས།', lang: 'bo', dir: 'ltr', family: 'T,L,S' },
]

/**
 * The ink grown by one pixel each way: Hangul and Tibetan strokes are a few
 * pixels wide, so a sub-pixel difference in pen position halves a raw overlap;
 * compared grown, placement counts and anti-aliasing does not.
 */
function grown(ink: Ink): Ink {
  const mask = new Uint8Array(ink.mask.length)
  let count = 0
  for (let y = 0; y < ink.height; y++)
    for (let x = 0; x < ink.width; x++) {
      let on = 0
      for (let dy = -1; dy <= 1 && !on; dy++)
        for (let dx = -1; dx <= 1 && !on; dx++) {
          const px = x + dx
          const py = y + dy
          if (px >= 0 && py >= 0 && px < ink.width && py < ink.height && ink.mask[py * ink.width + px]) on = 1
        }
      if (on) {
        mask[y * ink.width + x] = 1
        count++
      }
    }
  const b = ink.bbox
  return {
    ...ink,
    mask,
    count,
    bbox: b && { x0: Math.max(0, b.x0 - 1), y0: Math.max(0, b.y0 - 1), x1: Math.min(ink.width, b.x1 + 1), y1: Math.min(ink.height, b.y1 + 1) },
  }
}

/** Runs of inked columns along x, gaps narrower than `gap` px bridged: the words of a line, in picture order. */
function islands(ink: Ink, gap: number): [number, number][] {
  const cols = new Uint8Array(ink.width)
  for (let y = 0; y < ink.height; y++) for (let x = 0; x < ink.width; x++) if (ink.mask[y * ink.width + x]) cols[x] = 1
  const out: [number, number][] = []
  for (let x = 0; x < ink.width; x++) {
    if (!cols[x]) continue
    const last = out[out.length - 1]
    if (last && x - last[1] <= gap) last[1] = x + 1
    else out.push([x, x + 1])
  }
  const x0 = ink.bbox?.x0 ?? 0
  return out.map(([a, b]) => [a - x0, b - x0])
}

describe.skipIf(skipWithout('chromium'))('Korean, Uyghur, Kazakh and Tibetan match Chromium', () => {
  let browser: Browser
  let css: string
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    browser = await launchChromium()
    css = fontFace('K', 'hangul') + fontFace('N', 'arabic') + fontFace('T', 'tibetan') + fontFace('L', 'latin') + fontFace('S', 'han-sans')
  })
  afterAll(async () => browser?.close())

  async function chromiumPng(c: Case) {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    // Vertical: columns one em apart, as qoyar sets Chinese and Korean columns (CSS normal would be the font's 1.45 em).
    const mode = c.vertical ? 'writing-mode:vertical-rl;' : ''
    const limit = c.maxLength ? (c.vertical ? `height:${c.maxLength}px;` : `width:${c.maxLength}px;`) : 'white-space:pre;'
    const keep = c.lang === 'ko' ? 'word-break:keep-all;' : ''
    await page.setContent(
      `<style>${css} body{margin:0;background:#fff} #t{display:inline-block;${mode}${limit}${keep}font:64px ${c.family};${c.vertical ? `line-height:${c.lineHeight ?? 1};` : ''}color:#000;padding:16px}</style><div id="t" lang="${c.lang}" dir="${c.dir}"></div>`,
    )
    await page.evaluate((t) => {
      document.getElementById('t')!.textContent = t
      return document.fonts.ready
    }, c.text)
    const png = await page.locator('#t').screenshot()
    await page.close()
    return png
  }

  for (const c of SCRIPT_CASES) {
    it(c.name, async () => {
      const params = new URLSearchParams({
        text: c.text,
        lang: c.lang,
        size: '64',
        padding: '16',
        orientation: c.vertical ? 'vertical' : 'horizontal',
        ...(c.maxLength ? { maxLength: String(c.maxLength) } : {}),
      })
      const res = await app.request(`/v1/text.png?${params}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('X-Qoyar-Direction')).toBe(c.dir)
      const ours = new Uint8Array(await res.arrayBuffer())
      const theirs = await chromiumPng(c)
      writeFileSync(new URL(`${c.name}.qoyar.png`, OUT), ours)
      writeFileSync(new URL(`${c.name}.chromium.png`, OUT), theirs)
      const a = inkOf(decodePng(ours))
      const b = inkOf(decodePng(theirs))
      const size = (i: Ink) => [i.bbox!.x1 - i.bbox!.x0, i.bbox!.y1 - i.bbox!.y0]
      const [aw, ah] = size(a)
      const [bw, bh] = size(b)
      expect(Math.abs(aw! - bw!), `ink width ${aw} vs ${bw}`).toBeLessThanOrEqual(3)
      expect(Math.abs(ah! - bh!), `ink height ${ah} vs ${bh}`).toBeLessThanOrEqual(3)
      const iou = inkOverlap(grown(a), grown(b))
      expect(iou, `ink overlap (grown 1 px) ${iou.toFixed(3)}`).toBeGreaterThan(0.8)
      expect(inkOverlap(grown(transformInk(a, 'mirror-x')), grown(b))).toBeLessThan(iou - 0.2)
      if (!c.vertical) {
        // Word positions along the line (ink runs split by gaps over 3 px: words, and letters a word leaves unjoined): same islands, each edge within 3 px.
        const ia = islands(a, 3)
        const ib = islands(b, 3)
        expect(ia.length, `islands ${JSON.stringify(ia)} vs ${JSON.stringify(ib)}`).toBe(ib.length)
        ia.forEach(([x0, x1], i) => {
          expect(Math.abs(x0 - ib[i]![0])).toBeLessThanOrEqual(3)
          expect(Math.abs(x1 - ib[i]![1])).toBeLessThanOrEqual(3)
        })
      }
    })
  }
})
