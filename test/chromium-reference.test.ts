/**
 * Our vertical Mongolian against the reference renderer: headless Chromium's
 * `writing-mode: vertical-lr`, same strings, same font files. The inks must
 * agree in size and overlap; a mirrored or upside-down render must not. Vertical Chinese likewise
 * against `writing-mode: vertical-rl; line-height: 1.5` (the column pitch of issue 15).
 * Needs Debian's chromium (.ci/run installs it); skipped only outside CI when absent.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { fontFace, launchChromium } from './helpers/chromium.js'
import { skipWithout } from './helpers/tools.js'
import { app } from './helpers/env.js'
import { decodePng, inkOf, inkOverlap, transformInk } from './helpers/image.js'
import { MVS, NNBSP } from '../src/text/mongolian/controls.js'

const OUT = new URL('./out/', import.meta.url)

const CASES: { name: string; text: string; maxLength?: number }[] = [
  { name: 'mongol-bichig', text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ' },
  { name: 'surguuli', text: 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ' },
  { name: 'mvs', text: `ᠡᠮᠨᠡᠯᠭ${MVS}ᠡ` },
  { name: 'nnbsp', text: `ᠨᠣᠮ${NNBSP}ᠤᠨ` },
  // The 2023 standard's suffix connector (GB/T 25914-2023, UTN #57): needs Noto Sans Mongolian v3.
  { name: 'mvs-suffix', text: `ᠨᠣᠮ${MVS}ᠤᠨ` },
  { name: 'mixed', text: 'ᠮᠣᠩᠭᠣᠯ 2024 民族团结' },
  { name: 'columns', text: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ', maxLength: 300 },
]

describe.skipIf(skipWithout('chromium'))('vertical Mongolian matches Chromium vertical-lr', () => {
  let browser: Browser
  let css: string
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    browser = await launchChromium()
    css = fontFace('M', 'mongolian') + fontFace('L', 'latin') + fontFace('S', 'han-sans')
  })
  afterAll(async () => browser?.close())

  async function chromiumInk(text: string, maxLength?: number) {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    const height = maxLength ? `height:${maxLength}px;` : ''
    await page.setContent(
      `<style>${css} body{margin:0;background:#fff} #t{display:inline-block;writing-mode:vertical-lr;font:64px M,L,S;color:#000;padding:16px;${height}}</style><div id="t"></div>`,
    )
    await page.evaluate((t) => {
      document.getElementById('t')!.textContent = t
      return document.fonts.ready
    }, text)
    const png = await page.locator('#t').screenshot()
    await page.close()
    return png
  }

  for (const c of CASES) {
    it(c.name, async () => {
      const params = new URLSearchParams({ text: c.text, size: '64', padding: '16', ...(c.maxLength ? { maxLength: String(c.maxLength) } : {}) })
      const ours = new Uint8Array(await (await app.request(`/v1/text.png?${params}`)).arrayBuffer())
      const theirs = await chromiumInk(c.text, c.maxLength)
      writeFileSync(new URL(`${c.name}.qoyar.png`, OUT), ours)
      writeFileSync(new URL(`${c.name}.chromium.png`, OUT), theirs)
      const a = inkOf(decodePng(ours))
      const b = inkOf(decodePng(theirs))
      const size = (i: typeof a) => [i.bbox!.x1 - i.bbox!.x0, i.bbox!.y1 - i.bbox!.y0]
      const [aw, ah] = size(a)
      const [bw, bh] = size(b)
      expect(Math.abs(aw! - bw!), `ink width ${aw} vs ${bw}`).toBeLessThanOrEqual(3)
      expect(Math.abs(ah! - bh!), `ink height ${ah} vs ${bh}`).toBeLessThanOrEqual(3)
      const iou = inkOverlap(a, b)
      expect(iou, `ink overlap ${iou.toFixed(3)}`).toBeGreaterThan(0.8)
      // Negative controls: the classic mistakes must not pass this test.
      expect(inkOverlap(transformInk(a, 'mirror-x'), b)).toBeLessThan(iou - 0.2)
      expect(inkOverlap(transformInk(a, 'rotate-180'), b)).toBeLessThan(iou - 0.2)
    })
  }
})

/** Vertical Chinese columns against Chromium's vertical-rl at line-height 1.5 (issue 15: column pitch, top alignment). */
// Texts whose balanced breaks are also Chromium's greedy ones (full columns, no orphan), so the same
// characters stand in the same columns.
const ZH_CASES: { name: string; text: string; maxLength: number }[] = [
  { name: 'zh-two-columns', text: '民族团结进步繁荣', maxLength: 4 * 64 + 8 },
  { name: 'zh-three-columns', text: '民族团结进步繁荣社会和谐', maxLength: 4 * 64 + 8 },
]

describe.skipIf(skipWithout('chromium'))('vertical Chinese matches Chromium vertical-rl, line-height 1.5', () => {
  let browser: Browser
  let css: string
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    browser = await launchChromium()
    css = fontFace('S', 'han-sans')
  })
  afterAll(async () => browser?.close())

  for (const c of ZH_CASES) {
    it(c.name, async () => {
      const page = await browser.newPage({ deviceScaleFactor: 1 })
      await page.setContent(
        `<style>${css} body{margin:0;background:#fff} #t{display:inline-block;writing-mode:vertical-rl;font:64px S;line-height:1.5;color:#000;padding:16px;height:${c.maxLength}px}</style><div id="t"></div>`,
      )
      await page.evaluate((t) => {
        document.getElementById('t')!.textContent = t
        return document.fonts.ready
      }, c.text)
      const theirs = await page.locator('#t').screenshot()
      await page.close()
      const params = new URLSearchParams({ text: c.text, size: '64', padding: '16', orientation: 'vertical', maxLength: String(c.maxLength) })
      const ours = new Uint8Array(await (await app.request(`/v1/text.png?${params}`)).arrayBuffer())
      writeFileSync(new URL(`${c.name}.qoyar.png`, OUT), ours)
      writeFileSync(new URL(`${c.name}.chromium.png`, OUT), theirs)
      const a = inkOf(decodePng(ours))
      const b = inkOf(decodePng(theirs))
      const [aw, ah] = [a.bbox!.x1 - a.bbox!.x0, a.bbox!.y1 - a.bbox!.y0]
      const [bw, bh] = [b.bbox!.x1 - b.bbox!.x0, b.bbox!.y1 - b.bbox!.y0]
      // Same column pitch: the ink spans the same width across its columns; same column length.
      expect(Math.abs(aw - bw), `ink width ${aw} vs ${bw}`).toBeLessThanOrEqual(4)
      expect(Math.abs(ah - bh), `ink height ${ah} vs ${bh}`).toBeLessThanOrEqual(4)
      const iou = inkOverlap(a, b)
      expect(iou, `ink overlap ${iou.toFixed(3)}`).toBeGreaterThan(0.75)
      expect(inkOverlap(transformInk(a, 'mirror-x'), b)).toBeLessThan(iou - 0.2)
    })
  }
})
