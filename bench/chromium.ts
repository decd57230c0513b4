/**
 * Baseline 1: Debian's headless Chromium through playwright-core, one warm page.
 * A render = set the text(s) + wait for document.fonts.ready + element screenshot (PNG).
 * Playwright's element screenshot (locator.screenshot) adds its own checks and
 * round trips, so the 'clip' mode (boundingBox + page.screenshot({clip})) is timed
 * too, as a floor for what a leaner Chromium integration would pay.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { ChromiumScene } from './cases.js'
import { fontFaceCss } from './fonts.js'
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/tools.js'

// The tests' Chromium: the same binary and flags, so a bench measures what the comparison tests run.
export const CHROMIUM_PATH = CHROMIUM

const DEFAULT_VIEWPORT = { width: 1280, height: 2600 }

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM_PATH)

/** element: locator.screenshot() (the baseline); clip: boundingBox() + page.screenshot({ clip }). */
export type ScreenshotMode = 'element' | 'clip'

export interface ChromiumSession {
  browser: Browser
  page: Page
  launchMs: number
  version: string
  /** Load the scene's page (and its viewport) if it is not the one loaded; returns the ms it took (0 if already loaded). */
  load(scene: ChromiumScene): Promise<number>
  /** Render once: returns the PNG. */
  render(scene: ChromiumScene, mode?: ScreenshotMode): Promise<Buffer>
  close(): Promise<void>
}

export async function startChromium(): Promise<ChromiumSession> {
  const t0 = performance.now()
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const launchMs = performance.now() - t0
  // Tall enough that the longest column fits without Playwright resizing the viewport per shot;
  // a scene with a fixed canvas (a template) sets its own viewport when it is loaded.
  const page = await browser.newPage({ deviceScaleFactor: 1, viewport: DEFAULT_VIEWPORT })
  const css = fontFaceCss()
  let loaded: string | undefined
  let viewport = DEFAULT_VIEWPORT
  const load = async (scene: ChromiumScene) => {
    const html = scene.html(css)
    if (html === loaded) return 0
    const t0 = performance.now()
    const wanted = scene.viewport ?? DEFAULT_VIEWPORT
    if (wanted.width !== viewport.width || wanted.height !== viewport.height) {
      await page.setViewportSize(wanted)
      viewport = wanted
    }
    await page.setContent(html)
    loaded = html
    return performance.now() - t0
  }
  return {
    browser,
    page,
    launchMs,
    version: browser.version(),
    load,
    async render(scene, mode = 'element') {
      await load(scene)
      await page.evaluate((fields) => {
        for (const [selector, text] of fields) for (const el of document.querySelectorAll(selector)) el.textContent = text
        return document.fonts.ready.then(() => undefined)
      }, Object.entries(scene.fields))
      const target = page.locator(scene.selector)
      if (mode === 'element') return target.screenshot()
      const clip = await target.boundingBox()
      if (!clip) throw new Error(`${scene.selector} has no box`)
      return page.screenshot({ clip })
    },
    close: () => browser.close(),
  }
}

export interface ProcessMemory {
  processes: number
  rssKb: number
  pssKb: number | undefined
}

/**
 * RSS and PSS summed over the Chromium processes this Node process started (its
 * descendants in /proc), so other Chromiums on the machine are not counted.
 * RSS double-counts shared pages; PSS (smaps_rollup) splits them fairly.
 */
export function chromiumMemory(): ProcessMemory {
  const parent = new Map<number, number>()
  const name = new Map<number, string>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8')
      parent.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]))
      name.set(Number(entry), /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '')
    } catch {
      // process ended while we looked
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true
    return false
  }
  let processes = 0
  let rssKb = 0
  let pssKb: number | undefined = 0
  for (const pid of parent.keys()) {
    if (!descends(pid) || !/chrom/i.test(name.get(pid) ?? '')) continue
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      rssKb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
      processes++
      if (pssKb !== undefined) {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
        pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
      }
    } catch {
      pssKb = undefined
    }
  }
  return { processes, rssKb, pssKb }
}
