/**
 * A batch with a design: POST /v1/batch/{template}.pdf as multipart/form-data, a `rows` part (the CSV) and a
 * `design` part (the saved-design file the studio exports), the design giving every row what a query cannot
 * carry: the emblem, as a data: URI. Each page of the PDF, as poppler draws it, has the emblem in the
 * letterhead's emblem slot, where a single render of the same design puts it; a row's cells win over the
 * design; the CSV-body form is unchanged; bad forms get JSON with stable codes.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { DESIGN_FORMAT } from '../src/design-file.js'
import { BATCH_LIMITS } from '../src/http/routes/batch.js'
import { app } from './helpers/env.js'
import { errorOf, post } from './helpers/http.js'
import { decodePng, type Raster } from './helpers/image.js'
import { pdfPages, skipWithout } from './helpers/tools.js'

const OUT = new URL('./out/', import.meta.url).pathname
const GREEN = [10, 150, 60]
const PURPLE = [122, 31, 162]

/** A square PNG of one colour, as an emblem picture. */
function emblemPng(side: number, rgb: number[]): string {
  const p = new PNG({ width: side, height: side })
  for (let i = 0; i < p.data.length; i += 4) p.data.set([...rgb, 255], i)
  return `data:image/png;base64,${PNG.sync.write(p).toString('base64')}`
}

const CSV = [
  'org_mn,org_zh,docNumber',
  'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ,蒙古语言文字工作委员会,蒙文字〔2026〕1号',
  'ᠪᠠᠭᠰᠢ,教育局,教字〔2026〕2号',
  'ᠡᠮᠨᠡᠯᠭ᠎ᠡ,卫生健康委员会,卫字〔2026〕3号',
  '',
].join('\n')

const design = (input: Record<string, unknown>, template = 'letterhead') => ({ format: DESIGN_FORMAT, version: 1, name: '文头 品牌', template, input })

/** The multipart form the studio sends: the rows as a CSV file, the design as a JSON file. */
function form(parts: Record<string, string | Blob>): FormData {
  const f = new FormData()
  for (const [name, value] of Object.entries(parts)) f.append(name, value)
  return f
}
const csvFile = (text = CSV) => new Blob([text], { type: 'text/csv' })
const jsonFile = (value: unknown) => new Blob([JSON.stringify(value)], { type: 'application/json' })
const batch = (path: string, body: FormData | string, headers: Record<string, string> = {}) => app.request(path, { method: 'POST', body, headers })

/** Pixels near `rgb`, and their bounding box, px. */
function near(r: Raster, rgb: number[]) {
  let count = 0
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4
      if (!rgb.every((c, k) => Math.abs(r.data[i + k]! - c) < 30)) continue
      count++
      box.x0 = Math.min(box.x0, x)
      box.y0 = Math.min(box.y0, y)
      box.x1 = Math.max(box.x1, x + 1)
      box.y1 = Math.max(box.y1, y + 1)
    }
  return { count, box }
}

/** A box in px at `dpi` as mm. */
const mm = (b: { x0: number; y0: number; x1: number; y1: number }, dpi: number) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, (v * 25.4) / dpi])) as typeof b

/** Every page of a PDF as poppler draws it at `dpi`. */
function pagesOf(pdf: Uint8Array, dpi: number): Raster[] {
  const n = pdfPages(pdf)
  return Array.from({ length: n }, (_, i) =>
    decodePng(execFileSync('pdftoppm', ['-f', String(i + 1), '-l', String(i + 1), '-r', String(dpi), '-png', '-singlefile', '-'], { input: pdf })),
  )
}

describe('POST /v1/batch with a design (multipart/form-data: rows and design)', () => {
  const emblem = emblemPng(64, GREEN)
  const input = { preset: 'a4-header', emblem, color: '#7a1fa2', org_zh: '设计里的单位', org_mn: 'ᠪᠠᠲᠤ', docNumber: '设〔2026〕9号' }

  it.skipIf(skipWithout('poppler'))('puts the design’s emblem on every page, in the emblem slot a single render of the design uses', async () => {
    const res = await batch('/v1/batch/letterhead.pdf', form({ rows: csvFile(), design: jsonFile(design(input)) }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const pdf = new Uint8Array(await res.arrayBuffer())
    const dpi = 60
    // The second page as poppler draws it, for people to look at.
    mkdirSync(OUT, { recursive: true })
    execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '100', '-png', '-singlefile', '-', `${OUT}batch-design-page2`], { input: pdf })
    const pages = pagesOf(pdf, dpi)
    // Three rows, three signs, no page of bad rows; each page the header strip, 210×90 mm.
    expect(pages).toHaveLength(3)
    // Where the emblem goes: each row's fields over the same design, rendered on its own (300 dpi); it sits beside the row's mark.
    const [header, ...lines] = CSV.trim().split('\n')
    const rows = lines.map((l) => Object.fromEntries(header!.split(',').map((k, n) => [k, l.split(',')[n]])))
    for (const [i, page] of pages.entries()) {
      const single = await post('/v1/render/letterhead.png', { ...input, ...rows[i] })
      expect(single.status).toBe(200)
      const slot = near(decodePng(new Uint8Array(await single.arrayBuffer())), GREEN)
      expect(slot.count).toBeGreaterThan(1000)
      const slotMm = mm(slot.box, 300)
      expect([page.width, page.height].map((v) => Math.round((v * 25.4) / dpi))).toEqual([210, 90])
      const green = near(page, GREEN)
      expect(green.count, `page ${i + 1}`).toBeGreaterThan(100)
      const got = mm(green.box, dpi)
      for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(got[k] - slotMm[k]), `page ${i + 1} ${k}`).toBeLessThan(1)
      // The design's colour too: the authority's mark in the brand's purple.
      expect(near(page, PURPLE).count, `page ${i + 1}`).toBeGreaterThan(100)
    }
  })

  it('lets each row’s cells win over the design, and the query over the design', async () => {
    const res = await batch('/v1/batch/letterhead.pdf', form({ rows: csvFile(), design: jsonFile(design(input)) }), { Accept: 'application/json' })
    expect(res.status).toBe(200)
    const report = (await res.json()) as { rows: number; rendered: number; failed: number }
    expect(report).toMatchObject({ rows: 3, rendered: 3, failed: 0 })
    // A column speaks for its field in every row: a blank cell is a blank field (here a bad row), never the design's text.
    const blank = CSV.replace('ᠪᠠᠭᠰᠢ,教育局,', 'ᠪᠠᠭᠰᠢ,,')
    const withBlank = await batch('/v1/batch/letterhead.pdf', form({ rows: csvFile(blank), design: jsonFile(design(input)) }), { Accept: 'application/json' })
    const blankReport = (await withBlank.json()) as { failed: number; results: { row: number; status: string; error?: { field?: string } }[] }
    expect(blankReport.failed).toBe(1)
    expect(blankReport.results[1]).toMatchObject({ row: 3, status: 'failed', error: { field: 'org_zh' } })
    // The query's preset over the design's: the A4 page, not the header strip.
    const a4 = await batch('/v1/batch/letterhead.pdf?preset=a4', form({ rows: csvFile(), design: jsonFile(design(input)) }))
    if (!skipWithout('poppler')) {
      const info = execFileSync('pdfinfo', ['-'], { input: new Uint8Array(await a4.arrayBuffer()), encoding: 'utf8' })
      expect(
        /Page size:\s+([\d.]+) x ([\d.]+)/
          .exec(info)!
          .slice(1)
          .map((v) => Math.round((Number(v) * 25.4) / 72)),
      ).toEqual([210, 297])
    }
  })

  it.skipIf(skipWithout('poppler'))('a CSV body (no design) is what it was: the same rows, pages of the template’s own look, no emblem', async () => {
    const res = await batch('/v1/batch/letterhead.pdf?preset=a4-header', CSV, { 'Content-Type': 'text/csv' })
    expect(res.status).toBe(200)
    const pages = pagesOf(new Uint8Array(await res.arrayBuffer()), 60)
    expect(pages).toHaveLength(3)
    for (const page of pages) {
      expect(near(page, GREEN).count).toBe(0)
      expect(near(page, PURPLE).count).toBe(0)
    }
    // A form of rows alone reports the same rows as the CSV body.
    const report = async (r: Response) => ((await r.json()) as { results: unknown[] }).results
    const asBody = await batch('/v1/batch/letterhead.pdf?preset=a4-header', CSV, { 'Content-Type': 'text/csv', Accept: 'application/json' })
    const asForm = await batch('/v1/batch/letterhead.pdf?preset=a4-header', form({ rows: csvFile() }), { Accept: 'application/json' })
    expect(await report(asForm)).toEqual(await report(asBody))
  })

  it('refuses a bad form with JSON and a stable code', async () => {
    const cases: [string, FormData | string, Record<string, string>, number, string][] = [
      ['no rows part', form({ design: jsonFile(design(input)) }), {}, 400, 'missing_part'],
      ['an unknown part', form({ rows: csvFile(), logo: jsonFile({}) }), {}, 400, 'unexpected_part'],
      [
        'the design twice',
        (() => {
          const f = form({ rows: csvFile(), design: jsonFile(design(input)) })
          f.append('design', jsonFile(design(input)))
          return f
        })(),
        {},
        400,
        'unexpected_part',
      ],
      ['a design that is not JSON', form({ rows: csvFile(), design: new Blob(['{not json'], { type: 'application/json' }) }), {}, 400, 'invalid_json'],
      ['a design of another template', form({ rows: csvFile(), design: jsonFile(design({}, 'desk-card')) }), {}, 422, 'design_template_mismatch'],
      ['a design file that is not valid', form({ rows: csvFile(), design: jsonFile({ ...design(input), version: 2 }) }), {}, 422, 'invalid_design'],
      [
        'a design part over its limit',
        form({ rows: csvFile(), design: new Blob([' '.repeat(BATCH_LIMITS.maxDesignBytes + 1)], { type: 'application/json' }) }),
        {},
        413,
        'part_too_large',
      ],
      ['a form that does not parse', '--x\r\nnot a part', { 'Content-Type': 'multipart/form-data; boundary=x' }, 400, 'invalid_form'],
      ['a plain-text body', 'org_zh\n教育局\n', { 'Content-Type': 'text/plain' }, 415, 'unsupported_media_type'],
    ]
    for (const [what, body, headers, status, code] of cases) {
      const res = await batch('/v1/batch/letterhead.pdf', body, headers)
      expect(res.status, what).toBe(status)
      expect((await errorOf(res)).code, what).toBe(code)
    }
  })

  it('bounds the whole form before reading it', async () => {
    const huge = new Blob([new Uint8Array(BATCH_LIMITS.maxBodyBytes + BATCH_LIMITS.maxDesignBytes + 128 * 1024)], { type: 'text/csv' })
    const res = await batch('/v1/batch/letterhead.pdf', form({ rows: huge }))
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('payload_too_large')
  })
})
