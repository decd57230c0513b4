/**
 * The Node service's renders on worker threads (piscina), so the event loop
 * only routes, validates GETs and serves the cache: /healthz and cached
 * answers never wait behind satori, resvg or PDFKit. A job aborted at its
 * deadline terminates its thread; piscina starts a fresh one in its place.
 *
 * Size: QOYAR_RENDER_THREADS, default one per core. The main thread mostly
 * waits on sockets, so it needs no core of its own; each thread costs its
 * own fonts, HarfBuzz and satori (RSS per thread: see the README's Deployment).
 */
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { arrived, type Crossing, type Drawn, type Offload, type RowOutcome } from '../http/render-job.js'
import type { ThreadTask } from './render-thread.js'

/** A thread's V8 old space: a render's live set is small; the pictures' pixels are typed arrays outside it. */
export const THREAD_OLD_SPACE_MB = 192

export function renderThreads(value: string | undefined = process.env.QOYAR_RENDER_THREADS): number {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : availableParallelism()
}

export interface RenderPool extends Offload {
  readonly threads: number
  /** Threads started so far: the first `threads`, then one for each stopped at a deadline (or crashed). */
  started(): number
  destroy(): Promise<void>
}

export function renderPool(threads: number = renderThreads()): RenderPool {
  const pool = new Piscina<ThreadTask, Crossing<Drawn> | Crossing<RowOutcome>>({
    filename: new URL('./render-thread.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Threads are kept: a new one spends ≈ 0.5 s loading fonts and warming satori.
    idleTimeout: Infinity,
    // The worker is TypeScript: load it through tsx, resolved from qoyar's own install (not the working directory).
    execArgv: ['--import', import.meta.resolve('tsx')],
    resourceLimits: { maxOldGenerationSizeMb: THREAD_OLD_SPACE_MB },
    // One job a thread: stopping a job terminates its thread, which must not take another client's job with it.
    concurrentTasksPerWorker: 1,
  })
  let started = 0
  pool.on('workerCreate', () => started++)
  // A thread that dies on its own (out of memory) fails its task; piscina replaces it. Nothing to do here.
  pool.on('error', (e: unknown) => console.error('qoyar: render thread failed', e))
  return {
    threads,
    started: () => started,
    rowsAtOnce: threads,
    async image(job, deadline) {
      return arrived((await pool.run({ image: job }, { signal: deadline })) as Crossing<Drawn>) // an image task answers with a Drawn
    },
    async row(job) {
      return arrived((await pool.run({ row: job })) as Crossing<RowOutcome>) // a row task answers with a RowOutcome
    },
    destroy: () => pool.destroy(),
  }
}
