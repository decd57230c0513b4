/**
 * The SVG path stage by stage, CPU time per call (process.cpuUsage), median of n, round robin over the
 * cases so that machine load hits every stage alike: prepare, design (layout and fitting), compliance,
 * satori, parse, simplify, serialize, and the route's whole request.
 *   tsx bench/svg-stages.ts [n=100]
 */
import { CASES } from './cases.js'
import { cpuMs, loadAverage, ms, summarize } from './stats.js'
import { parseSvg, serializeSvg, simplifySvg } from '../src/render/satori-svg/index.js'
import { textImage } from '../src/render/text-image.js'
import { complianceOf, designOf, prepare } from '../src/render/template-render.js'

const n = Number(process.argv[2] ?? 100)
const { nodeEnv } = await import('../src/node/env.js')
const env = await nodeEnv()
const { fonts, engines } = env

type Stage = () => unknown
const cases: { name: string; stages: [string, Stage][] }[] = []
const satoriSvg = async (root: unknown, canvas: { width: number; height: number }, families: readonly unknown[]) =>
  engines.satori(root as never, { width: canvas.width, height: canvas.height, fonts: families as never, embedFont: true })

for (const c of CASES) {
  const q = new URLSearchParams(c.qoyar.svg!.split('?')[1])
  const size = Number(q.get('size'))
  const spec = { text: q.get('text')!, orientation: 'vertical', size, color: '#000000', background: '#ffffff', padding: Number(q.get('padding')) } as const
  const image = textImage(fonts, spec)
  const families = fonts.satoriFontsFor(new Set(['x']))
  const raw = await satoriSvg(image.root, image, families)
  cases.push({
    name: c.name,
    stages: [
      ['layout', () => textImage(fonts, spec)],
      ['satori', () => satoriSvg(image.root, image, families)],
      ['parse', () => parseSvg(raw)],
      ['simplify', () => simplifySvg(parseSvg(raw)!)],
      ['serialize', () => serializeSvg(parseSvg(raw)!)],
    ],
  })
}
let fresh = 0
const banner = { ...(env.examples['slogan-banner'] as Record<string, string>), preset: 'screen-1920x480' }
{
  const p = prepare(env, 'slogan-banner', banner)
  const design = designOf(env, p)
  const families = fonts.satoriFontsFor(new Set(['x']))
  const raw = await satoriSvg(design.root, p.canvas, families)
  cases.push({
    name: 'slogan-banner',
    stages: [
      ['prepare', () => prepare(env, 'slogan-banner', banner)],
      ['design', () => designOf(env, p)],
      // A new mnScale each time: the fit is searched afresh (shaping stays cached).
      ['design, new fit', () => designOf(env, { ...p, fields: { ...p.fields, mnScale: 1 - ++fresh * 1e-9 } })],
      ['compliance', () => complianceOf(env, p, design)],
      ['satori', () => satoriSvg(design.root, p.canvas, families)],
      ['parse', () => parseSvg(raw)],
      ['simplify', () => simplifySvg(parseSvg(raw)!)],
      ['serialize', () => serializeSvg(parseSvg(raw)!)],
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
console.log('(simplify and serialize include a parse: subtract it)')
console.log(`load avg after: ${loadAverage()}`)
