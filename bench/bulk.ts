/**
 * Bulk: desk cards from a generated CSV through runBatch, into one PDF and into a
 * ZIP of PNGs, each on the main thread (threads: 0) and on the pool (the CLI's
 * default, cores - 1; the PDF also with one thread a core). Every run is its own child process (bench/batch-run.ts), so wall time
 * and peak RSS belong to that run alone.
 *
 *   BENCH_BULK_ROWS=1000   cards in the PDF runs
 *   BENCH_ZIP_ROWS=1000    cards in the ZIP runs (issue 16's target size)
 *   BENCH_ZIP_DPI=300      dpi of the ZIP's PNGs (the desk-card preset's is 300)
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'

const BULK_ROWS = Number(process.env.BENCH_BULK_ROWS ?? 1000)
const ZIP_ROWS = Number(process.env.BENCH_ZIP_ROWS ?? 1000)
const ZIP_DPI = Number(process.env.BENCH_ZIP_DPI ?? 300)
/** The target: 1,000 cards to one PDF in ≤ 20 s with peak RSS ≤ 500 MB (on this 2-core machine). */
const TARGET = { rows: 1000, seconds: 20, rssMb: 500 }

const ROOT = fileURLToPath(new URL('../', import.meta.url))
/** The V8 heap flag bin/qoyar.js starts node with (its shebang), so bulk figures are the CLI's. */
const CLI_NODE_FLAG = /--max-old-space-size=\d+/.exec(readFileSync(new URL('../bin/qoyar.js', import.meta.url), 'utf8'))?.[0] ?? '--max-old-space-size=256'
const OUT = fileURLToPath(new URL('./out/', import.meta.url))

// Mongolian / Chinese name pairs cycled through the rows; every third card has a title.
const NAMES: [mn: string, zh: string][] = [
  ['ᠪᠠᠲᠤ', '巴图'],
  ['ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ', '萨仁格日勒'],
  ['ᠴᠢᠯᠠᠭᠤ', '朝鲁'],
  ['ᠲᠡᠮᠦᠷ', '特木尔'],
  ['ᠪᠠᠶᠠᠷ', '巴雅尔'],
  ['ᠣᠶᠤᠨ', '敖云'],
  ['ᠨᠠᠷᠠᠨ', '那仁'],
]
const TITLES: [mn: string, zh: string][] = [
  ['ᠪᠠᠭᠰᠢ', '教师'],
  ['ᠡᠮᠴᠢ', '医生'],
]

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** name_mn,name_zh,title_mn,title_zh; empty title cells are absent fields. */
export function deskCardCsv(rows: number): string {
  const lines = ['name_mn,name_zh,title_mn,title_zh']
  for (let i = 0; i < rows; i++) {
    const [mn, zh] = NAMES[i % NAMES.length]!
    const title = i % 3 === 0 ? TITLES[(i / 3) % TITLES.length]! : ['', '']
    lines.push([mn, zh, ...title].map(csvCell).join(','))
  }
  return lines.join('\n') + '\n'
}

interface RunResult {
  wallMs: number
  cpuMs: number
  maxRssKb: number
  startRssKb: number
  rows: number
  rendered: number
  failed: number
  firstFailures: unknown[]
  bytes: number
}

/** One runBatch in a child process; resolves with its JSON line. */
function runChild(args: Record<string, unknown>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // The same V8 flag as bin/qoyar.js, so the figures are the CLI's.
    const child = spawn(process.execPath, [CLI_NODE_FLAG, '--import', 'tsx', 'bench/batch-run.ts', JSON.stringify(args)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      try {
        if (code !== 0) throw new Error(`exit ${code}`)
        resolve(JSON.parse(line) as RunResult)
      } catch (e) {
        reject(new Error(`batch-run ${(e as Error).message}: ${(err || out).trim().split('\n').slice(-3).join(' | ')}`))
      }
    })
  })
}

function pdfPages(file: string): string {
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return /^Pages:\s+(\d+)/m.exec(info)?.[1] ?? '?'
  } catch {
    return 'n/a (no pdfinfo)'
  }
}

function zipEntries(file: string): string {
  try {
    const list = execFileSync('unzip', ['-l', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return String(list.split('\n').filter((l) => /\.png$/.test(l.trim())).length)
  } catch {
    return 'n/a (no unzip)'
  }
}

const secs = (msv: number) => (msv / 1000).toFixed(1)
const mbOf = (kb: number) => Math.round(kb / 1024)

/** Runs the bulk section; returns the fastest ZIP run for the targets table. */
export async function bulkBench(): Promise<{ rows: number; dpi: number; seconds: number; failed: number } | undefined> {
  console.log('\n== bulk: desk cards from a CSV through runBatch, each run in its own process ==')
  mkdirSync(OUT, { recursive: true })
  const cores = os.availableParallelism()
  // The pool as the CLI runs it by default (cores - 1: the main thread writes the pages), and one thread a core.
  const { defaultThreads } = await import('../src/node/batch.js')
  const pool = defaultThreads()
  const pdfCsv = `${OUT}bulk-${BULK_ROWS}.csv`
  const zipCsv = `${OUT}bulk-${ZIP_ROWS}.csv`
  writeFileSync(pdfCsv, deskCardCsv(BULK_ROWS))
  writeFileSync(zipCsv, deskCardCsv(ZIP_ROWS))
  const withTitle = Math.ceil(BULK_ROWS / 3)
  console.log(
    `input: ${NAMES.length} name pairs cycled (${NAMES.map(([m, z]) => `${m}/${z}`).join(', ')}); every third row has a title (${TITLES.map(([m, z]) => `${m}/${z}`).join(', ')}): ${withTitle} of ${BULK_ROWS}`,
  )
  console.log(`desk-card preset face-200x100 (sheet 200×200 mm); pool = ${pool} thread(s) (the CLI default, cores - 1), and ${cores} (one a core) for the PDF; wall = runBatch in the child, peak RSS = the child's own peak (VmHWM)`)
  console.log(
    'threads 0 renders rows on the main thread, but with 2 rows in flight and resvg rasterizing on libuv threads (renderAsync), so PNG work can still use more than one core; PDF pages are written on the main thread in both modes',
  )
  const runs: { label: string; kind: 'pdf' | 'zip'; rows: number; threads: number; csv: string; defaults: Record<string, string> }[] = [
    { label: 'PDF', kind: 'pdf', rows: BULK_ROWS, threads: 0, csv: pdfCsv, defaults: {} },
    { label: 'PDF', kind: 'pdf', rows: BULK_ROWS, threads: pool, csv: pdfCsv, defaults: {} },
    ...(cores !== pool ? [{ label: 'PDF', kind: 'pdf' as const, rows: BULK_ROWS, threads: cores, csv: pdfCsv, defaults: {} }] : []),
    { label: `ZIP of PNG @${ZIP_DPI} dpi`, kind: 'zip', rows: ZIP_ROWS, threads: 0, csv: zipCsv, defaults: ZIP_DPI === 300 ? {} : { dpi: String(ZIP_DPI) } },
    {
      label: `ZIP of PNG @${ZIP_DPI} dpi`,
      kind: 'zip',
      rows: ZIP_ROWS,
      threads: pool,
      csv: zipCsv,
      defaults: ZIP_DPI === 300 ? {} : { dpi: String(ZIP_DPI) },
    },
  ]
  if (ZIP_ROWS < BULK_ROWS || ZIP_DPI !== 300)
    console.log(
      `ZIP runs: ${ZIP_ROWS} rows at ${ZIP_DPI} dpi (${Math.round((200 / 25.4) * ZIP_DPI)}² px a card), not ${BULK_ROWS} at 300 dpi, to keep the bench short (BENCH_ZIP_ROWS, BENCH_ZIP_DPI)`,
    )
  const results: { label: string; kind: string; rows: number; threads: number; r: RunResult; check: string }[] = []
  for (const run of runs) {
    const output = `${OUT}bulk-${run.kind}-${run.rows}-t${run.threads}.${run.kind}`
    const what = `${run.label}, ${run.rows} rows, ${run.threads === 0 ? 'threads 0 (main thread)' : `threads ${run.threads} (pool)`}`
    try {
      const r = await runChild({
        template: 'desk-card',
        input: run.csv,
        output,
        threads: run.threads,
        defaults: run.defaults,
        ...(run.kind === 'zip' ? { format: 'png' } : {}),
      })
      const check = run.kind === 'pdf' ? `pdfinfo: ${pdfPages(output)} pages` : `${zipEntries(output)} PNG entries`
      results.push({ label: run.label, kind: run.kind, rows: run.rows, threads: run.threads, r, check })
      console.log(
        `${what}: ${secs(r.wallMs)} s, ${(r.rendered / (r.wallMs / 1000)).toFixed(1)} rows/s, peak RSS ${mbOf(r.maxRssKb)} MB, CPU ${secs(r.cpuMs)} s (${(r.cpuMs / r.wallMs).toFixed(2)} cores busy on average); ${r.rendered} rendered, ${r.failed} failed; ${(r.bytes / 1024 / 1024).toFixed(1)} MB written; ${check}`,
      )
      if (r.failed) console.log(`  first failures: ${JSON.stringify(r.firstFailures)}`)
    } catch (e) {
      console.log(`${what}: error: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  console.log(`\ntarget: ${TARGET.rows} cards to one PDF in ≤ ${TARGET.seconds} s with peak RSS ≤ ${TARGET.rssMb} MB (${cores} cores here)`)
  for (const x of results.filter((x) => x.kind === 'pdf')) {
    const s = x.r.wallMs / 1000
    const rss = mbOf(x.r.maxRssKb)
    const scaled = x.rows === TARGET.rows ? '' : ` (run had ${x.rows} rows, not ${TARGET.rows}: not the target's size)`
    const pass = x.rows === TARGET.rows && x.r.failed === 0 && s <= TARGET.seconds && rss <= TARGET.rssMb
    console.log(
      `  PDF, threads ${x.threads}: ${pass ? 'PASS' : 'FAIL'} — ${s.toFixed(1)} s ${s <= TARGET.seconds ? '≤' : '>'} ${TARGET.seconds} s, peak RSS ${rss} MB ${rss <= TARGET.rssMb ? '≤' : '>'} ${TARGET.rssMb} MB${scaled}`,
    )
  }
  const zips = results.filter((x) => x.kind === 'zip').sort((a, b) => a.r.wallMs - b.r.wallMs)
  const best = zips[0]
  return best ? { rows: best.rows, dpi: ZIP_DPI, seconds: best.r.wallMs / 1000, failed: best.r.failed } : undefined
}
