/**
 * npm run bench:edge — workerd figures beside Node's, same designs, same run.
 * Prints figures and asserts nothing.
 *
 *   BENCH_EDGE_N=100   timed renders per design × format × runtime
 *
 * workerd: `wrangler dev` on a free loopback port with the render cache off
 * (RENDER_CACHE=off), so every request renders; timings are wall time of a
 * loopback HTTP GET (the /healthz round trip is printed for scale). The
 * renders are CPU-bound and one runs at a time, so wall time ≈ the CPU time
 * Workers would bill. Node: the same app in-process (app.request), cache off.
 * "first request" on workerd is the isolate's first request (fonts from
 * assets, HarfBuzz, satori and resvg-wasm start-up, then the render).
 */
import { pathToFileURL } from 'node:url'
import { startEdge } from '../scripts/edge/wrangler.js'
import { WORKERS_RASTER_BUDGET } from '../src/worker/limits.js'
import { CASES } from './cases.js'
import { loadAverage, ms, summarize, timeLoop, type Summary } from './stats.js'

const N = Number(process.env.BENCH_EDGE_N ?? 100)
const WARMUP = 5

interface Design {
  name: string
  svg: string
  png: string
  pixels?: number
}

const q = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()

function designs(examples: Readonly<Record<string, Record<string, unknown>>>): Design[] {
  const out: Design[] = CASES.map((c) => ({ name: c.name, svg: c.qoyar.svg!, png: c.qoyar.png! }))
  const banner = examples['slogan-banner']
  if (banner) out.push({ name: 'slogan-banner', svg: `/v1/render/slogan-banner.svg?${q(banner)}`, png: `/v1/render/slogan-banner.png?${q(banner)}` })
  return out
}

/** Desk-card sheets (200×200 mm) at rising dpi: which sizes fit which CPU budget. */
function sizeLadder(examples: Readonly<Record<string, Record<string, unknown>>>): Design[] {
  const card = examples['desk-card']
  if (!card) return []
  return [72, 100, 150, 200, 240].map((dpi) => {
    const side = Math.round((200 / 25.4) * dpi)
    return {
      name: `desk-card 200×200 mm @${dpi} dpi (${side}×${side})`,
      svg: '',
      png: `/v1/render/desk-card.png?${q({ ...card, preset: 'face-200x100', dpi })}`,
      pixels: side * side,
    }
  })
}

const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')

/** The whole edge section; bench/run.ts can call it as one more section. */
export async function edgeBench(): Promise<void> {
  console.log('== edge: workerd (wrangler dev) beside Node, same designs ==')
  const load = () => loadAverage()
  console.log(`load avg at start: ${load()} (other work on the machine skews timings)`)
  const { nodeEnv } = await import('../src/node/env.js')
  const { createApp } = await import('../src/app.js')
  let t0 = performance.now()
  const env = await nodeEnv()
  const node = createApp({ ...env, cache: undefined })
  const nodeEnvMs = performance.now() - t0

  const nodeGet = async (url: string) => {
    const res = await node.request(url)
    if (res.status !== 200) throw new Error(`Node GET ${url.slice(0, 60)}… → ${res.status}: ${await res.text()}`)
    return new Uint8Array(await res.arrayBuffer())
  }

  t0 = performance.now()
  const edge = await startEdge({ vars: { RENDER_CACHE: 'off' } })
  const wallStart = performance.now() - t0
  try {
    const edgeGet = async (url: string) => {
      const res = await fetch(edge.url + url, { signal: AbortSignal.timeout(60_000) })
      if (res.status !== 200) throw new Error(`workerd GET ${url.slice(0, 60)}… → ${res.status}: ${await res.text()}`)
      return new Uint8Array(await res.arrayBuffer())
    }
    const all = designs(env.examples)
    const first = all[0]!

    t0 = performance.now()
    await edgeGet(first.png)
    const edgeFirst = performance.now() - t0
    t0 = performance.now()
    await nodeGet(first.png)
    const nodeFirst = performance.now() - t0
    const health = summarize(await timeLoop(() => fetch(edge.url + '/healthz').then((r) => r.arrayBuffer()), { warmup: 5, n: 50 }))

    console.log(`wrangler dev ready in ${ms(wallStart)} ms (bundle + workerd start)`)
    console.log(
      `first request (${first.name} png): workerd ${ms(edgeFirst)} ms (cold isolate: fonts, HarfBuzz, satori, resvg-wasm, render); Node ${ms(nodeFirst)} ms after an env load of ${ms(nodeEnvMs)} ms`,
    )
    console.log(`workerd /healthz round trip over loopback: p50 ${ms(health.p50)} ms (HTTP overhead inside every workerd figure)`)

    const results: { design: string; format: string; node: Summary; edge: Summary; same: string }[] = []
    for (const d of all) {
      for (const format of ['svg', 'png'] as const) {
        const url = d[format]
        const [a, b] = [await nodeGet(url), await edgeGet(url)]
        const same = a.length === b.length && a.every((v, i) => v === b[i]) ? 'identical' : 'differ'
        const nodeS = summarize(await timeLoop(() => nodeGet(url), { warmup: WARMUP, n: N, budgetMs: 30_000 }))
        const edgeS = summarize(await timeLoop(() => edgeGet(url), { warmup: WARMUP, n: N, budgetMs: 30_000 }))
        results.push({ design: d.name, format, node: nodeS, edge: edgeS, same })
      }
    }
    const widths = [16, 6, 18, 18, 9, 10]
    console.log('\n' + row(['design', 'format', 'Node p50 / p95', 'workerd p50 / p95', 'n', 'bytes'], widths))
    for (const r of results)
      console.log(
        row([r.design, r.format, `${ms(r.node.p50)} / ${ms(r.node.p95)}`, `${ms(r.edge.p50)} / ${ms(r.edge.p95)}`, `${r.node.n}/${r.edge.n}`, r.same], widths),
      )

    console.log(`\nPNG sizes under workerd (warm p50/p95; budget ${WORKERS_RASTER_BUDGET.maxPixels / 1e6} MP: larger is a 413):`)
    for (const d of sizeLadder(env.examples)) {
      if (d.pixels! > WORKERS_RASTER_BUDGET.maxPixels) {
        console.log(`  ${d.name}: over the budget`)
        continue
      }
      const s = summarize(await timeLoop(() => edgeGet(d.png), { warmup: 2, n: Math.min(N, 20), budgetMs: 20_000 }))
      const n = summarize(await timeLoop(() => nodeGet(d.png), { warmup: 2, n: Math.min(N, 20), budgetMs: 20_000 }))
      console.log(`  ${d.name}, ${(d.pixels! / 1e6).toFixed(2)} MP: workerd ${ms(s.p50)} / ${ms(s.p95)} ms, Node ${ms(n.p50)} / ${ms(n.p95)} ms`)
    }
  } finally {
    await edge.stop()
  }
  console.log(`load avg at end: ${load()}`)
}

// Run directly (npm run bench:edge), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await edgeBench()
