/**
 * The studio (GET /studio): the page itself without a browser, then the real
 * thing in Debian's Chromium against the app on a loopback port: pick a
 * template, type both scripts, watch the preview and the compliance report
 * follow, switch to English, download. Screenshots land in test/out/ for
 * people to look at. Skipped only outside CI when chromium is absent.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import ExcelJS from 'exceljs'
import type { BrowserContext, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STUDIO_JS } from '../src/studio/generated/client.js'
import { designFile } from '../src/design-file.js'
import type { CheckResponse, FieldSchema, TemplateInfo } from '../src/studio/client/api.js'
import { studioHints } from '../src/studio/hints.js'
import { app, env } from './helpers/env.js'
import { decodePng } from './helpers/image.js'
import { openStudio, type StudioSession } from './helpers/studio-session.js'
import { skipWithout } from './helpers/tools.js'
import { MVS } from '../src/text/mongolian/controls.js'
import { q } from './helpers/http.js'
import { readOfficeDir } from '../src/node/office-files.js'
import { bundledData } from '../src/bundled.js'
import { createApp } from '../src/app.js'

const OUT = new URL('./out/studio/', import.meta.url)
const OFFICE = await readOfficeDir(new URL('./fixtures/office/', import.meta.url).pathname)
const officeApp = createApp({ ...env, ...bundledData(OFFICE), cache: undefined })
/** A studio string in either interface language (earlier tests may have switched it), with its {{params}} filled. */
const studioText = (key: string, params: Record<string, string | number> = {}) =>
  (['zh', 'en'] as const).map((lang) => {
    const strings = JSON.parse(readFileSync(new URL(`../locales/${lang}/studio.json`, import.meta.url), 'utf8')) as Record<string, Record<string, string>>
    const [section, name] = key.split('.') as [string, string]
    return strings[section]![name]!.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k]))
  })
const bootOf = (html: string) =>
  JSON.parse(html.match(/<script type="application\/json" id="studio-boot">([\s\S]*?)<\/script>/)![1]!) as Record<string, unknown>

/** A PNG of one colour (or two halves: left and right), as a picture input takes it. */
function png(width: number, height: number, left: number[], right = left): Buffer {
  const p = new PNG({ width, height })
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) p.data.set([...(x < width / 2 ? left : right), 255], (y * width + x) * 4)
  return PNG.sync.write(p)
}

describe('GET /studio', () => {
  it('is an HTML page in Chinese by default, English with lang=en, Chinese for lang=mn (no reviewed Mongolian interface)', async () => {
    for (const [query, lang, label] of [
      ['', 'zh-Hans', '模板'],
      ['?lang=en', 'en', 'Template'],
      ['?lang=mn', 'zh-Hans', '模板'],
    ] as const) {
      const res = await app.request(`/studio${query}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      const html = await res.text()
      expect(html).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${lang}">`))
      expect(html).toContain(`<label for="template">${label}</label>`)
      const boot = JSON.parse(html.match(/<script type="application\/json" id="studio-boot">([\s\S]*?)<\/script>/)![1]!) as {
        lang: string
        strings: { title: string }
      }
      expect(boot.lang).toBe(lang === 'en' ? 'en' : 'zh')
      expect(boot.strings.title).toBeTruthy()
    }
  })

  it('loads nothing from outside the app: no http:// or https:// in the page, its script or its stylesheet', async () => {
    for (const lang of ['zh', 'en']) {
      const html = await (await app.request(`/studio?lang=${lang}`)).text()
      expect(html).not.toMatch(/https?:\/\//i)
      const refs = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)
      for (const ref of refs) expect(ref, ref).toMatch(/^(\/studio\/|\?lang=|#|data:,$)/)
      for (const ref of refs.filter((r) => r.startsWith('/studio/'))) {
        const res = await app.request(ref)
        expect(res.status, ref).toBe(200)
        const text = await res.text()
        // XML namespaces are names, not addresses: SVG's for the overlays, SpreadsheetML's for reading .xlsx.
        const names = [
          'http://www.w3.org/2000/svg',
          'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
          'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
        ]
        expect(
          names.reduce((t, n) => t.replaceAll(n, ''), text),
          ref,
        ).not.toMatch(/https?:\/\//i)
        expect(res.headers.get('cache-control'), ref).toContain('immutable')
      }
    }
  })

  it('serves the Mongolian font for the input fields from the bytes the renderer holds', async () => {
    const res = await app.request('/studio/fonts/mongolian.ttf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('font/ttf')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const font = env.fonts.fonts.find((f) => f.role === 'mongolian')!
    expect(bytes.byteLength).toBe(font.data.byteLength)
    const again = await app.request('/studio/fonts/mongolian.ttf', { headers: { 'If-None-Match': res.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('ships a script that parses, and knows which fields take colours and slogans', () => {
    expect(() => new Function(STUDIO_JS)).not.toThrow()
    const hints = studioHints(env)
    expect(hints['slogan-banner']).toMatchObject({
      colors: ['background', 'color'],
      colorDefaults: { background: '#c8102e', color: '#ffffff' },
      sloganFields: { mn: 'mn', zh: 'zh' },
    })
    expect(hints['desk-card']!.colors).toEqual(expect.arrayContaining(['background', 'color', 'accent']))
    expect(hints['desk-card']!.sloganFields).toBeUndefined()
    // Brand colours by role, into each template's own colour fields; the emblem where a template has its slot.
    expect(hints['slogan-banner']).toMatchObject({ brandColors: { primary: 'background', onPrimary: 'color' }, emblem: false })
    expect(hints['letterhead']).toMatchObject({ brandColors: { primary: 'color' }, emblem: true })
    for (const [id, h] of Object.entries(hints)) for (const field of Object.values(h.brandColors)) expect(h.colors, `${id}.${field}`).toContain(field)
  })

  it("with an office's data, shows its brand (name, colours, emblem) from the data the templates default to", async () => {
    const boot = bootOf(await (await officeApp.request('/studio')).text())
    expect(boot.office).toEqual({
      data: OFFICE.origin,
      name: { zh: '测试单位', en: 'Test office' },
      colors: { red: '#b5121b', gold: '#f2c200', ink: '#202020' },
      emblem: OFFICE.files['emblem.png'],
    })
    expect(bootOf(await (await app.request('/studio')).text()).office).toBeUndefined()
  })
})

describe.skipIf(skipWithout('chromium'))('the studio in Chromium', () => {
  let session: StudioSession
  let base: string
  let context: BrowserContext
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    session = await openStudio(app.fetch, { width: 1400, height: 1000 }, errors)
    ;({ base, context, page } = session)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  })

  afterAll(async () => {
    await session?.close()
  })

  interface PreviewState {
    state?: string
    etag?: string
    seq?: string
    size?: string
    template?: string
    errorCode?: string
    error: string
  }
  const preview = (): Promise<PreviewState> =>
    page.evaluate(() => {
      const f = document.getElementById('preview')!
      return { ...f.dataset, error: document.getElementById('error')!.textContent ?? '' }
    })
  /** Waits until the preview shows `etag` (or any new render after `afterSeq`) and nothing is in flight. */
  const previewSettles = async (until: { etag?: string; afterSeq?: number; template?: string }) => {
    await page.waitForFunction(
      ({ etag, afterSeq, template }) => {
        const f = document.getElementById('preview')!
        if (f.dataset.state !== 'ok' || f.hasAttribute('aria-busy')) return false
        if (etag !== undefined && f.dataset.etag !== etag) return false
        if (afterSeq !== undefined && Number(f.dataset.seq) <= afterSeq) return false
        if (template !== undefined && f.dataset.template !== template) return false
        return true
      },
      until,
      { timeout: 15_000 },
    )
    return preview()
  }
  const etagOf = async (template: string, params: Record<string, string>) => (await app.request(`/v1/render/${template}.svg?${q(params)}`)).headers.get('etag')!

  it('loads in Chinese and previews the first template, slogan-banner, from its example', async () => {
    await page.goto(`${base}/studio`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans')
    const p = await previewSettles({ template: 'slogan-banner' })
    expect(p.size).toBe('1920x480')
    expect(p.etag).toBe(await etagOf('slogan-banner', env.examples['slogan-banner'] as Record<string, string>))
    // A banner has no fold to show.
    expect(await page.locator('#ov-fold').isVisible()).toBe(false)
    expect(await page.locator('label[for="template"]').textContent()).toBe('模板')
    expect(await page.locator('#report-summary').getAttribute('data-pass')).toBe('true')
    await page.screenshot({ path: new URL('studio-zh.png', OUT).pathname, fullPage: true })
  })

  it('labels every control, and shows Mongolian fields vertically in our Mongolian font', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const labels = (el as HTMLInputElement).labels
          return !(labels && labels.length) && !el.getAttribute('aria-label') && !(el.tagName === 'BUTTON' && el.textContent?.trim())
        })
        .map((el) => el.id || el.outerHTML.slice(0, 80)),
    )
    expect(unlabelled).toEqual([])
    const mn = page.locator('#f-mn')
    expect(await mn.getAttribute('lang')).toBe('mn-Mong')
    expect(await mn.evaluate((el) => getComputedStyle(el).writingMode)).toBe('vertical-lr')
    expect(await mn.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Qoyar Mongolian')
    expect(await page.evaluate(async () => (await document.fonts.load('20px "Qoyar Mongolian"', 'ᠮᠣᠩᠭᠣᠯ')).length)).toBeGreaterThan(0)
    expect(await page.locator('#f-zh').getAttribute('lang')).toBe('zh-Hans')
    // Required fields say so; colours get pickers; enums get selects; numbers keep their limits.
    expect(await page.locator('label[for="f-mn"] .req').count()).toBe(1)
    expect(await page.locator('#f-background').getAttribute('type')).toBe('color')
    expect(await page.locator('#f-background-transparent').count()).toBe(1)
    expect(await page.locator('#f-order option').allTextContents()).toEqual(['（默认）', '蒙文在前', '汉文在前（违反规定）'])
    expect(await page.locator('#f-mnScale').evaluate((el: HTMLInputElement) => [el.type, el.min, el.max])).toEqual(['number', '0.3', '3'])
  })

  it('follows typing in Mongolian and Chinese: the preview SVG changes to the new text', async () => {
    const before = await preview()
    const zh = '民族团结'
    const mn = 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ'
    await page.locator('#f-zh').fill(zh)
    await page.locator('#f-mn').fill('')
    await page.locator('#f-mn').pressSequentially(mn, { delay: 30 })
    const expected = await etagOf('slogan-banner', { mn, zh, preset: 'screen-1920x480' })
    expect(expected).not.toBe(before.etag)
    const after = await previewSettles({ etag: expected })
    expect(Number(after.seq)).toBeGreaterThan(Number(before.seq))
    // The image shown is that SVG (the ETag and the picture come from the same response), decoded by the browser.
    const img = await page.evaluate(() => {
      const el = document.getElementById('preview-img') as HTMLImageElement
      return { w: el.naturalWidth, h: el.naturalHeight, src: el.src }
    })
    expect(img).toMatchObject({ w: 1920, h: 480 })
    expect(img.src).toMatch(/^blob:/)
  })

  it('swapping the order to zh-first makes im.order.horizontal fail in the report, with its text, source and an explanation', async () => {
    const before = await preview()
    await page.selectOption('#f-order', 'zh-first')
    await previewSettles({ afterSeq: Number(before.seq) })
    const rule = page.locator('#report li[data-rule="im.order.horizontal"]')
    await rule.waitFor()
    expect(await rule.getAttribute('data-pass')).toBe('false')
    const text = (await rule.textContent())!
    expect(text).toContain('横写的蒙文在上、汉文在下')
    expect(text).toContain('第三条（一）')
    expect(text).toContain('蒙古文在汉文下方')
    expect(await page.locator('#report-summary').getAttribute('data-pass')).toBe('false')
    // Passing rules still listed, failing ones first.
    expect(await page.locator('#report li').first().getAttribute('data-rule')).toBe('im.order.horizontal')
    expect(await page.locator('#report li[data-pass="true"]').count()).toBeGreaterThan(3)
    await page.screenshot({ path: new URL('studio-zh-first.png', OUT).pathname, fullPage: true })
  })

  it('marks the blocks a failing rule concerns on the preview, and its button goes to the field that mends it', async () => {
    await page.locator('#overlay rect.ov-block.flagged').first().waitFor()
    const flagged = await page.locator('#overlay rect.ov-block.flagged').evaluateAll((els) => els.map((e) => e.getAttribute('data-block')).sort())
    expect(flagged).toEqual(['slogan:mn', 'slogan:zh'])
    const rule = page.locator('#report li[data-rule="im.order.horizontal"]')
    expect((await rule.getAttribute('data-blocks'))!.split(' ').sort()).toEqual(['slogan:mn', 'slogan:zh'])
    // Pointing at the rule points at its blocks.
    await rule.hover()
    expect(await page.locator('#overlay rect.ov-block.pointed').count()).toBe(2)
    await rule.locator('button').click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-order')
  })

  it('shows the design at every preset, each marked fits and fails the order rule; clicking one makes it current', async () => {
    const presets = env.templates.find((t) => t.id === 'slogan-banner')!.presets.map((p) => p.id)
    await page.waitForFunction((n) => {
      const strip = document.getElementById('sizes')!
      return strip.dataset.state === 'ok' && strip.querySelectorAll('button.size img').length === n
    }, presets.length)
    const sizes = await page.locator('#sizes button.size').evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })))
    expect(sizes.map((s) => s.preset)).toEqual(presets)
    // zh-first breaks the order rule at every size, and the text fits at every size.
    for (const s of sizes) expect(s, s.preset).toMatchObject({ fits: 'true', pass: 'false' })
    expect(await page.locator('#sizes button[aria-pressed="true"]').getAttribute('data-preset')).toBe('screen-1920x480')
    await page.locator('#sizes').screenshot({ path: new URL('studio-sizes.png', OUT).pathname })
    const before = await preview()
    await page.click('#sizes button[data-preset="a3-poster"]')
    const p = await previewSettles({ afterSeq: Number(before.seq) })
    expect(await page.locator('#preset').inputValue()).toBe('a3-poster')
    const a3 = await app.request(`/v1/render/slogan-banner.svg?${q({ mn: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ', zh: '民族团结', order: 'zh-first', preset: 'a3-poster' })}`)
    expect(p.size).toBe(a3.headers.get('x-qoyar-size'))
    expect(p.etag).toBe(a3.headers.get('etag'))
    expect(await page.locator('#sizes button[aria-pressed="true"]').getAttribute('data-preset')).toBe('a3-poster')
    await page.click('#sizes button[data-preset="screen-1920x480"]')
    await previewSettles({ afterSeq: Number(p.seq) })
  })

  it('at 1280×800 the report sits beside the preview, in view', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    const box = async (sel: string) => (await page.locator(sel).boundingBox())!
    const preview = await box('#stage')
    const panel = await box('.panel-col')
    const form = await box('.form-col')
    expect(panel.x).toBeGreaterThanOrEqual(preview.x + preview.width)
    expect(preview.x).toBeGreaterThanOrEqual(form.x + form.width)
    expect(panel.y).toBeLessThan(200)
    expect((await box('#report li[data-pass="false"]')).y).toBeLessThan(800)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
    await page.screenshot({ path: new URL('studio-1280-zh-first.png', OUT).pathname })
    await page.setViewportSize({ width: 1400, height: 1000 })
  })

  it('a catalogue slogan without Mongolian asks for the user’s own reviewed text, keeping the last good preview', async () => {
    const before = await preview()
    await page.selectOption('#slogan', 'unity.family')
    await page.locator('#slogan-missing-mn').waitFor()
    expect(await page.locator('#slogan-info dd[data-lang="mn"]').getAttribute('data-status')).toBe('missing')
    expect(await page.locator('#slogan-info dd[data-lang="zh"]').getAttribute('data-status')).toBe('reviewed')
    await page.waitForFunction(() => document.getElementById('preview')!.dataset.state === 'error')
    const failed = await preview()
    expect(failed.errorCode).toBe('translation_missing')
    expect(failed.error).toContain('unity.family')
    expect(failed.etag).toBe(before.etag)
    expect(await page.locator('#preview-img').isVisible()).toBe(true)
    // The office's own Mongolian: the catalogue's reviewed Chinese fills the rest.
    await page.locator('#f-mn').fill('ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ')
    const ok = await previewSettles({ afterSeq: Number(before.seq) })
    expect(ok.error).toBe('')
    expect(await page.locator('#translation').textContent()).toContain('您提供')
    expect(await page.locator('#dl-png').getAttribute('href')).toContain('slogan=unity.family')
    await page.selectOption('#slogan', '')
    await page.locator('#f-zh').fill('民族团结')
    await previewSettles({ afterSeq: Number(ok.seq) })
  })

  it('switches to English, keeping the design', async () => {
    await Promise.all([page.waitForURL(/lang=en/), page.click('#lang-switch')])
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await previewSettles({ template: 'slogan-banner' })
    expect(await page.locator('label[for="template"]').textContent()).toBe('Template')
    expect(await page.locator('label[for="preset"]').textContent()).toBe('Size')
    expect(await page.locator('#dl-png').textContent()).toBe('Download PNG')
    expect(await page.locator('#f-order').inputValue()).toBe('zh-first')
    expect(await page.locator('#f-zh').inputValue()).toBe('民族团结')
    expect(await page.locator('#report li[data-rule="im.order.horizontal"] .rule-why').textContent()).toContain('Mongolian below Chinese')
    await page.screenshot({ path: new URL('studio-en.png', OUT).pathname, fullPage: true })
  })

  it('downloads a PNG of the preset’s size, and copies a cacheable GET link', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-png')])
    expect(download.suggestedFilename()).toBe('slogan-banner.png')
    const png = decodePng(readFileSync((await download.path())!))
    expect([png.width, png.height]).toEqual([1920, 480])
    expect(await page.locator('#dl-pdf').getAttribute('href')).toMatch(/^\/v1\/render\/slogan-banner\.pdf\?/)
    await page.locator('summary', { hasText: 'PDF print options' }).click()
    await page.fill('#pdf-bleed', '3')
    await page.check('#pdf-marks')
    expect(await page.locator('#dl-pdf').getAttribute('href')).toMatch(/bleed=3&marks=true$/)
    await page.click('#copy-link')
    await page.waitForFunction(() => (document.getElementById('link-status')!.textContent ?? '').length > 0)
    const link = await page.locator('#link-text').inputValue()
    expect(link.startsWith(`${base}/v1/render/slogan-banner.png?`)).toBe(true)
    const res = await fetch(link)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toContain('max-age')
  })

  it('previews the desk card', async () => {
    await page.selectOption('#template', 'desk-card')
    const p = await previewSettles({ template: 'desk-card' })
    expect(p.size).toBe('2362x2362')
    expect(await page.locator('#f-name_mn').evaluate((el) => getComputedStyle(el).writingMode)).toBe('vertical-lr')
    expect(await page.locator('#f-accent').getAttribute('type')).toBe('color')
    expect(await page.locator('#slogan').isVisible()).toBe(false)
    expect(await page.evaluate(() => (document.getElementById('preview-img') as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    await page.screenshot({ path: new URL('studio-desk-card.png', OUT).pathname, fullPage: true })
  })

  it('shows the desk card at 100 %: trim, bleed, fold and every text box where the layout says, in real millimetres', async () => {
    const layout = ((await (await app.request(`/v1/check/desk-card?${q(env.examples['desk-card'] as Record<string, string>)}`)).json()) as CheckResponse)
      .design!
    // The fold halves the 200 mm sheet (1181 px at 300 dpi is 99.99 mm).
    expect(layout.folds).toHaveLength(1)
    expect(layout.folds[0]!.yMm).toBeCloseTo(100, 1)
    await page.selectOption('#zoom', 'real')
    await page.check('#ov-blocks')
    await page.evaluate(() => ((document.getElementById('pdf-options') as HTMLDetailsElement).open = true))
    await page.fill('#pdf-bleed', '3')
    const pxPerMm = 96 / 25.4 // a CSS millimetre
    const img = (await page.locator('#preview-img').boundingBox())!
    expect(img.width).toBeCloseTo(layout.canvas.widthMm * pxPerMm, 0)
    expect(img.height).toBeCloseTo(layout.canvas.heightMm * pxPerMm, 0)
    expect(layout.blocks.map((b) => b.id)).toContain('back:name:mn')
    /**
     * An overlay shape's geometry on screen (boundingBox would add half the stroke on each side), from the image's top
     * left corner, both read in the same frame so that nothing moving the page in between (a sticky column, a
     * thumbnail arriving) can tell them apart.
     */
    const onScreen = (sel: string) =>
      page.locator(sel).evaluate((el: SVGGraphicsElement) => {
        const m = el.getScreenCTM()!
        const bb = el.getBBox()
        const at = document.getElementById('preview-img')!.getBoundingClientRect()
        return { x: m.a * bb.x + m.e - at.x, y: m.d * bb.y + m.f - at.y, width: m.a * bb.width, height: m.d * bb.height }
      })
    for (const b of layout.blocks) {
      const r = await onScreen(`#overlay rect[data-block="${b.id}"]`)
      expect(Math.abs(r.x - b.mm.x * pxPerMm), b.id).toBeLessThan(1)
      expect(Math.abs(r.y - b.mm.y * pxPerMm), b.id).toBeLessThan(1)
      expect(Math.abs(r.width - b.mm.width * pxPerMm), b.id).toBeLessThan(1)
      expect(Math.abs(r.height - b.mm.height * pxPerMm), b.id).toBeLessThan(1)
    }
    // The turned face's Mongolian name sits right of its Chinese, as drawn (the reader turns the card).
    const back = (id: string) => layout.blocks.find((b) => b.id === id)!.mm
    expect(back('back:name:mn').x).toBeGreaterThan(back('back:name:zh').x + back('back:name:zh').width)
    const fold = await onScreen('#overlay line[data-overlay="fold"]')
    expect(Math.abs(fold.y - 100 * pxPerMm)).toBeLessThan(1)
    expect(Math.abs(fold.width - img.width)).toBeLessThan(1)
    const bleed = await onScreen('#overlay path[data-overlay="bleed"]')
    expect(Math.abs(-bleed.x - 3 * pxPerMm)).toBeLessThan(1)
    expect(Math.abs(bleed.width - img.width - 6 * pxPerMm)).toBeLessThan(1)
    expect(await page.locator('label[for="ov-bleed"]').textContent()).toContain('3')
    expect(await page.locator('#fold-row').isVisible()).toBe(true)
    expect(await page.locator('#ov-fold').isVisible()).toBe(true)
    // The rulers count millimetres: at 100 % a 10 mm step is 37.8 px.
    expect(await page.locator('#ruler-x').getAttribute('data-step-mm')).toBe('2')
    await page.locator('#stage').screenshot({ path: new URL('studio-desk-card-100.png', OUT).pathname })
    await page.fill('#pdf-bleed', '0')
    await page.uncheck('#ov-blocks')
    await page.selectOption('#zoom', 'fit')
  })

  it('tunes a block: its box picks it, the size control changes the preview URL and the box, letter spacing and a manual break follow, undo and a saved design keep it', async () => {
    const a = await previewSettles({ template: 'desk-card' })
    expect(await page.locator('#tune').isVisible()).toBe(true)
    await page.check('#ov-blocks')
    const box = (id: string) =>
      page
        .locator(`#overlay rect[data-block="${id}"]`)
        .evaluate((el) => ({ width: Number(el.getAttribute('width')), height: Number(el.getAttribute('height')) }))
    const before = await box('front:name:mn')
    // Its box on the preview picks the block; both faces' boxes are outlined as the one being tuned.
    await page.locator('#overlay rect[data-block="front:name:mn"]').click()
    expect(await page.locator('#tune-block').inputValue()).toBe('name:mn')
    // Mongolian letters join: the panel says its letter spacing goes between words.
    expect(await page.locator('#tune-words').isVisible()).toBe(true)
    expect(await page.locator('#overlay rect.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-block')).sort())).toEqual([
      'back:name:mn',
      'front:name:mn',
    ])
    const slide = (id: string, v: string) =>
      page.locator(id).evaluate((el: HTMLInputElement, value) => {
        el.value = value
        el.dispatchEvent(new Event('input', { bubbles: true }))
      }, v)
    // The size strip's thumbnails are the tuned design at each other size: their requests carry the tuning.
    const tunedThumb = page.waitForRequest((r) => {
      const u = new URL(r.url())
      return u.pathname === '/v1/render/desk-card.svg' && u.searchParams.get('preset') === 'face-250x120' && u.searchParams.get('tune.name.size') === '0.9'
    })
    await slide('#tune-size', '0.9')
    expect(await page.locator('#tune-size-out').textContent()).toContain('0.90')
    const sized = await previewSettles({ afterSeq: Number(a.seq) })
    await tunedThumb
    const params = { ...(env.examples['desk-card'] as Record<string, string>), 'tune.name.size': '0.9' }
    expect(sized.etag).toBe(await etagOf('desk-card', params))
    const svgHref = new URL((await page.locator('#dl-svg').getAttribute('href'))!, base)
    expect(svgHref.searchParams.get('tune.name.size')).toBe('0.9')
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('tune.name.size')).toBe('0.9')
    // The box on the preview is the layout's: 0.9 as large, both scripts.
    const after = await box('front:name:mn')
    expect(after.height / before.height).toBeCloseTo(0.9, 2)
    expect(after.width / before.width).toBeCloseTo(0.9, 2)
    await page.waitForTimeout(700) // one undo step per settled change (keep.ts STEP_MS)
    // Letter spacing of the Chinese title, picked from the list.
    await page.selectOption('#tune-block', 'title:zh')
    const titleBefore = await box('front:title:zh')
    await slide('#tune-letter', '0.2')
    const spaced = await previewSettles({ afterSeq: Number(sized.seq) })
    expect(new URL((await page.locator('#dl-svg').getAttribute('href'))!, base).searchParams.get('tune.title:zh.letter')).toBe('0.2')
    expect((await box('front:title:zh')).width).toBeGreaterThan(titleBefore.width)
    await page.waitForTimeout(700)
    // A manual break at the caret of the block's field: the title sets on two lines.
    await page.locator('#f-title_zh').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(1, 1))
    await page.click('#tune-break')
    expect(await page.locator('#f-title_zh').inputValue()).toBe('教\n师')
    const broken = await previewSettles({ afterSeq: Number(spaced.seq) })
    const brokenParams = { ...params, title_zh: '教\n师', 'tune.title:zh.letter': '0.2' }
    expect(broken.etag).toBe(await etagOf('desk-card', brokenParams))
    expect((await box('front:title:zh')).height).toBeGreaterThan(titleBefore.height * 1.5)
    await page.locator('#stage').screenshot({ path: new URL('studio-tune.png', OUT).pathname })
    await page.locator('#tune').screenshot({ path: new URL('studio-tune-controls.png', OUT).pathname })
    // A saved design keeps the tuning: its file renders the preview's ETag through the API.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')])
    const file = designFile.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')))
    expect(file.input['tune.name.size']).toBe('0.9')
    const { marks: _marks, ...designOnly } = file.input
    const api = await app.request('/v1/render/desk-card.svg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...file, input: designOnly }),
    })
    expect(api.headers.get('etag')).toBe(broken.etag)
    // Undo takes the break, then the spacing, back; the controls follow.
    await page.waitForTimeout(700)
    await page.click('#undo')
    await previewSettles({ etag: spaced.etag! })
    expect(await page.locator('#f-title_zh').inputValue()).toBe('教师')
    await page.click('#undo')
    await previewSettles({ etag: sized.etag! })
    expect(await page.locator('#tune-letter').inputValue()).toBe('0')
    await page.click('#tune-reset')
    await previewSettles({ etag: a.etag! })
    await page.uncheck('#ov-blocks')
  })

  it('keeps the work: undo and redo, a design saved by name reopens (after a reload too) to the same ETag, and its exported JSON renders the same through the API', async () => {
    const a = await previewSettles({ template: 'desk-card' })
    await page.fill('#save-name', '桌签 巴图')
    await page.click('#save')
    await page.locator('#saved option[value="桌签 巴图"]').waitFor({ state: 'attached' })
    await page.locator('#f-name_zh').fill('其其格')
    const b = await previewSettles({ afterSeq: Number(a.seq) })
    expect(b.etag).not.toBe(a.etag)
    await page.click('#undo')
    const undone = await previewSettles({ etag: a.etag! })
    expect(await page.locator('#f-name_zh').inputValue()).toBe('巴图')
    await page.click('#redo')
    await previewSettles({ etag: b.etag!, afterSeq: Number(undone.seq) })
    expect(await page.locator('#f-name_zh').inputValue()).toBe('其其格')
    // Saved by name: opens to the same ETag, also after a reload.
    await page.selectOption('#saved', '桌签 巴图')
    await page.click('#open-saved')
    await previewSettles({ etag: a.etag! })
    await page.locator('#f-name_zh').fill('其其格')
    await previewSettles({ etag: b.etag! })
    await page.reload()
    await previewSettles({ etag: b.etag! })
    await page.selectOption('#saved', '桌签 巴图')
    await page.click('#open-saved')
    await previewSettles({ etag: a.etag! })
    await page.locator('#keep').screenshot({ path: new URL('studio-keep.png', OUT).pathname })
    // Exported, the design is the file the API and the CLI take.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')])
    expect(download.suggestedFilename()).toBe('桌签 巴图.qoyar.json')
    const file = designFile.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')))
    expect(file).toMatchObject({ format: 'qoyar-design', version: 1, name: '桌签 巴图', template: 'desk-card' })
    // It carries the PDF options too (crop marks are on since the download test), as the PDF link does.
    expect(file.input.marks).toBe('true')
    const pdfQuery = new URL((await page.locator('#dl-pdf').getAttribute('href'))!, base).search
    const api = await app.request('/v1/render/desk-card.svg', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) })
    expect(api.headers.get('etag')).toBe((await app.request(`/v1/render/desk-card.svg${pdfQuery}`)).headers.get('etag'))
    const { marks: _marks, ...designOnly } = file.input
    const plain = await app.request('/v1/render/desk-card.svg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...file, input: designOnly }),
    })
    expect(plain.headers.get('etag')).toBe(a.etag)
    // And imported back after a change.
    await page.locator('#f-name_zh').fill('其其格')
    await previewSettles({ etag: b.etag! })
    await page.setInputFiles('#import-file', { name: 'baatar.qoyar.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await previewSettles({ etag: a.etag! })
    expect(await page.locator('#keep-status').textContent()).toContain('baatar.qoyar.json')
  })

  it('shows Mongolian text findings under the field, and fixes a suffix space in one click', async () => {
    // On the desk card whichever tests ran before, or none.
    if (!page.url().startsWith(`${base}/studio`)) await page.goto(`${base}/studio`)
    await page.selectOption('#template', 'desk-card')
    await previewSettles({ template: 'desk-card' })
    await page.locator('#f-title_mn').fill('ᠨᠣᠮ ᠤᠨ')
    const finding = page.locator('.field[data-field="title_mn"] .text-findings .finding.error')
    await finding.waitFor()
    expect(await finding.textContent()).toContain('U+180E')
    // In the panel too: its blocks are marked, and a click goes to the field.
    const listed = page.locator('#findings li[data-field="title_mn"]')
    await listed.first().waitFor()
    expect((await listed.first().getAttribute('data-blocks'))!.split(' ').sort()).toEqual(['back:title:mn', 'front:title:mn'])
    expect(await page.locator('#overlay rect.ov-block.flagged[data-field="title_mn"]').count()).toBe(2)
    await listed.first().locator('button').click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-title_mn')
    await page.screenshot({ path: new URL('studio-text-findings.png', OUT).pathname, fullPage: true })
    await finding.locator('button').click()
    expect(await page.locator('#f-title_mn').inputValue()).toBe(`ᠨᠣᠮ${MVS}ᠤᠨ`)
    await page.locator('.field[data-field="title_mn"] .text-findings').waitFor({ state: 'detached' })
  })

  /** 20 attendees; the 5th has no Mongolian name and the 12th a character no font draws: spreadsheet rows 6 and 13. */
  const attendees = () => {
    const rows = [['蒙古文姓名', '汉文姓名', '职务']]
    for (let i = 1; i <= 20; i++) rows.push(i === 5 ? ['', '王五', '教师'] : i === 12 ? ['ᠪᠠᠲᠤ', '巴图😀', '教师'] : ['ᠪᠠᠲᠤ', `巴图${i}`, '教师'])
    return rows
  }
  const pdfPages = (bytes: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' }))![1])

  it('batches desk cards from a 20-row CSV: columns mapped from the header, the two bad rows listed by spreadsheet row, an 18-sign PDF', async () => {
    // Still on the desk card.
    const csv = `${attendees()
      .map((r) => r.join(','))
      .join('\n')}\n`
    await page.setInputFiles('#batch-file', { name: 'attendees.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.waitForFunction(() => document.getElementById('batch')!.dataset.state === 'checked')
    expect(
      await page.locator('#batch-map select').evaluateAll((els) => els.map((e) => [e.getAttribute('data-column'), (e as HTMLSelectElement).value])),
    ).toEqual([
      ['蒙古文姓名', 'name_mn'],
      ['汉文姓名', 'name_zh'],
      ['职务', 'title_zh'],
    ])
    expect(await page.locator('#batch').getAttribute('data-rows')).toBe('20')
    const bad = await page.locator('#batch-bad li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-row'), e.getAttribute('data-code')]))
    expect(bad).toEqual([
      ['6', 'invalid_fields'],
      ['13', 'uncovered_code_points'],
    ])
    // The first rows previewed, each with its verdict and its sign.
    await page.locator('#batch-rows li img').nth(2).waitFor()
    expect(await page.locator('#batch-rows li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-row'), e.getAttribute('data-pass')]))).toEqual([
      ['2', 'true'],
      ['3', 'true'],
      ['4', 'true'],
    ])
    await page.locator('#batch').screenshot({ path: new URL('studio-batch.png', OUT).pathname })
    await page.selectOption('#batch-format', 'pdf')
    // Progress in rows, counted from the pages as they arrive: a slow line shows it row by row.
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { seenProgress: string[] }).seenProgress = seen // read back below
      new MutationObserver(() => {
        const el = document.getElementById('batch')!
        seen.push(`${el.dataset.done}/${(document.getElementById('batch-progress') as HTMLProgressElement).max}`)
      }).observe(document.getElementById('batch')!, { attributes: true, attributeFilter: ['data-done'] })
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 96 * 1024, uploadThroughput: -1 })
    const downloading = page.waitForEvent('download')
    await page.click('#batch-go')
    await page.waitForFunction(() => {
      const d = Number(document.getElementById('batch')!.dataset.done)
      return d > 0 && d < 20
    })
    await page.locator('#batch').screenshot({ path: new URL('studio-batch-progress.png', OUT).pathname })
    const download = await downloading
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await cdp.detach()
    expect(download.suggestedFilename()).toBe('desk-card.pdf')
    const pdf = readFileSync((await download.path())!)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(await page.locator('#batch').getAttribute('data-state')).toBe('done')
    const seen = await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress)
    const done = seen.map((x) => Number(x.split('/')[0]))
    expect(seen.every((x) => x.endsWith('/20'))).toBe(true)
    expect(done.at(-1)).toBe(20)
    expect(done.some((d) => d > 0 && d < 20)).toBe(true)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    // The 5th and 12th rows cannot render: each is done with the sign after it (4 signs = 4 rows, 5 signs = 6 rows), never alone.
    expect(done).not.toContain(5)
    expect(done).not.toContain(12)
    expect(studioText('batch.done', { rows: 20, signs: 18, kb: Math.round(pdf.length / 1024) })).toContain(await page.locator('#batch-status').textContent())
    // 18 signs, and the API's last page listing the two rows it left out.
    if (!skipWithout('poppler')) expect(pdfPages(pdf)).toBe(19)
  })

  it('reads the same rows from an XLSX, at the same row numbers', async () => {
    const book = new ExcelJS.Workbook()
    const ws = book.addWorksheet('attendees')
    for (const r of attendees()) ws.addRow(r)
    const buffer = Buffer.from(await book.xlsx.writeBuffer())
    await page.setInputFiles('#batch-file', {
      name: 'attendees.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    })
    await page.waitForFunction(() => document.getElementById('batch-status')!.textContent!.includes('attendees.xlsx'))
    await page.waitForFunction(() => document.getElementById('batch')!.dataset.state === 'checked')
    expect(await page.locator('#batch-bad li').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')))).toEqual(['6', '13'])
    expect(await page.locator('#batch').getAttribute('data-rows')).toBe('20')
  })

  it('sends display-board pictures by POST, and takes new ones from a file input', async () => {
    const posted = page.waitForRequest((r) => r.url().includes('/v1/render/display-board.svg') && r.method() === 'POST')
    await page.selectOption('#template', 'display-board')
    await posted
    const first = await previewSettles({ template: 'display-board' })
    const picture = new PNG({ width: 40, height: 30 })
    for (let i = 0; i < picture.data.length; i += 4) picture.data.set([20, 90, 200, 255], i)
    await page.setInputFiles('#f-images', { name: 'blue.png', mimeType: 'image/png', buffer: PNG.sync.write(picture) })
    await page.locator('#f-images-list > li').nth(1).waitFor()
    const second = await previewSettles({ afterSeq: Number(first.seq) })
    expect(second.etag).not.toBe(first.etag)
    expect(await page.locator('#link-status').textContent()).toContain('pictures')
    await page.screenshot({ path: new URL('studio-display-board.png', OUT).pathname, fullPage: true })
  })

  /** The JSON body of the next POST render of `template` that `accept` takes. */
  const nextPost = (template: string, accept: (body: Record<string, unknown>) => boolean) =>
    page
      .waitForRequest(
        (r) => r.url().includes(`/v1/render/${template}.svg`) && r.method() === 'POST' && accept(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>),
      )
      .then((r) => JSON.parse(r.postData()!) as Record<string, unknown>)
  const etagOfPost = async (template: string, body: unknown) =>
    (
      await app.request(`/v1/render/${template}.svg`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    ).headers.get('etag')

  it('crops a picture around the point clicked on its thumbnail, or shows it whole: the POST carries images[].focus and fit', async () => {
    if (!page.url().startsWith(`${base}/studio`)) await page.goto(`${base}/studio`)
    await page.selectOption('#template', 'display-board')
    const before = await previewSettles({ template: 'display-board' })
    // A wide picture, red on the left and blue on the right: a frame shows one side or the other.
    await page.setInputFiles('#f-images', { name: 'red-blue.png', mimeType: 'image/png', buffer: png(240, 60, [200, 20, 30], [20, 60, 200]) })
    const picker = page.locator('#f-images-list > li').last().locator('.focus-pick')
    await picker.waitFor()
    const n = Number(await picker.getAttribute('data-picture'))
    const added = await previewSettles({ afterSeq: Number(before.seq) })
    const box = (await picker.locator('img').boundingBox())!
    expect(box.width / box.height).toBeCloseTo(4, 1) // the whole picture, so a click's place is the picture's place
    const focused = nextPost('display-board', (b) => !!(b.images as { focus?: unknown }[])[n - 1]?.focus)
    // The size strip's thumbnails too: the same crop at another size (the preview is at the template's default size).
    const current = await page.locator('#preset').inputValue()
    const focusedThumb = nextPost('display-board', (b) => b.preset !== current && !!(b.images as { focus?: unknown }[])[n - 1]?.focus)
    await picker.locator('img').click({ position: { x: box.width * 0.1, y: box.height * 0.5 } })
    const body = await focused
    const sent = (body.images as { focus: { x: number; y: number }; fit?: string }[])[n - 1]!
    expect(sent.focus.x).toBeCloseTo(0.1, 1)
    expect(sent.focus.y).toBeCloseTo(0.5, 1)
    expect(sent.fit).toBeUndefined()
    const thumb = await focusedThumb
    expect(thumb.preset).not.toBe(current)
    expect((thumb.images as { focus: unknown }[])[n - 1]!.focus).toEqual(sent.focus)
    const cropped = await previewSettles({ afterSeq: Number(added.seq) })
    expect(cropped.etag).not.toBe(added.etag)
    expect(cropped.etag).toBe(await etagOfPost('display-board', body))
    expect(await picker.getAttribute('data-focus')).toBe(`${sent.focus.x},${sent.focus.y}`)
    // The arrow keys move it too.
    await picker.press('ArrowRight')
    await expect.poll(() => picker.getAttribute('data-focus')).toBe(`${Math.round((sent.focus.x + 0.05) * 100) / 100},${sent.focus.y}`)
    await page.locator('#f-images-list').screenshot({ path: new URL('studio-crop-pictures.png', OUT).pathname })
    await page.locator('#preview').screenshot({ path: new URL('studio-crop-focus.png', OUT).pathname })
    // Shown whole: the picker is off, and the body says contain.
    const whole = nextPost('display-board', (b) => (b.images as { fit?: string }[])[n - 1]?.fit === 'contain')
    await page.selectOption(`#f-images-${n}-fit`, 'contain')
    await whole
    expect(await picker.isDisabled()).toBe(true)
    const contained = await previewSettles({ afterSeq: Number(cropped.seq) })
    expect(contained.etag).not.toBe(cropped.etag)
    await page.locator('#preview').screenshot({ path: new URL('studio-crop-contain.png', OUT).pathname })
    await page.locator(`#f-images-list > li`).last().locator('button.remove').click()
  })

  /** How many pixels of the preview image are near `rgb` (a picture of the sign as the page shows it). */
  const previewPixelsNear = async (rgb: number[]) => {
    // The sign alone: the overlays drawn over it hidden while the picture is taken.
    const overlay = (v: string) => page.evaluate((visibility) => void (document.getElementById('overlay')!.style.visibility = visibility), v)
    await overlay('hidden')
    const shot = decodePng(await page.locator('#preview-img').screenshot())
    await overlay('')
    let n = 0
    for (let i = 0; i < shot.data.length; i += 4) if (rgb.every((c, k) => Math.abs(shot.data[i + k]! - c) < 40)) n++
    return n
  }

  it('a brand: the emblem goes to the template with a slot for it, the colours to each template’s fields; a saved design keeps it and reopens to the same ETag', async () => {
    if (!page.url().startsWith(`${base}/studio`)) await page.goto(`${base}/studio`)
    await page.selectOption('#template', 'letterhead')
    const plain = await previewSettles({ template: 'letterhead' })
    expect(await page.locator('#f-emblem').count()).toBe(0) // the brand's, not a text field
    const green = [10, 150, 60]
    expect(await previewPixelsNear(green)).toBe(0)
    const emblem = png(64, 64, green)
    const uri = `data:image/png;base64,${emblem.toString('base64')}`
    const posted = nextPost('letterhead', (b) => b.emblem === uri)
    await page.setInputFiles('#brand-emblem', { name: 'emblem.png', mimeType: 'image/png', buffer: emblem })
    const body = await posted
    const withEmblem = await previewSettles({ afterSeq: Number(plain.seq) })
    expect(withEmblem.etag).toBe(await etagOfPost('letterhead', body))
    expect(await previewPixelsNear(green)).toBeGreaterThan(50)
    expect(studioText('brand.emblemPlaced')).toContain(await page.locator('#brand-emblem-note').textContent())
    // The main colour becomes the letterhead's red.
    await page.locator('#brand-primary-hex').fill('#7a1fa2')
    const coloured = await previewSettles({ afterSeq: Number(withEmblem.seq) })
    expect(await page.locator('#f-color-hex').inputValue()).toBe('#7a1fa2')
    expect(await page.locator('#brand-primary-clear').isEnabled()).toBe(true)
    expect(coloured.etag).toBe(await etagOfPost('letterhead', { ...body, color: '#7a1fa2' }))
    expect(await previewPixelsNear([122, 31, 162])).toBeGreaterThan(100)
    await page.locator('#brand').screenshot({ path: new URL('studio-brand.png', OUT).pathname })
    await page.screenshot({ path: new URL('studio-brand-letterhead.png', OUT).pathname, fullPage: true })
    // The desk card has no emblem slot: GET again, its accent in the brand's colour; the emblem is kept for the letterhead.
    const getCard = page.waitForRequest((r) => r.url().includes('/v1/render/desk-card.svg') && r.method() === 'GET')
    await page.selectOption('#template', 'desk-card')
    expect(new URL((await getCard).url()).searchParams.get('accent')).toBe('#7a1fa2')
    await previewSettles({ template: 'desk-card' })
    expect(await page.locator('#f-accent-hex').inputValue()).toBe('#7a1fa2')
    expect(await page.locator('#brand-emblem-note').textContent()).toMatch(/文头|Letterhead/)
    await page.screenshot({ path: new URL('studio-brand-desk-card.png', OUT).pathname, fullPage: true })
    await page.selectOption('#template', 'letterhead')
    const back = await previewSettles({ template: 'letterhead', etag: coloured.etag! })
    // Saved by name, then a reload (which keeps no picture), then opened: the same ETag.
    await page.fill('#save-name', '文头 品牌')
    await page.click('#save')
    await page.locator('#saved option[value="文头 品牌"]').waitFor({ state: 'attached' })
    await page.reload()
    const reloaded = await previewSettles({ template: 'letterhead' })
    expect(reloaded.etag).not.toBe(back.etag)
    await page.selectOption('#saved', '文头 品牌')
    await page.click('#open-saved')
    await previewSettles({ etag: back.etag! })
    expect(await page.locator('#brand-primary-hex').inputValue()).toBe('#7a1fa2')
    // Exported, the emblem is in the input once (the letterhead places it), the colours in the brand; the API renders it alike.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')])
    const file = designFile.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')))
    expect(file.input.emblem).toBe(uri)
    expect(file.brand).toEqual({ colors: { primary: '#7a1fa2' } })
    const { marks: _marks, ...designOnly } = file.input
    expect(await etagOfPost('letterhead', { ...file, input: designOnly })).toBe(back.etag)
    // On a template without the slot the file keeps the emblem in its brand, and it comes back to the letterhead.
    await page.selectOption('#template', 'desk-card')
    await previewSettles({ template: 'desk-card' })
    const [cardDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export')])
    const card = designFile.parse(JSON.parse(readFileSync((await cardDownload.path())!, 'utf8')))
    expect(card.input.emblem).toBeUndefined()
    expect(card.brand).toEqual({ emblem: uri, colors: { primary: '#7a1fa2' } })
    await page.click('#brand-emblem-remove')
    await page.click('#brand-primary-clear')
    await page.setInputFiles('#import-file', { name: 'card.qoyar.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card)) })
    await page.waitForFunction(() => document.getElementById('keep-status')!.textContent!.includes('card.qoyar.json'))
    const reposted = nextPost('letterhead', (b) => b.emblem === uri)
    await page.selectOption('#template', 'letterhead')
    await reposted
    // Clearing the brand leaves the template's own colours.
    await page.click('#brand-emblem-remove')
    await page.click('#brand-primary-clear')
    await previewSettles({ etag: plain.etag! })
  })

  it("shows an office's brand from its data directory, which the templates already default to", async () => {
    const office = await new Promise<{ server: Server; port: number }>((resolve) => {
      const server = serve({ fetch: officeApp.fetch, port: 0, hostname: '127.0.0.1' }, (i) => resolve({ server, port: i.port })) as Server
    })
    const other = await context.newPage()
    try {
      await other.goto(`http://127.0.0.1:${office.port}/studio`)
      await other.locator('#brand-office').waitFor()
      await other.waitForFunction(() => document.documentElement.dataset.ready === 'true')
      await other.selectOption('#template', 'letterhead')
      expect(await other.locator('#brand-office img').getAttribute('src')).toBe(OFFICE.files['emblem.png'])
      expect(await other.locator('#brand-office .swatches li').allTextContents()).toEqual(['red #b5121b', 'gold #f2c200', 'ink #202020'])
      expect(await other.locator('#brand-office').textContent()).toContain('测试单位')
      expect(await other.locator('#brand-emblem-note').textContent()).toBe('此处放的是本单位的徽标（默认）；选择徽标可替换。')
      await other.waitForFunction(() => {
        const f = document.getElementById('preview')!
        return f.dataset.state === 'ok' && f.dataset.template === 'letterhead'
      })
      await other.locator('#brand').screenshot({ path: new URL('studio-brand-office.png', OUT).pathname })
      await other.screenshot({ path: new URL('studio-brand-office-letterhead.png', OUT).pathname, fullPage: true })
    } finally {
      await other.close()
      office.server.closeAllConnections?.()
      await new Promise<void>((resolve) => office.server.close(() => resolve()))
    }
  })

  it('a region picked from GET /v1/rules fetches that pack’s templates and rebuilds the form; only fields in a vertical script are vertical', async () => {
    // The region contract (GET /v1/templates?region=…, fields named in the pack's languages, each with x-lang), served here by the test.
    const listing = (await (await app.request('/v1/templates')).json()) as { templates: TemplateInfo[] }
    const yanbian = structuredClone(listing)
    const card = yanbian.templates.find((t) => t.id === 'desk-card')!
    const props = card.fields.properties!
    const renamed: Record<string, FieldSchema> = {}
    for (const [k, v] of Object.entries(props)) {
      if (k === 'name_mn') renamed.name_ko = { ...v, 'x-lang': 'ko' }
      else if (k === 'name_zh') renamed.name_zh = { ...v, 'x-lang': 'zh-Hans' }
      else renamed[k] = v
    }
    card.fields.properties = renamed
    const asked: string[] = []
    await page.route('**/v1/templates?region=*', async (route) => {
      asked.push(new URL(route.request().url()).searchParams.get('region')!)
      await route.fulfill({ json: yanbian })
    })
    await page.selectOption('#template', 'desk-card')
    await previewSettles({ template: 'desk-card' })
    expect(await page.locator('#region option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(
      ((await (await app.request('/v1/rules')).json()) as { packs: { id: string }[] }).packs.map((p) => p.id),
    )
    await page.selectOption('#region', 'yanbian')
    await page.locator('#f-name_ko').waitFor()
    expect(asked).toEqual(['yanbian'])
    expect(await page.locator('#f-name_ko').getAttribute('lang')).toBe('ko')
    expect(await page.locator('#f-name_ko').evaluate((el) => getComputedStyle(el).writingMode)).toBe('horizontal-tb')
    expect(await page.locator('#f-name_mn').count()).toBe(0)
    // title_mn has no x-lang here: its _mn suffix still makes it Mongolian, and vertical.
    expect(await page.locator('#f-title_mn').evaluate((el) => getComputedStyle(el).writingMode)).toBe('vertical-lr')
    expect(await page.locator('#dl-png').getAttribute('href')).toContain('region=yanbian')
    // The Mongolian text checker's section shows only where the region writes Mongolian.
    const checkerHidden = () => page.locator('#findings-heading').evaluate((el) => (el.closest('section') as HTMLElement).hidden)
    await expect.poll(checkerHidden, { timeout: 10_000 }).toBe(true)
    await page.unroute('**/v1/templates?region=*')
    await page.selectOption('#region', 'inner-mongolia')
    await page.locator('#f-name_mn').waitFor()
    await expect.poll(checkerHidden, { timeout: 10_000 }).toBe(false)
  })

  it('raised no script errors and fetched nothing from outside', () => {
    expect(errors).toEqual([])
  })
})
