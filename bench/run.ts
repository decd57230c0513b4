/**
 * npm run bench — prints figures, asserts nothing. See bench/README.md.
 *   BENCH_N=200                      timed renders per case × renderer × format
 *   BENCH_MEMORY_N=1000              renders in each memory loop
 *   BENCH_TEMPLATE_BUDGET_MS=10000   wall-time cap on each timed series of a template case
 *   BENCH_BULK_ROWS=1000, BENCH_ZIP_ROWS=200, BENCH_ZIP_DPI=300   bulk runs (bulk.ts)
 *   BENCH_EDGE_N=50                  timed renders per series in the edge section (edge.ts)
 *   BENCH_MIX_N=10000                renders in the mixed memory loop (mixed.ts)
 *   BENCH_SKIP=bulk,edge             sections to leave out (any of templates, chromium, takumi, mixed, svg-read, mongolian-check, bulk, edge, scripts)
 *   BENCH_CASES=mongol-20,slogan-banner   only these cases in the qoyar, Chromium and takumi sections (default: all)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { CASES, MEMORY_CASE, type BenchCase, type Format } from './cases.js'
import { kbToMb, mb, ms, summarize, timeLoop, type Summary } from './stats.js'
import type { MixedResult } from './mixed.js'
import { printTargets } from './targets.js'
import { TEMPLATE_BUDGET_MS } from './templates.js'
import { RESVG_VERSIONS } from '../src/node/resvg.js'

const N = Number(process.env.BENCH_N ?? 200)
const MEMORY_N = Number(process.env.BENCH_MEMORY_N ?? 1000)
const OUT = new URL('./out/', import.meta.url)
const CHROMIUM_BUDGET_MS = 20_000 // per text case; the count actually run is printed
const SKIP = new Set(
  (process.env.BENCH_SKIP ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)
const ONLY = process.env.BENCH_CASES ? new Set(process.env.BENCH_CASES.split(',').map((x) => x.trim())) : undefined
const picked = (c: BenchCase) => !ONLY || ONLY.has(c.name)
/** Text cases, then (unless skipped or failing to build) the template cases. */
const ALL: BenchCase[] = CASES.filter(picked)

type RendererName = 'qoyar' | 'chromium' | 'chromium-clip' | 'takumi'
interface Row {
  case: string
  renderer: RendererName
  format: Format
  summary: Summary
  bytes: number
}
const rows: Row[] = []
const benchStart = performance.now()
const startRss = process.resourceUsage().maxRSS
/** The Node environment's load (fonts, HarfBuzz, imports), timed once, before anything else uses it. */
let envLoadMs = NaN

const heading = (title: string) => console.log(`\n== ${title} ==`)
const maxRssKb = () => process.resourceUsage().maxRSS
const rss = () => process.memoryUsage.rss()
const stopped = (c: BenchCase, s: Summary, fallbackBudget?: number) => {
  const budget = c.budgetMs ?? fallbackBudget
  return s.n < N && budget !== undefined ? `, stopped at the ${budget / 1000} s budget` : ''
}
const save = (c: BenchCase, renderer: RendererName, format: Format, data: Uint8Array | string) =>
  writeFileSync(new URL(`${c.name}.${renderer}.${format}`, OUT), data)
const sizeOf = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength)
const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e))

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

/** Width and height from a PNG's IHDR. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return [view.getUint32(16), view.getUint32(20)]
}

/** global.gc without --expose-gc: set the flag at run time and fetch gc from a fresh context. */
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc')
    return runInNewContext('gc') as () => void
  } catch {
    return undefined
  }
}

function machine() {
  heading('machine')
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown'
  const processors = cpuinfo.match(/^processor\s*:/gm)?.length ?? os.cpus().length
  let chromiumVersion = 'not installed'
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  try {
    chromiumVersion = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // absent: the chromium section says so
  }
  console.log(`cpu:      ${model} × ${processors} (node sees ${os.availableParallelism()})`)
  console.log(`ram:      ${mb(os.totalmem())} total, ${mb(os.freemem())} free`)
  console.log(`os:       ${os.type()} ${os.release()} ${os.arch()}`)
  console.log(`node:     ${process.version}`)
  console.log(`chromium: ${chromiumVersion} (${chromiumPath})`)
  console.log(
    `packages: satori ${pkgVersion('satori')}, @resvg/resvg-js ${RESVG_VERSIONS}, hono ${pkgVersion('hono')}, @takumi-rs/core ${pkgVersion('@takumi-rs/core')}, playwright-core ${pkgVersion('playwright-core')}`,
  )
  console.log(
    `load avg: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine skews timings)`,
  )
  console.log(
    `runs:     ${N} timed renders per series after warm-up (template cases: at most ${TEMPLATE_BUDGET_MS / 1000} s a series); memory loops of ${MEMORY_N}`,
  )
}

async function buildCases() {
  const t0 = performance.now()
  const { nodeEnv } = await import('../src/node/env.js')
  await import('../src/app.js')
  await nodeEnv()
  envLoadMs = performance.now() - t0
  if (!SKIP.has('templates')) {
    try {
      const { templateCases } = await import('./templates.js')
      ALL.push(...(await templateCases()).filter(picked))
    } catch (e) {
      console.log(`template cases: could not be built: ${errorText(e)}`)
    }
  }
  console.log('cases:')
  for (const c of ALL) console.log(`  ${c.name}: ${c.description}`)
}

async function qoyar() {
  heading('qoyar (in-process: app.request → validation, layout, satori, resvg, Response body)')
  const { nodeEnv } = await import('../src/node/env.js')
  const { createApp } = await import('../src/app.js')
  // Render cache off: every timed request must render (nodeEnv() keeps an LRU of rendered bytes).
  const app = createApp({ ...(await nodeEnv()), cache: undefined })
  console.log(`env load (fonts, HarfBuzz, imports), before the cases were built: ${ms(envLoadMs)} ms`)

  let requests = 0
  /** One plain GET, no If-None-Match: must be a 200 with a freshly rendered body. */
  const get = async (url: string): Promise<Uint8Array> => {
    const res = await app.request(url)
    requests++
    if (res.status !== 200) throw new Error(`GET ${url.slice(0, 60)}… → ${res.status}: ${await res.text()}`)
    return new Uint8Array(await res.arrayBuffer())
  }

  let t0 = performance.now()
  await get(CASES[0]!.qoyar.png!)
  console.log(
    `first request (${CASES[0]!.name} png, cold satori/resvg${ALL.some((c) => !CASES.includes(c)) ? "; the template cases' layout already ran" : ''}): ${ms(performance.now() - t0)} ms`,
  )

  // Memory first, right after warm-up, so "before" is not already the timing loops' peak.
  const memCase = CASES.find((c) => c.name === MEMORY_CASE)!
  const memUrl = memCase.qoyar.png!
  for (let i = 0; i < 5; i++) await get(memUrl)
  const before = { max: maxRssKb(), rss: rss() }
  const samples: number[] = []
  const every = Math.max(1, Math.floor(MEMORY_N / 10))
  t0 = performance.now()
  for (let i = 1; i <= MEMORY_N; i++) {
    await get(memUrl)
    if (i % every === 0) samples.push(rss())
  }
  const loopMs = performance.now() - t0
  console.log(`memory: ${MEMORY_N} PNG renders of ${memCase.name} in ${(loopMs / 1000).toFixed(1)} s`)
  console.log(`  maxRSS at process start ${kbToMb(startRss)}, before loop ${kbToMb(before.max)}, after loop ${kbToMb(maxRssKb())}`)
  console.log(`  RSS before loop ${mb(before.rss)}, at end ${mb(rss())}`)
  console.log(`  RSS every ${every} renders (MB): ${samples.map((s) => (s / 1024 / 1024).toFixed(0)).join(' ')}`)
  const m = process.memoryUsage()
  console.log(`  at end: heapUsed ${mb(m.heapUsed)}, external ${mb(m.external)}, arrayBuffers ${mb(m.arrayBuffers)}`)
  const gc = exposeGc()
  if (gc) {
    gc()
    console.log(`  after a forced full GC: RSS ${mb(rss())}, heapUsed ${mb(process.memoryUsage().heapUsed)}`)
  }
  const png = await get(memUrl)
  const [w, h] = pngSize(png)
  const pixmap = w * h * 4
  console.log(
    `  for scale: one ${w}×${h} RGBA pixmap is ${(pixmap / 1024 / 1024).toFixed(2)} MB; ${MEMORY_N} of them held until GC (resvg-js 2.6.2) would be ≈ ${mb(pixmap * MEMORY_N)}`,
  )

  for (const c of ALL) {
    for (const format of ['svg', 'png'] as const) {
      const url = c.qoyar[format]
      if (!url) continue
      const t0 = performance.now()
      const out = await get(url)
      const firstMs = performance.now() - t0
      save(c, 'qoyar', format, out)
      const summary = summarize(await timeLoop(() => get(url), { warmup: c.warmup ?? 20, n: N, ...(c.budgetMs ? { budgetMs: c.budgetMs } : {}) }))
      rows.push({ case: c.name, renderer: 'qoyar', format, summary, bytes: out.byteLength })
      console.log(
        `${c.name} ${format}: p50 ${ms(summary.p50)} ms, p95 ${ms(summary.p95)} ms (n ${summary.n}${stopped(c, summary)}, min ${ms(summary.min)}, max ${ms(summary.max)}); first ${ms(firstMs)} ms; ${out.byteLength} bytes`,
      )
    }
  }
  console.log(`all ${requests} responses were 200 (no If-None-Match sent, so every request rendered)`)
  console.log(`maxRSS after qoyar section: ${kbToMb(maxRssKb())}`)
}

async function chromiumBaseline() {
  heading('Chromium baseline (headless, writing-mode: vertical-lr; render = set the text(s) + fonts.ready + element screenshot)')
  const { chromiumInstalled, startChromium, chromiumMemory, CHROMIUM_PATH } = await import('./chromium.js')
  if (!chromiumInstalled()) {
    console.log(`chromium: not installed (${CHROMIUM_PATH})`)
    return
  }
  let session: Awaited<ReturnType<typeof startChromium>>
  try {
    session = await startChromium()
  } catch (e) {
    console.log(`chromium: failed to launch: ${errorText(e)}`)
    return
  }
  try {
    console.log(`launch: ${ms(session.launchMs)} ms (browser ${session.version})`)
    const modes = [
      ['element', 'chromium'],
      ['clip', 'chromium-clip'],
    ] as const
    for (const c of ALL) {
      if (!c.chromium) continue
      const scene = c.chromium
      const loadMs = await session.load(scene)
      if (loadMs > 0)
        console.log(
          `${c.name}: page setContent (fonts as data URLs${scene.viewport ? `, viewport ${scene.viewport.width}×${scene.viewport.height}` : ''}), once: ${ms(loadMs)} ms`,
        )
      for (const [mode, renderer] of modes) {
        const t0 = performance.now()
        const png = await session.render(scene, mode)
        const firstMs = performance.now() - t0
        save(c, renderer, 'png', png)
        const summary = summarize(
          await timeLoop(() => session.render(scene, mode), { warmup: c.warmup ?? 10, n: N, budgetMs: c.budgetMs ?? CHROMIUM_BUDGET_MS }),
        )
        rows.push({ case: c.name, renderer, format: 'png', summary, bytes: png.byteLength })
        console.log(
          `${c.name} png, ${mode === 'element' ? 'element screenshot' : 'clip screenshot'}: p50 ${ms(summary.p50)} ms, p95 ${ms(summary.p95)} ms (n ${summary.n}${stopped(c, summary, CHROMIUM_BUDGET_MS)}, min ${ms(summary.min)}, max ${ms(summary.max)}); first render ${ms(firstMs)} ms; ${png.byteLength} bytes`,
        )
      }
    }
    const mem = chromiumMemory()
    console.log(
      `memory at end: ${mem.processes} chromium processes, VmRSS sum ${kbToMb(mem.rssKb)} (counts shared pages repeatedly), PSS sum ${mem.pssKb === undefined ? 'n/a' : kbToMb(mem.pssKb)}`,
    )
  } catch (e) {
    console.log(`chromium: error: ${errorText(e)}`)
  } finally {
    await session.close()
  }
}

async function takumiBaseline() {
  heading('takumi baseline (no vertical text: a column is the horizontal line rotated 90° clockwise; in mixed-40 the Han lie sideways)')
  let takumi: typeof import('./takumi.js')
  try {
    takumi = await import('./takumi.js')
  } catch (e) {
    console.log(`takumi: not available: ${errorText(e)}`)
    return
  }
  try {
    const session = await takumi.startTakumi()
    console.log(`setup (Renderer + registerFont × ${(await import('./fonts.js')).benchFonts().length}): ${ms(session.setupMs)} ms`)
    const scenes = new Map<string, Awaited<ReturnType<NonNullable<BenchCase['takumi']>>>>()
    for (const c of ALL) {
      if (!c.takumi) continue
      const scene = await c.takumi(session.renderer)
      scenes.set(c.name, scene)
      for (const format of ['svg', 'png'] as const) {
        const t0 = performance.now()
        const out = await session.render(scene, format)
        const firstMs = performance.now() - t0
        save(c, 'takumi', format, out)
        const summary = summarize(
          await timeLoop(() => session.render(scene, format), { warmup: c.warmup ?? 20, n: N, ...(c.budgetMs ? { budgetMs: c.budgetMs } : {}) }),
        )
        rows.push({ case: c.name, renderer: 'takumi', format, summary, bytes: sizeOf(out) })
        console.log(
          `${c.name} ${format}: p50 ${ms(summary.p50)} ms, p95 ${ms(summary.p95)} ms (n ${summary.n}${stopped(c, summary)}, min ${ms(summary.min)}, max ${ms(summary.max)}); first ${ms(firstMs)} ms; ${sizeOf(out)} bytes; ${scene.width}×${scene.height}`,
        )
      }
    }
    const scene = scenes.get(MEMORY_CASE)
    if (scene) {
      const before = rss()
      for (let i = 0; i < MEMORY_N; i++) await session.render(scene, 'png')
      console.log(
        `memory: ${MEMORY_N} PNG renders of ${MEMORY_CASE}: RSS ${mb(before)} → ${mb(rss())} (same process as qoyar; maxRSS ${kbToMb(maxRssKb())} is the process peak)`,
      )
    }
  } catch (e) {
    console.log(`takumi: error: ${errorText(e)}`)
  }
}

function table() {
  heading('summary (ms per render, warm)')
  const header = ['case', 'renderer', 'format', 'n', 'p50', 'p95', 'bytes', 'vs qoyar p50 / p95']
  const body = rows.map((r) => {
    const ours = rows.find((q) => q.renderer === 'qoyar' && q.case === r.case && q.format === r.format)
    const vs = r.renderer === 'qoyar' || !ours ? '' : `${(r.summary.p50 / ours.summary.p50).toFixed(2)}× / ${(r.summary.p95 / ours.summary.p95).toFixed(2)}×`
    return [r.case, r.renderer, r.format, String(r.summary.n), ms(r.summary.p50), ms(r.summary.p95), String(r.bytes), vs]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))

  console.log('\nratios (Chromium/qoyar and takumi/qoyar, same case and format; above 1× qoyar is faster):')
  for (const r of rows) {
    if (r.renderer === 'qoyar') continue
    const ours = rows.find((q) => q.renderer === 'qoyar' && q.case === r.case && q.format === r.format)
    if (!ours) continue
    const who = { chromium: 'Chromium', 'chromium-clip': 'Chromium (clip screenshot)', takumi: 'takumi' }[r.renderer]
    const r50 = r.summary.p50 / ours.summary.p50
    const r95 = r.summary.p95 / ours.summary.p95
    const slower = r50 < 1 ? ` — qoyar takes ${(1 / r50).toFixed(1)}× as long` : ''
    console.log(`  ${r.case} ${r.format}: ${who} p50 is ${r50.toFixed(2)}× qoyar's, p95 ${r95.toFixed(2)}×${slower}`)
  }
}

let mixedResult: MixedResult | undefined
let zipResult: Awaited<ReturnType<typeof import('./bulk.js').bulkBench>> | undefined

/**
 * The mixed loop in a child process with `npm start`'s memory settings (bench/mix-run.ts), so its RSS is the
 * loop's own: in this process it also counted what the timing sections had left (826 MB peak, once).
 */
async function mixed() {
  const { spawn } = await import('node:child_process')
  const { SERVICE_MALLOC_ENV, SERVICE_NODE_OPTIONS } = await import('../scripts/service/memory-env.js')
  const child = spawn(process.execPath, [SERVICE_NODE_OPTIONS, '--import', 'tsx', 'bench/mix-run.ts'], {
    cwd: new URL('../', import.meta.url),
    env: { ...process.env, ...SERVICE_MALLOC_ENV },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  let rest = ''
  let json = ''
  child.stdout.setEncoding('utf8')
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines)
      if (line.startsWith('{')) json = line
      else console.log(line)
  }
  const code = await exited
  if (code !== 0 || !json) throw new Error(`bench/mix-run.ts exited ${code}`)
  mixedResult = JSON.parse(json) as MixedResult
}

async function bulk() {
  const { bulkBench } = await import('./bulk.js')
  zipResult = await bulkBench()
}

/** bench/edge.ts's section: needs wrangler (workerd); a failure is a note, not the end of the bench. */
async function edge() {
  console.log('')
  process.env.BENCH_EDGE_N ??= '50'
  console.log(
    `(edge inside npm run bench: ${process.env.BENCH_EDGE_N} renders a series; its Node side is this process, already warm, so its Node "first request" and env load are not cold figures: run npm run bench:edge alone for those)`,
  )
  try {
    const { edgeBench } = await import('./edge.js')
    await edgeBench()
  } catch (e) {
    console.log(`edge section skipped: ${errorText(e)} (it needs wrangler/workerd: npm install, then npm run bench:edge on its own)`)
  }
}

mkdirSync(OUT, { recursive: true })
machine()
await buildCases()
const sections = [qoyar, chromiumBaseline, takumiBaseline].filter(
  (s) => !SKIP.has(s === chromiumBaseline ? 'chromium' : s === takumiBaseline ? 'takumi' : 'qoyar'),
)
for (const section of sections) {
  try {
    await section()
  } catch (e) {
    console.log(`${section.name}: error: ${errorText(e)}`)
  }
}
table()
console.log(`\nsample outputs: bench/out/<case>.<renderer>.<svg|png>`)
for (const [name, section] of [
  ['mixed', mixed],
  ['svg-read', async () => (await import('./svg-read.js')).svgReadBench()],
  ['mongolian-check', async () => (await import('./mongolian-check.js')).mongolianCheckBench()],
  ['bulk', bulk],
  ['edge', edge],
  ['scripts', async () => (await import('./scripts.js')).scriptsBench()],
] as const) {
  if (SKIP.has(name)) continue
  try {
    await section()
  } catch (e) {
    console.log(`${name}: error: ${errorText(e)}`)
  }
}
printTargets({
  rows: rows.map((r) => ({ case: r.case, renderer: r.renderer, format: r.format, p50: r.summary.p50, bytes: r.bytes })),
  svgCases: [...CASES.map((c) => c.name), 'slogan-banner'],
  ...(mixedResult ? { mixed: mixedResult } : {}),
  ...(zipResult ? { zip: zipResult } : {}),
})
console.log(
  `\nwhole bench: load avg at end: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; bench took ${((performance.now() - benchStart) / 1000).toFixed(0)} s`,
)
