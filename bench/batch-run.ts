/**
 * One bulk run in its own process, so that its peak RSS is its own:
 *   node --import tsx bench/batch-run.ts '<json BatchOptions subset>'
 * Calls runBatch (src/node/batch.ts) and prints one line of JSON: wall time of
 * runBatch (environment load, pool start-up, rendering, writing, pool shutdown),
 * the process's own peak RSS (VmHWM, see own-peak.ts: the main thread and
 * every worker thread, which share the process), the CPU time the process used
 * meanwhile (all its threads, libuv's included) and the report's counts.
 */
import { statSync } from 'node:fs'
import { ownPeakRssKb } from './own-peak.js'

interface Args {
  template: string
  input: string
  output: string
  threads: number
  format?: 'png' | 'svg' | 'pdf'
  defaults?: Record<string, string>
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args
const startRssKb = ownPeakRssKb()
const { runBatch } = await import('../src/node/batch.js')
const t0 = performance.now()
const cpu0 = process.cpuUsage()
const report = await runBatch({ ...args, ...(args.format ? { format: args.format } : {}) })
const wallMs = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
const failed = report.results.filter((r) => r.status === 'failed').slice(0, 3)
console.log(
  JSON.stringify({
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: ownPeakRssKb(),
    startRssKb,
    rows: report.rows,
    rendered: report.rendered,
    failed: report.failed,
    firstFailures: failed.map((r) => ({ row: r.row, error: r.error })),
    bytes: statSync(args.output).size,
  }),
)
