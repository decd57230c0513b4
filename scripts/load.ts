/**
 * npm run load: autocannon against the Node server on loopback, four cases
 * from issue 20, each printing req/s, latency p50/p99, errors and the
 * server's RSS; the heavy case probes /healthz alongside.
 *   LOAD_SECONDS=20 LOAD_CONNECTIONS=200 npm run load
 *   LOAD_CASES=cached,heavy npm run load     (cases whose name starts with one of these words)
 */
import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import { SERVICE_MALLOC_ENV, SERVICE_NODE_OPTIONS } from './service/memory-env.js'
import { startServer } from './service/server-process.js'

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200)
const HEAVY_CONNECTIONS = Number(process.env.LOAD_HEAVY_CONNECTIONS ?? 8)
const ONLY = (process.env.LOAD_CASES ?? '').split(',').filter(Boolean)

// LOAD_NODE_OPTIONS adds to the server's Node options (--cpu-prof, say).
const server = await startServer({ ...SERVICE_MALLOC_ENV, NODE_OPTIONS: `${SERVICE_NODE_OPTIONS} ${process.env.LOAD_NODE_OPTIONS ?? ''}`.trim() }) // as `npm start`
const baseline = server.rssMb()
const q = (p: Record<string, string>) => new URLSearchParams(p).toString()
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

interface Probe {
  p50: number
  p99: number
  max: number
  n: number
}

/** /healthz once every 50 ms while the heavy case runs, timed from here. */
function probeHealth(stop: AbortSignal): Promise<Probe> {
  return new Promise((resolve) => {
    const times: number[] = []
    const tick = async () => {
      while (!stop.aborted) {
        const t = performance.now()
        try {
          await (await fetch(`${server.base}/healthz`)).arrayBuffer()
          times.push(performance.now() - t)
        } catch {
          times.push(Infinity)
        }
        await new Promise((r) => setTimeout(r, 50))
      }
      times.sort((a, b) => a - b)
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN
      resolve({ p50: at(0.5), p99: at(0.99), max: times.at(-1) ?? NaN, n: times.length })
    }
    void tick()
  })
}

const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师' }
const board = ((await (await fetch(`${server.base}/v1/templates`)).json()) as { templates: { id: string; example: Record<string, unknown> }[] }).templates.find(
  (t) => t.id === 'display-board',
)!.example

/** `warm`: asked once before the clock starts, so a cached case times hits, not the first render (and the threads' start). */
const cases: { name: string; connections: number; requests: NonNullable<Parameters<typeof autocannon>[0]['requests']>; probe?: boolean; warm?: string }[] = [
  {
    name: 'cached: one PNG',
    connections: CONNECTIONS,
    warm: `/v1/render/desk-card.png?${q({ ...CARD, dpi: '72' })}`,
    requests: [{ method: 'GET', path: `/v1/render/desk-card.png?${q({ ...CARD, dpi: '72' })}` }],
  },
  {
    name: 'unique PNGs',
    connections: CONNECTIONS,
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/v1/text.png?${q({ text: `巴图 ${unique()}`, size: '48' })}` }) }],
  },
  {
    name: 'mixed SVG',
    connections: CONNECTIONS,
    requests: [
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/v1/render/desk-card.svg?${q({ ...CARD, name_zh: `巴图${unique()}` })}` }) },
      {
        method: 'GET',
        setupRequest: (r) => ({ ...r, path: `/v1/render/slogan-banner.svg?${q({ mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', zh: `蒙古语${unique()}`, preset: 'screen-1920x480' })}` }),
      },
      { method: 'GET', setupRequest: (r) => ({ ...r, path: `/v1/text.svg?${q({ text: `ᠮᠣᠩᠭᠣᠯ ${unique()}` })}` }) },
    ],
  },
  {
    name: 'heavy: display-board PNGs + PDF batches, /healthz probed',
    connections: HEAVY_CONNECTIONS,
    probe: true,
    requests: [
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: '/v1/render/display-board.png',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...board, title_zh: `展板${unique()}`, preset: 'a1' }),
        }),
      },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: '/v1/batch/desk-card.pdf',
          headers: { 'content-type': 'text/csv' },
          body: 'name_mn,name_zh\n' + `ᠪᠠᠲᠤ,巴图${unique()}\n`.repeat(50),
        }),
      },
    ],
  },
]

console.log(
  `load: ${SECONDS} s a case, loopback, server RSS at start ${baseline.toFixed(0)} MB, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
console.log(
  '| case | connections | req/s | p50 ms | p99 ms | max ms | errors (non-2xx / socket / timeouts) | RSS after, MB | /healthz p50 / p99 / max ms | server CPU µs a request | load (1 min) |',
)
console.log('|---|---|---|---|---|---|---|---|---|---|---|')
for (const c of cases) {
  if (ONLY.length && !ONLY.some((w) => c.name.startsWith(w))) continue
  const stop = new AbortController()
  const probe = c.probe ? probeHealth(stop.signal) : null
  if (c.warm) await (await fetch(`${server.base}${c.warm}`)).arrayBuffer()
  const cpu0 = server.cpuSeconds()
  const r = await autocannon({ url: server.base, connections: c.connections, duration: SECONDS, timeout: 60, requests: c.requests })
  stop.abort()
  const h = probe ? await probe : null
  const codes = Object.entries(r.statusCodeStats)
    .map(([s, v]) => `${s}×${v.count}`)
    .join(' ')
  console.log(
    `| ${c.name} | ${c.connections} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.non2xx} / ${r.errors} / ${r.timeouts} (${codes}) | ${server.rssMb().toFixed(0)} | ${h ? `${h.p50.toFixed(1)} / ${h.p99.toFixed(1)} / ${h.max.toFixed(1)} (${h.n} probes)` : '–'} | ${(((server.cpuSeconds() - cpu0) * 1e6) / Math.max(1, r.requests.total)).toFixed(0)} | ${loadavg()[0]!.toFixed(2)} |`,
  )
}
// Renders the clients left queued may still run a few seconds; the threads collect once idle (src/node/idle-collect.ts).
const after: string[] = []
for (const s of [5, 15, 30]) {
  await new Promise((r) => setTimeout(r, (s - (after.length ? [5, 15, 30][after.length - 1]! : 0)) * 1000))
  after.push(`${s} s ${server.rssMb().toFixed(0)} MB`)
}
console.log(`RSS after the last case: ${after.join(', ')} (start ${baseline.toFixed(0)} MB)`)
await server.stop()
