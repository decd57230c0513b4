/**
 * The SVG path stage by stage, CPU time per call (process.cpuUsage), median of n, round robin over the
 * cases so that machine load hits every stage alike: layout (or prepare, design, compliance), then
 * renderSvg's own stages (mark the glyph boxes, satori, parse, draw the glyph runs, simplify, serialize),
 * and the route's whole request (validation, ETag and response included; render cache off).
 *   tsx bench/svg-stages.ts [n=100]
 */
import { CASES } from './cases.js'
import { cpuMs, loadAverage, ms, summarize } from './stats.js'
import { parseSvg, serializeSvg, simplifySvg } from '../src/render/satori-svg/index.js'
import { drawGlyphRuns, markGlyphRuns } from '../src/render/glyph-marks.js'
import type { El } from '../src/text/elements.js'
import { textImage } from '../src/render/text-image.js'
import { complianceOf, designOf, prepare } from '../src/render/template-render.js'
import { createApp } from '../src/app.js'

const n = Number(process.argv[2] ?? 100)
const { nodeEnv } = await import('../src/node/env.js')
const env = await nodeEnv()
const { fonts, engines } = env
const app = createApp({ ...env, cache: undefined })

type Stage = () => unknown
const cases: { name: string; stages: [string, Stage][] }[] = []

/** renderSvg (src/render/svg.ts) cut at its stages; each stage gets the previous one's output, computed once. */
async function pipelineStages(root: El, canvas: { width: number; height: number }): Promise<[string, Stage][]> {
  const marked = markGlyphRuns(root)
  // The text cases and the templates name no font family once marked: satori is handed none, as renderSvg does.
  const satoriSvg = () => engines.satori(marked.root as never, { width: canvas.width, height: canvas.height, fonts: [] as never, embedFont: true })
  const raw = await satoriSvg()
  const drawn = () => {
    const tree = parseSvg(raw)!
    drawGlyphRuns(tree, marked.runs, fonts)
    return tree
  }
  return [
    ['mark', () => markGlyphRuns(root)],
    ['satori', satoriSvg],
    ['parse', () => parseSvg(raw)],
    ['parse + draw', drawn],
    ['parse + draw + simplify', () => simplifySvg(drawn())],
    ['… + serialize', () => serializeSvg(simplifySvg(drawn()))],
  ]
}

const route = async (url: string) => (await app.request(url)).arrayBuffer()

for (const c of CASES) {
  const url = c.qoyar.svg!
  const q = new URLSearchParams(url.split('?')[1])
  const size = Number(q.get('size'))
  const spec = { text: q.get('text')!, orientation: 'vertical', size, color: '#000000', background: '#ffffff', padding: Number(q.get('padding')) } as const
  const image = textImage(fonts, spec)
  cases.push({ name: c.name, stages: [['layout', () => textImage(fonts, spec)], ...(await pipelineStages(image.root, image)), ['route', () => route(url)]] })
}
let fresh = 0
const banner = { ...(env.examples['slogan-banner'] as Record<string, string>), preset: 'screen-1920x480' }
{
  const p = prepare(env, 'slogan-banner', banner)
  const design = designOf(env, p)
  cases.push({
    name: 'slogan-banner',
    stages: [
      ['prepare', () => prepare(env, 'slogan-banner', banner)],
      ['design', () => designOf(env, p)],
      // A new mnScale each time: the fit is searched afresh (shaping stays cached).
      ['design, new fit', () => designOf(env, { ...p, fields: { ...p.fields, mnScale: 1 - ++fresh * 1e-9 } })],
      ['compliance', () => complianceOf(env, p, design)],
      ...(await pipelineStages(design.root, p.canvas)),
      ['route', () => route(`/v1/render/slogan-banner.svg?${new URLSearchParams(banner)}`)],
    ],
  })
}
const samples = new Map<string, number[]>()
for (const c of cases) for (const [, f] of c.stages) for (let i = 0; i < 10; i++) await f()
console.log(`load avg before: ${loadAverage()}`)
for (let i = 0; i < n; i++)
  for (const c of cases)
    for (const [stage, f] of c.stages) {
      const k = `${c.name} ${stage}`
      if (!samples.has(k)) samples.set(k, [])
      samples.get(k)!.push(await cpuMs(f))
    }
for (const [k, s] of samples) console.log(`${k.padEnd(28)} cpu p50 ${ms(summarize(s).p50)} ms`)
console.log('(each later clean-up stage includes the ones before it: subtract them)')
console.log(`load avg after: ${loadAverage()}`)
