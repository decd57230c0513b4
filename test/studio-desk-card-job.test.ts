/**
 * The done-when, as a designer does it in the browser: a folded desk card for 30 attendees from an
 * XLSX, checked at 100 % with the fold showing, and printed. In Chromium against the app on a loopback port,
 * at 1280×800: choose the desk card and its tent-card size, drop the spreadsheet on the batch panel, see the
 * columns mapped from the header and the first rows previewed with their findings, look at the sign at its
 * real size with the fold line where the layout puts it, read the print plan, download the PDF through the
 * batch API and count its pages. Then the same in English, imposed on A3. Screenshots in test/out/studio/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckResponse } from '../src/studio/client/api.js'
import { MVS } from '../src/text/mongolian/controls.js'
import { app } from './helpers/env.js'
import { openStudio, type StudioSession } from './helpers/studio-session.js'
import { skipWithout } from './helpers/tools.js'

const OUT = new URL('./out/studio/', import.meta.url)
const shot = (name: string) => new URL(`studio-job-${name}.png`, OUT).pathname
/** CSS px in a CSS mm (CSS Values 4): what the studio's 100 % zoom sets the sign in. */
const PX_PER_MM = 96 / 25.4
/** PostScript points in a mm: pdfinfo's page size unit. */
const PT_PER_MM = 72 / 25.4
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** 30 attendees: Mongolian names as an office writes them (MVS before a separated final a/e), their Chinese forms, and posts. */
const NAMES: [string, string][] = [
  ['ᠪᠠᠲᠤ', '巴图'],
  ['ᠪᠠᠶᠠᠷ', '巴雅尔'],
  ['ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ', '萨仁格日勒'],
  ['ᠣᠶᠤᠨ', '敖云'],
  ['ᠠᠯᠲᠠᠨ', '阿拉坦'],
  ['ᠴᠢᠯᠠᠭᠤ', '朝鲁'],
  ['ᠰᠦᠬᠡ', '苏和'],
  ['ᠨᠠᠷᠠᠨ', '那仁'],
  ['ᠲᠠᠨᠠ', '塔娜'],
  ['ᠤᠷᠢᠨᠠ', '乌日娜'],
  ['ᠪᠠᠶᠠᠨᠮᠥᠩᠬᠡ', '巴彦孟和'],
  ['ᠲᠡᠮᠦᠷ', '铁木尔'],
  ['ᠭᠡᠷᠡᠯ', '格日勒'],
  ['ᠡᠩᠬᠡ', '恩和'],
  ['ᠮᠥᠩᠬᠡ', '孟和'],
  ['ᠰᠠᠷᠤᠯ', '萨如拉'],
  [`ᠬᠠᠰᠪᠠᠭᠠᠨ${MVS}ᠠ`, '哈斯巴根'],
  ['ᠰᠡᠴᠡᠨ', '斯琴'],
  ['ᠪᠢᠯᠢᠭ', '毕力格'],
  ['ᠪᠦᠷᠢᠨ', '布仁'],
  ['ᠨᠠᠷᠠᠰᠤ', '娜日苏'],
  ['ᠴᠠᠭᠠᠨ', '查干'],
  ['ᠡᠷᠳᠡᠨᠢ', '额尔德尼'],
  ['ᠲᠡᠭᠦᠰ', '特古斯'],
  ['ᠠᠮᠤᠷ', '阿木尔'],
  ['ᠵᠢᠷᠭᠠᠯ', '吉日嘎拉'],
  ['ᠳᠠᠯᠠᠢ', '达来'],
  ['ᠴᠡᠴᠡᠭ', '其其格'],
  ['ᠭᠡᠷᠡᠯᠲᠦ', '格日乐图'],
  [`ᠨᠠᠷᠠᠨᠲᠤᠶ${MVS}ᠠ`, '那仁图雅'],
]
const POSTS: [string, string][] = [
  [`ᠬᠡᠰᠡᠭ${MVS}ᠦᠨ ᠳᠠᠷᠤᠭ${MVS}ᠠ`, '科长'],
  [`ᠳᠠᠷᠤᠭ${MVS}ᠠ`, '主任'],
  ['ᠪᠠᠭᠰᠢ', '教师'],
  ['ᠡᠮᠴᠢ', '医生'],
]
/** The first attendee's post as legacy-converted text has it: a plain space before the genitive suffix, which the checker finds. */
const FAULTY_POST = `ᠬᠡᠰᠡᠭ ᠦᠨ ᠳᠠᠷᠤᠭ${MVS}ᠠ`
const HEADER = ['姓名', `ᠨᠡᠷ${MVS}ᠡ`, '职务', 'ᠠᠯᠪᠠᠨ ᠲᠤᠰᠢᠶᠠᠯ']

async function attendeesXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const ws = book.addWorksheet('参会人员')
  ws.addRow(HEADER)
  NAMES.forEach(([mn, zh], i) => {
    const [postMn, postZh] = POSTS[i % POSTS.length]!
    ws.addRow([zh, mn, postZh, i === 0 ? FAULTY_POST : postMn])
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}

interface PdfInfo {
  pages: number
  /** The first page, pt. */
  width: number
  height: number
}
function pdfInfo(bytes: Buffer): PdfInfo {
  const out = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' })
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Number(size[1]), height: Number(size[2]) }
}
/** Every page's size, pt (pdfinfo -l). */
function pageSizes(bytes: Buffer, pages: number): [number, number][] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), '-'], { input: bytes, encoding: 'utf8' })
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])])
}

describe.skipIf(skipWithout('chromium') || skipWithout('poppler'))('a folded desk card for 30 attendees from an XLSX, in the browser', () => {
  let session: StudioSession
  let base: string
  let page: Page
  const errors: string[] = []
  const forms: { url: string; contentType: string; form: FormData }[] = []

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    // The app, with each batch request's form kept for the test to read (the browser's form body is not visible to playwright).
    const fetch = async (req: Request) => {
      if (req.method === 'POST' && new URL(req.url).pathname.startsWith('/v1/batch/') && req.headers.get('content-type')?.startsWith('multipart/'))
        forms.push({ url: req.url, contentType: req.headers.get('content-type')!, form: await req.clone().formData() })
      return app.fetch(req)
    }
    session = await openStudio(fetch, { width: 1280, height: 800 }, errors)
    ;({ base, page } = session)
  })

  afterAll(async () => {
    await session?.close()
  })

  /** Waits until the preview shows a render of `template` newer than `afterSeq`, nothing in flight. */
  const previewSettles = async (template: string, afterSeq = -1) => {
    await page.waitForFunction(
      ({ template, afterSeq }) => {
        const f = document.getElementById('preview')!
        return f.dataset.state === 'ok' && !f.hasAttribute('aria-busy') && f.dataset.template === template && Number(f.dataset.seq) > afterSeq
      },
      { template, afterSeq },
      { timeout: 20_000 },
    )
    return page.evaluate(() => ({ ...document.getElementById('preview')!.dataset }))
  }
  /** The design the preview shows, as the API reads it: the SVG download link's query. */
  const designQuery = async () => new URL((await page.locator('#dl-svg').getAttribute('href'))!, base).search
  /** Drops a file on the batch panel's drop zone, as a person dragging it from the desktop does. */
  const dropFile = async (name: string, bytes: Buffer, type: string) => {
    const transfer = await page.evaluateHandle(
      ({ b64, name, type }) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const dt = new DataTransfer()
        dt.items.add(new File([data], name, { type }))
        return dt
      },
      { b64: bytes.toString('base64'), name, type },
    )
    await page.dispatchEvent('#batch-drop', 'dragover', { dataTransfer: transfer })
    await page.dispatchEvent('#batch-drop', 'drop', { dataTransfer: transfer })
  }
  /** The print-plan line beside the batch button: its text and the figures it carries (data-pages, data-page…). */
  const plan = () =>
    page
      .locator('#batch-plan')
      .evaluate((el: HTMLElement): Record<string, string | undefined> & { text: string } => ({ ...el.dataset, text: el.textContent ?? '' }))
  /** Waits for the batch check of the dropped file, then for the plan to count the rows it found. */
  const checkedWithPlan = async () => {
    await page.waitForFunction(() => document.getElementById('batch')!.dataset.state === 'checked', undefined, { timeout: 30_000 })
    await page.waitForFunction(() => document.getElementById('batch-plan')!.dataset.checked === 'true')
  }
  const downloadBatch = async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#batch-go')])
    await page.waitForFunction(() => document.getElementById('batch')!.dataset.state === 'done', undefined, { timeout: 60_000 })
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) }
  }

  let xlsx: Buffer
  let layout: CheckResponse['design']

  it('chooses the desk card and its 210×90 mm tent-card size', async () => {
    xlsx = await attendeesXlsx()
    await page.goto(`${base}/studio`)
    await previewSettles('slogan-banner')
    await page.selectOption('#template', 'desk-card')
    const first = await previewSettles('desk-card')
    await page.selectOption('#preset', 'face-210x90')
    const p = await previewSettles('desk-card', Number(first.seq))
    // The whole sheet: both faces, 210×180 mm at 300 dpi.
    expect(p.size).toBe('2480x2126')
    expect(await page.locator('#fold-row').isVisible()).toBe(true)
    const res = await app.request(`/v1/check/desk-card${await designQuery()}`)
    layout = ((await res.json()) as CheckResponse).design
    expect(layout!.canvas).toMatchObject({ widthMm: 210, heightMm: 180 })
    expect(layout!.folds.map((f) => f.yMm)).toEqual([expect.closeTo(90, 1)])
    await page.screenshot({ path: shot('1-desk-card') })
  })

  it('drops the XLSX on the batch panel: columns mapped from the header, the first rows previewed with their findings', async () => {
    await dropFile('参会人员.xlsx', xlsx, XLSX_TYPE)
    await checkedWithPlan()
    expect(await page.locator('#batch-status').textContent()).toBe('全部 30 行都可以制作。')
    const mapped = await page.locator('#batch-map select').evaluateAll((els) => els.map((e) => [e.getAttribute('data-column'), (e as HTMLSelectElement).value]))
    expect(mapped).toEqual([
      ['姓名', 'name_zh'],
      [HEADER[1], 'name_mn'],
      ['职务', 'title_zh'],
      ['ᠠᠯᠪᠠᠨ ᠲᠤᠰᠢᠶᠠᠯ', 'title_mn'],
    ])
    // The Mongolian headers are drawn in the studio's Mongolian font, not as boxes.
    for (const header of [HEADER[1]!, HEADER[3]!]) {
      const label = page.locator('#batch-map label').filter({ hasText: header })
      expect(await label.getAttribute('lang')).toBe('mn-Mong')
      expect(await label.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Qoyar Mongolian')
    }
    expect(await page.locator('#batch').getAttribute('data-rows')).toBe('30')
    expect(await page.locator('#batch').getAttribute('data-failed')).toBe('0')
    expect(await page.locator('#batch-bad li').count()).toBe(0)
    // Rows 2–4 (the spreadsheet's numbers), each with its sign and verdict; row 2's post has the suffix space.
    await page.locator('#batch-rows li img').nth(2).waitFor()
    const rows = await page
      .locator('#batch-rows li')
      .evaluateAll((els) =>
        els.map((e) => ({ row: e.getAttribute('data-row'), pass: e.getAttribute('data-pass'), verdict: e.querySelector('.row-verdict')!.textContent })),
      )
    expect(rows.map((r) => [r.row, r.pass])).toEqual([
      ['2', 'true'],
      ['3', 'true'],
      ['4', 'true'],
    ])
    expect(rows[0]!.verdict).toContain('1 条文字检查')
    expect(rows[1]!.verdict).not.toContain('文字检查')
    // Each thumbnail is its row's card: the name from the spreadsheet, not the design's.
    const thumbs = await page.locator('#batch-rows li img').evaluateAll((els) => els.map((e) => (e as HTMLImageElement).naturalWidth))
    expect(thumbs).toEqual([2480, 2480, 2480])
    await page.locator('#batch').screenshot({ path: shot('2-batch-mapped') })
    await page.screenshot({ path: shot('2-batch-1280') })
  })

  it('at 100 % with the fold overlay on, the fold line sits where the layout puts it, in real millimetres', async () => {
    await page.selectOption('#zoom', 'real')
    await page.check('#ov-fold')
    await page.check('#ov-trim')
    const img = (await page.locator('#preview-img').boundingBox())!
    expect(img.width).toBeCloseTo(210 * PX_PER_MM, 0)
    expect(img.height).toBeCloseTo(180 * PX_PER_MM, 0)
    // The line's geometry in the image's frame, read in one frame (boundingBox would add its stroke).
    const fold = await page.locator('#overlay line[data-overlay="fold"]').evaluate((el: SVGGraphicsElement) => {
      const m = el.getScreenCTM()!
      const bb = el.getBBox()
      const at = document.getElementById('preview-img')!.getBoundingClientRect()
      return { y: m.d * bb.y + m.f - at.y, x: m.a * bb.x + m.e - at.x, width: m.a * bb.width }
    })
    expect(Math.abs(fold.y - layout!.folds[0]!.yMm * PX_PER_MM)).toBeLessThan(1)
    expect(Math.abs(fold.y - 90 * PX_PER_MM)).toBeLessThan(1)
    expect(Math.abs(fold.x)).toBeLessThan(1)
    expect(Math.abs(fold.width - img.width)).toBeLessThan(1)
    // Turning the overlay off takes the line away.
    await page.uncheck('#ov-fold')
    expect(await page.locator('#overlay line[data-overlay="fold"]').count()).toBe(0)
    await page.check('#ov-fold')
    // The stage scrolls the real-size card: the fold in the middle of it for the screenshot, the left ruler in view.
    await page.evaluate((y) => {
      const stage = document.getElementById('stage')!
      stage.scrollTo({ left: 0, top: y - stage.clientHeight / 2 })
    }, fold.y)
    await page.screenshot({ path: shot('3-fold-100') })
    await page.selectOption('#zoom', 'fit')
  })

  it('says before printing how the PDF will come out, downloads it through the batch API: 30 pages of the folded card', async () => {
    await page.selectOption('#batch-format', 'pdf')
    const p = await plan()
    expect(p.text).toBe('30 个标牌 → 30 页，每页 210×180 毫米，每张 1 个')
    expect(p).toMatchObject({ signs: '30', pages: '30', perSheet: '1', page: '210x180' })
    await page.locator('#batch .actions').screenshot({ path: shot('4-plan') })
    const { name, bytes } = await downloadBatch()
    expect(name).toBe('desk-card.pdf')
    const info = pdfInfo(bytes)
    expect(info.pages).toBe(Number(p.pages))
    // Every page the folded card's sheet, as the plan says: 210×180 mm.
    for (const [w, h] of pageSizes(bytes, info.pages)) {
      expect(w).toBeCloseTo(210 * PT_PER_MM, 1)
      expect(h).toBeCloseTo(180 * PT_PER_MM, 1)
    }
    expect(await page.locator('#batch-status').textContent()).toContain('30 / 30')
    // The third card (萨仁格日勒, set as lines) as poppler prints it, to look at.
    execFileSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '50', '-png', '-singlefile', '-', shot('5-pdf-page3').replace(/\.png$/, '')], { input: bytes })
    await page.screenshot({ path: shot('5-done') })
  })

  it('in English, imposed on A3 with bleed and crop marks: the plan counts sheets, and the PDF has them', async () => {
    await Promise.all([page.waitForURL(/lang=en/), page.click('#lang-switch')])
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await previewSettles('desk-card')
    expect(await page.locator('#preset').inputValue()).toBe('face-210x90')
    await dropFile('attendees.xlsx', xlsx, XLSX_TYPE)
    await checkedWithPlan()
    expect((await plan()).text).toBe('30 signs → 30 pages, 210×180 mm, 1 per sheet')
    await page.evaluate(() => ((document.getElementById('pdf-options') as HTMLDetailsElement).open = true))
    await page.fill('#pdf-bleed', '3')
    await page.check('#pdf-marks')
    await page.selectOption('#pdf-sheet', 'a3')
    const p = await plan()
    // 216×186 mm with its bleed: two a sheet on A3 portrait, 297×420.
    expect(p.text).toBe('30 signs → 15 sheets A3 (297×420 mm), 2 per sheet')
    expect(p).toMatchObject({ pages: '15', perSheet: '2', page: '297x420' })
    await page.locator('#batch').screenshot({ path: shot('6-plan-en-a3') })
    const { bytes } = await downloadBatch()
    const info = pdfInfo(bytes)
    expect(info.pages).toBe(15)
    expect(info.width).toBeCloseTo(297 * PT_PER_MM, 1)
    expect(info.height).toBeCloseTo(420 * PT_PER_MM, 1)
    // The first sheet as poppler draws it, to look at.
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '30', '-png', '-singlefile', '-', shot('7-a3-sheet').replace(/\.png$/, '')], { input: bytes })
    await page.fill('#pdf-bleed', '0')
    await page.uncheck('#pdf-marks')
    await page.selectOption('#pdf-sheet', '')
    // A ZIP is one file a sign, and the report.
    await page.selectOption('#batch-format', 'zip-png')
    expect((await plan()).text).toBe('30 signs → a ZIP of 30 PNG files and report.json')
    await page.selectOption('#batch-format', 'pdf')
  })

  it('one sign says "1 sign → 1 page" in English, and the page stays within 1280 px', async () => {
    const book = new ExcelJS.Workbook()
    const ws = book.addWorksheet('one')
    ws.addRow(HEADER)
    ws.addRow([NAMES[0]![1], NAMES[0]![0], POSTS[2]![1], POSTS[2]![0]])
    await dropFile('one.xlsx', Buffer.from(await book.xlsx.writeBuffer()), XLSX_TYPE)
    await page.waitForFunction(
      () => document.getElementById('batch-plan')!.dataset.signs === '1' && document.getElementById('batch-plan')!.dataset.checked === 'true',
    )
    expect((await plan()).text).toBe('1 sign → 1 page, 210×180 mm, 1 per sheet')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
  })

  it('with the brand’s emblem, a letterhead batch sends the design as a form part, and every page carries the emblem', async () => {
    await page.selectOption('#template', 'letterhead')
    const plain = await previewSettles('letterhead')
    const green = new PNG({ width: 64, height: 64 })
    for (let i = 0; i < green.data.length; i += 4) green.data.set([10, 150, 60, 255], i)
    const emblem = PNG.sync.write(green)
    await page.setInputFiles('#brand-emblem', { name: 'emblem.png', mimeType: 'image/png', buffer: emblem })
    await previewSettles('letterhead', Number(plain.seq))
    const csv = ['org_mn,org_zh,docNumber', 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ,蒙古语言文字工作委员会,蒙文字〔2026〕1号', 'ᠪᠠᠭᠰᠢ,教育局,教字〔2026〕2号', ''].join('\n')
    expect(forms).toEqual([])
    await dropFile('letterheads.csv', Buffer.from(csv), 'text/csv')
    await checkedWithPlan()
    // The check went as a form: the rows as the file, the design (with the emblem) as the saved-design file.
    const sent = forms.at(-1)!
    expect(sent.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(new URL(sent.url).pathname).toBe('/v1/batch/letterhead.pdf')
    const rows = sent.form.get('rows') as File
    expect([rows.name, await rows.text()]).toEqual(['letterheads.csv', csv])
    const design = JSON.parse(await (sent.form.get('design') as File).text()) as { format: string; template: string; input: Record<string, unknown> }
    expect(design).toMatchObject({ format: 'qoyar-design', template: 'letterhead' })
    expect(design.input.emblem).toBe(`data:image/png;base64,${emblem.toString('base64')}`)
    // The design is in the form, not the URL.
    expect(new URL(sent.url).searchParams.has('org_zh')).toBe(false)
    expect((await plan()).text).toBe('2 signs → 2 pages, 210×297 mm, 1 per sheet')
    await page.locator('#batch-rows li img').nth(1).waitFor()
    await page.locator('#batch').screenshot({ path: shot('8-letterhead-emblem') })
    const { bytes } = await downloadBatch()
    expect(pdfInfo(bytes).pages).toBe(2)
    for (const n of [1, 2]) {
      const raster = PNG.sync.read(execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '40', '-png', '-singlefile', '-'], { input: bytes }))
      let greenPixels = 0
      for (let i = 0; i < raster.data.length; i += 4)
        if (Math.abs(raster.data[i]! - 10) < 30 && Math.abs(raster.data[i + 1]! - 150) < 30 && Math.abs(raster.data[i + 2]! - 60) < 30) greenPixels++
      expect(greenPixels, `page ${n}`).toBeGreaterThan(50)
    }
  })

  it('raised no script errors and fetched nothing from outside', () => {
    expect(errors).toEqual([])
  })
})
