/**
 * The mixed memory loop (issue 16): every template's example as PNG and SVG at
 * 150 and 300 dpi, and the text cases, round robin, in one process with the
 * render cache off so every request renders. Prints RSS every 1,000 renders
 * (or every tenth of the loop when scaled down) and returns the peak.
 *   BENCH_MIX_N=10000   renders in the loop
 */
import type { Hono } from 'hono'
import { EXAMPLES } from '../templates/index.js'
import { CASES } from './cases.js'
import { mb } from './stats.js'

export const MIX_N = Number(process.env.BENCH_MIX_N ?? 10_000)

interface Request {
  label: string
  init: () => Promise<Response>
}

function requests(app: Hono): Request[] {
  const out: Request[] = []
  for (const [id, example] of Object.entries(EXAMPLES))
    for (const format of ['png', 'svg'] as const)
      for (const dpi of [150, 300])
        out.push({
          label: `${id}.${format}@${dpi}`,
          init: async () =>
            app.request(`/v1/render/${id}.${format}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ...example, dpi }),
            }),
        })
  for (const c of CASES)
    for (const format of ['png', 'svg'] as const) {
      const url = c.qoyar[format]
      if (url) out.push({ label: `${c.name}.${format}`, init: async () => app.request(url) })
    }
  return out
}

export interface MixedResult {
  n: number
  peakRssMb: number
  samplesMb: number[]
}

export async function mixedLoop(app: Hono): Promise<MixedResult> {
  console.log(`\n== mixed memory loop: ${MIX_N} renders (BENCH_MIX_N), render cache off ==`)
  const list = requests(app)
  const every = MIX_N >= 10_000 ? 1000 : Math.max(1, Math.floor(MIX_N / 10))
  const statuses = new Map<string, number>()
  const samples: number[] = []
  let peak = process.memoryUsage.rss()
  /** Requests that raised the peak by more than 16 MB: what the peak is made of. */
  const rises: string[] = []
  const t0 = performance.now()
  for (let i = 1; i <= MIX_N; i++) {
    const r = list[(i - 1) % list.length]!
    const res = await r.init()
    await res.arrayBuffer()
    // Answers past the PNG size limit (413) are part of the mix: a server sees them too.
    const key = `${res.status}`
    statuses.set(key, (statuses.get(key) ?? 0) + 1)
    const rss = process.memoryUsage.rss()
    if (rss > peak) {
      if (rss - peak > 16 * 1024 * 1024) rises.push(`${r.label} → ${mb(rss)}`)
      peak = rss
    }
    if (i % every === 0) {
      samples.push(rss / 1024 / 1024)
      const m = process.memoryUsage()
      console.log(
        `  ${String(i).padStart(6)} renders: RSS ${mb(rss)}, heap ${mb(m.heapUsed)}, external ${mb(m.external)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      )
    }
  }
  console.log(`  ${list.length} request kinds round robin: ${list.map((r) => r.label).join(', ')}`)
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${s} ×${n}`).join(', ')}; peak RSS ${mb(peak)}`)
  console.log(`  the peak rose by > 16 MB at: ${rises.join('; ') || 'none'}`)
  return { n: MIX_N, peakRssMb: peak / 1024 / 1024, samplesMb: samples }
}
