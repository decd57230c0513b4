/**
 * Reading satori's SVG (src/render/satori-svg), per template example:
 * - the read itself: parse, and parse + clean-up + write back (what every SVG and PNG render pays);
 * - resvg's render (pixels only, no PNG encoding) of satori's raw SVG against the lean one,
 *   and what a canvas-wide flat fill and off-canvas content cost resvg;
 * - a one-page PDF through the fast path against svg-to-pdfkit.
 * Figures only. Also `npx tsx bench/svg-read.ts` on its own.
 */
import { Resvg } from '@resvg/resvg-js'
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import { nodeEnv } from '../src/node/env.js'
import { drawSatoriSvg } from '../src/node/pdf-fast.js'
import { designOf, prepare } from '../src/render/template-render.js'
import { leanSvg } from '../src/render/svg.js'
import { parseSvg } from '../src/render/satori-svg/index.js'
import { loadAverage, ms, summarize, timeLoop } from './stats.js'

const N = Number(process.env.BENCH_SVG_READ_N ?? 30)
const BUDGET_MS = 4000

const p50 = async (fn: () => unknown, n = N) => summarize(await timeLoop(async () => fn(), { warmup: 3, n, budgetMs: BUDGET_MS })).p50
const render = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render()

/** One PDF page of the SVG, drawn by `draw`, to the last byte. */
function pdfPage(svg: string, width: number, height: number, draw: (doc: PDFKit.PDFDocument) => void): Promise<number> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true })
  let bytes = 0
  doc.on('data', (c: Buffer) => void (bytes += c.length))
  const done = new Promise<number>((resolve) => doc.on('end', () => resolve(bytes)))
  doc.addPage({ size: [width, height], margin: 0 })
  draw(doc)
  doc.end()
  return done
}

export async function svgReadBench(): Promise<void> {
  console.log(`\n== reading satori's SVG (parse, clean-up, resvg render, PDF fast path) ==`)
  console.log(`load avg at start: ${loadAverage()}; N=${N} (capped at ${BUDGET_MS / 1000} s a series)`)
  const env = await nodeEnv()
  const cases: { name: string; input: Record<string, unknown> }[] = env.templates.map((t) => ({
    name: t.id,
    input: { ...(env.examples[t.id] as Record<string, unknown>) },
  }))
  cases.push({ name: 'desk-card 300 dpi', input: { ...(env.examples['desk-card'] as Record<string, unknown>), dpi: '300' } })
  console.log('case                 canvas       parse   read+clean | resvg raw   lean   ×     | no fill  off-canvas | PDF fast  svg-to-pdfkit  ×')
  for (const c of cases) {
    const id = c.name.split(' ')[0]!
    const p = prepare(env, id, c.input)
    const raw = await env.engines.satori(designOf(env, p).root as never, {
      width: p.canvas.width,
      height: p.canvas.height,
      fonts: env.fonts.satoriFonts as never,
      embedFont: true,
    })
    const lean = leanSvg(raw)
    const parse = await p50(() => parseSvg(raw), 200)
    const clean = await p50(() => leanSvg(raw), 200)
    const rasterRaw = await p50(() => render(raw), Math.min(N, 10))
    const rasterLean = await p50(() => render(lean), Math.min(N, 10))
    // What a canvas-wide flat fill costs: the lean SVG without its first full-canvas rect.
    const fill = `<rect x="0" y="0" width="${p.canvas.width}" height="${p.canvas.height}"`
    const noFill = lean.includes(fill) ? lean.replace(new RegExp(`${fill}[^>]*/>`), '') : lean
    const rasterNoFill = await p50(() => render(noFill), Math.min(N, 10))
    // What off-canvas content costs: the lean SVG plus a copy of its content moved past the right edge.
    const body = lean.slice(lean.indexOf('>') + 1, lean.lastIndexOf('</svg>'))
    const offCanvas = lean.replace('</svg>', `<g transform="translate(${p.canvas.width + 10},0)">${body}</g></svg>`)
    const rasterOff = await p50(() => render(offCanvas), Math.min(N, 10))
    const { width, height } = { width: p.canvas.widthMm * (72 / 25.4), height: p.canvas.heightMm * (72 / 25.4) }
    const fast = await p50(() => pdfPage(lean, width, height, (doc) => void drawSatoriSvg(doc, lean, 0, 0, width, height)))
    const general = await p50(() => pdfPage(lean, width, height, (doc) => SVGtoPDF(doc, lean, 0, 0, { width, height, preserveAspectRatio: 'none' })))
    const refused = drawSatoriSvg(new PDFDocument({ autoFirstPage: true }), lean, 0, 0, width, height)
    console.log(
      [
        c.name.padEnd(20),
        `${p.canvas.width}×${p.canvas.height}`.padEnd(12),
        ms(parse).padStart(6),
        ms(clean).padStart(8),
        '   |',
        ms(rasterRaw).padStart(8),
        ms(rasterLean).padStart(7),
        `${(rasterRaw / rasterLean).toFixed(1)}×`.padStart(5),
        '   |',
        ms(rasterNoFill).padStart(7),
        ms(rasterOff).padStart(9),
        '   |',
        ms(fast).padStart(8),
        ms(general).padStart(11),
        `${(general / fast).toFixed(1)}×`.padStart(8),
        refused ? `  (fast path refused: ${refused.refused})` : '',
      ].join(' '),
    )
  }
  console.log(
    '(ms, p50. resvg: render() only, no PNG encoding. "no fill": lean without the canvas-wide background rect; "off-canvas": lean plus a copy of everything past the right edge)',
  )
  console.log(`load avg at end: ${loadAverage()}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await svgReadBench()
