/** PDF: exact page sizes, bleed and marks, imposition, same bytes for the same input, and pages that look like the PNG. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { app, env } from './helpers/env.js'
import { compileSatoriSvg } from '../src/node/pdf-fast.js'
import { designOf, prepare, svgOf } from '../src/render/template-render.js'
import { parseSvg, type SvgElement } from '../src/render/satori-svg/index.js'
import { decodePng, inkOf, inkOverlap } from './helpers/image.js'
import { skipWithout } from './helpers/tools.js'
import { post, q } from './helpers/http.js'

const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师' }
const dir = mkdtempSync(join(tmpdir(), 'qoyar-pdf-'))
const MM = 72 / 25.4

async function pdf(template: string, params: Record<string, string>) {
  const res = await app.request(`/v1/render/${template}.pdf?${q(params)}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const bytes = new Uint8Array(await res.arrayBuffer())
  const file = join(dir, `${template}-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, bytes)
  return { bytes, file }
}

function info(file: string) {
  const out = execFileSync('pdfinfo', ['-box', file], { encoding: 'utf8' })
  const nums = (label: string) =>
    out
      .match(new RegExp(`${label}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`))!
      .slice(1)
      .map(Number)
  const size = out.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/)!
  return { pages: Number(out.match(/Pages:\s+(\d+)/)![1]), width: Number(size[1]), height: Number(size[2]), trim: nums('TrimBox'), bleed: nums('BleedBox') }
}

describe('PDF output', () => {
  it('is a PDF whose bytes repeat for the same input', async () => {
    const a = await pdf('desk-card', CARD)
    const b = await pdf('desk-card', CARD)
    expect(Buffer.from(a.bytes.slice(0, 5)).toString()).toBe('%PDF-')
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
  })

  it.skipIf(skipWithout('poppler'))('has the exact page size in mm', async () => {
    const { file } = await pdf('desk-card', CARD)
    const i = info(file)
    expect(i.pages).toBe(1)
    expect(i.width).toBeCloseTo(200 * MM, 1)
    expect(i.height).toBeCloseTo(200 * MM, 1)
    const a3 = info((await pdf('slogan-banner', { mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古', preset: 'a3-poster' })).file)
    expect(a3.width).toBeCloseTo(420 * MM, 1)
    expect(a3.height).toBeCloseTo(297 * MM, 1)
  })

  it.skipIf(skipWithout('poppler'))('adds 3 mm bleed and crop marks around the trim, with TrimBox and BleedBox set', async () => {
    const { file } = await pdf('desk-card', { ...CARD, bleed: '3', marks: 'true' })
    const i = info(file)
    const trimW = i.trim[2]! - i.trim[0]!
    const bleedW = i.bleed[2]! - i.bleed[0]!
    expect(trimW).toBeCloseTo(200 * MM, 1)
    expect(bleedW).toBeCloseTo(206 * MM, 1)
    expect(i.width).toBeGreaterThan(bleedW + 8 * MM) // room for the marks
    // The red banner's colour runs into the bleed: the bleed strip is red, the page edge beyond is white.
    const banner = await pdf('slogan-banner', { mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古', preset: 'a3-poster', bleed: '3', marks: 'true' })
    execFileSync('pdftoppm', ['-r', '30', '-png', '-singlefile', banner.file, join(dir, 'bleed')])
    const png = decodePng(readFileSync(join(dir, 'bleed.png')))
    const px = (xMm: number, yMm: number) => {
      const x = Math.round((xMm / 25.4) * 30)
      const y = Math.round((yMm / 25.4) * 30)
      const o = (y * png.width + x) * 4
      return [png.data[o]!, png.data[o + 1]!, png.data[o + 2]!]
    }
    const b = info(banner.file)
    const margin = (b.width - (b.bleed[2]! - b.bleed[0]!)) / 2 / MM // page edge to bleed edge, mm
    const [r, g] = px(margin + 1.5, 150)
    expect(r).toBeGreaterThan(150)
    expect(g).toBeLessThan(80)
    expect(px(1, 150)).toEqual([255, 255, 255])
  })

  it.skipIf(skipWithout('poppler'))('imposes small desk cards four to an A4 sheet, and more copies onto more sheets', async () => {
    const one = info((await pdf('desk-card', { ...CARD, preset: 'face-100x50', sheet: 'a4' })).file)
    expect(one.pages).toBe(1)
    expect(one.width).toBeCloseTo(210 * MM, 0)
    expect(one.height).toBeCloseTo(297 * MM, 0)
    const nine = info((await pdf('desk-card', { ...CARD, preset: 'face-100x50', sheet: 'a4', copies: '9' })).file)
    expect(nine.pages).toBe(3)
    const a3 = info((await pdf('desk-card', { ...CARD, sheet: 'a3', copies: '4' })).file)
    expect(a3.pages).toBe(2)
  })

  it('refuses a sheet too small for the sign', async () => {
    const res = await app.request(`/v1/render/slogan-banner.pdf?${q({ mn: 'ᠮᠣᠩᠭᠣᠯ', zh: '蒙古', sheet: 'a4' })}`)
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('sheet_too_small')
  })

  it.skipIf(skipWithout('poppler'))('rasterises to the same picture as the PNG render', async () => {
    const params = { ...CARD, dpi: '100' }
    const { file } = await pdf('desk-card', params)
    execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', file, join(dir, 'card')])
    const fromPdf = decodePng(readFileSync(join(dir, 'card.png')))
    const png = decodePng(new Uint8Array(await (await app.request(`/v1/render/desk-card.png?${q(params)}`)).arrayBuffer()))
    expect(Math.abs(fromPdf.width - png.width)).toBeLessThanOrEqual(1)
    expect(Math.abs(fromPdf.height - png.height)).toBeLessThanOrEqual(1)
    const overlap = inkOverlap(inkOf(fromPdf), inkOf(png))
    expect(overlap).toBeGreaterThan(0.85)
  })
})

describe.skipIf(skipWithout('poppler'))('every template example: the PDF page shows what the PNG shows', () => {
  for (const t of env.templates)
    it(t.id, async () => {
      const fields = { ...(env.examples[t.id] as Record<string, unknown>) }
      const preset = t.presets.find((p) => p.id === (fields.preset ?? t.defaultPreset))!
      // A resolution that keeps the page near 1,000 px on its long side.
      const dpi = Math.max(10, Math.round((1000 / Math.max(preset.widthMm, preset.heightMm)) * 25.4))
      const body = JSON.stringify({ ...fields, dpi })
      const render = (format: string) => post(`/v1/render/${t.id}.${format}`, body)
      const pdfRes = await render('pdf')
      expect(pdfRes.status).toBe(200)
      const file = join(dir, `${t.id}.pdf`)
      writeFileSync(file, new Uint8Array(await pdfRes.arrayBuffer()))
      const i = info(file)
      expect(i.width).toBeCloseTo(preset.widthMm * MM, 0)
      expect(i.height).toBeCloseTo(preset.heightMm * MM, 0)
      execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, join(dir, t.id)])
      const fromPdf = decodePng(readFileSync(join(dir, `${t.id}.png`)))
      const png = decodePng(new Uint8Array(await (await render('png')).arrayBuffer()))
      expect(Math.abs(fromPdf.width - png.width)).toBeLessThanOrEqual(1)
      // Ink: text, rules and pictures, wherever they are darker than the ground.
      expect(inkOverlap(inkOf(fromPdf, 0.3), inkOf(png, 0.3))).toBeGreaterThan(0.8)
      // And colour, pixel by pixel: poppler and resvg anti-alias differently, nothing more.
      const w = Math.min(fromPdf.width, png.width)
      const h = Math.min(fromPdf.height, png.height)
      let diff = 0
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          for (let ch = 0; ch < 3; ch++) diff += Math.abs(fromPdf.data[(y * fromPdf.width + x) * 4 + ch]! - png.data[(y * png.width + x) * 4 + ch]!)
      expect(diff / (w * h * 3)).toBeLessThan(6)
    })
})

/**
 * Template examples that may go through svg-to-pdfkit instead of the fast path, and why.
 * Empty: every template's SVG is in the fast path's subset (display-board's box-shadow included).
 */
const FALLBACK: Record<string, string> = {}

describe('the PDF fast path', () => {
  const compileExample = async (id: string) => {
    const p = prepare(env, id, { ...(env.examples[id] as Record<string, unknown>), dpi: '30' })
    return compileSatoriSvg(await svgOf(env, p, designOf(env, p)))
  }
  for (const t of env.templates) {
    const why = FALLBACK[t.id]
    if (why)
      it(`refuses the ${t.id} example (listed fallback: ${why})`, async () => {
        expect(await compileExample(t.id)).toEqual({ refused: expect.stringMatching(/\S/) })
      })
    else
      it(`draws the ${t.id} example`, async () => {
        const result = await compileExample(t.id)
        if ('refused' in result) expect.unreachable(`the fast path refused it: ${result.refused}`)
        expect(result.compiled.ops.length).toBeGreaterThan(2)
      })
  }

  it('refuses what it does not know, with the reason', () => {
    expect(compileSatoriSvg('<svg width="10" height="10"><text>hi</text></svg>')).toEqual({ refused: 'not element-only SVG' })
    expect(compileSatoriSvg('<svg width="10" height="10"><circle r="4"/></svg>')).toEqual({ refused: 'a <circle> element' })
    const blur =
      '<svg width="10" height="10"><filter id="f"><feGaussianBlur stdDeviation="2"/></filter><g filter="url(#f)"><rect width="5" height="5"/></g></svg>'
    expect(compileSatoriSvg(blur)).toEqual({ refused: 'a filter other than satori’s box-shadow' })
  })

  it.skipIf(skipWithout('poppler'))('draws display-board’s box-shadow: a soft edge below the picture frame, as resvg does', async () => {
    const dpi = 30
    const p = prepare(env, 'display-board', { ...(env.examples['display-board'] as Record<string, unknown>), dpi: String(dpi) })
    const svg = await svgOf(env, p, designOf(env, p))
    const find = (e: SvgElement): SvgElement | undefined => (e.attrs.filter ? e : e.children.map(find).find(Boolean))
    const frame = find(parseSvg(svg)!)!.children[0]!
    const x = Math.round(Number(frame.attrs.x) + Number(frame.attrs.width) / 2)
    const bottom = Number(frame.attrs.y) + Number(frame.attrs.height) // the bottom of the shadow’s shape, 2 px below the frame
    const body = JSON.stringify({ ...(env.examples['display-board'] as Record<string, unknown>), dpi })
    const render = (format: string) => post(`/v1/render/display-board.${format}`, body)
    const file = join(dir, 'shadow.pdf')
    writeFileSync(file, new Uint8Array(await (await render('pdf')).arrayBuffer()))
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, join(dir, 'shadow')])
    const fromPdf = decodePng(readFileSync(join(dir, 'shadow.png')))
    const png = decodePng(new Uint8Array(await (await render('png')).arrayBuffer()))
    const grey = (img: { data: Uint8Array; width: number }, y: number) => img.data[(Math.round(y) * img.width + x) * 4 + 1]!
    for (const img of [png, fromPdf]) {
      const ground = grey(img, bottom + 20)
      // Just below the frame the shadow darkens the ground; well below, it is gone.
      expect(grey(img, bottom + 1)).toBeLessThan(ground - 8)
      expect(grey(img, bottom + 12)).toBeGreaterThanOrEqual(ground - 2)
    }
    expect(Math.abs(grey(fromPdf, bottom + 1) - grey(png, bottom + 1))).toBeLessThan(20)
  })
})
