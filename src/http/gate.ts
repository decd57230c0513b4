/**
 * Bounded work per request: at most `concurrency` renders at once, at most
 * `queue` waiting (past that, 503 with Retry-After at once), and a deadline
 * from arrival (503 render_timeout). The work is handed the deadline as a
 * signal: where it can really be stopped (a worker thread on Node) it ends
 * there; where it cannot (in-process), it keeps its slot until it ends, so
 * late work still counts against the limit and cannot pile up.
 */
import { QoyarError } from '../errors.js'

export interface GateOptions {
  concurrency: number
  queue: number
  timeoutMs: number
}

type Settings = Readonly<Record<string, string | undefined>>

function settings(): Settings {
  // Node has process.env; Workers have neither, and keep the defaults (their platform limits apply).
  return (globalThis as { process?: { env: Settings } }).process?.env ?? {}
}

export function gateOptions(vars: Settings = settings()): GateOptions {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2
  const num = (v: string | undefined, d: number) => (v !== undefined && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d)
  const concurrency = num(vars.QOYAR_RENDER_CONCURRENCY, Math.max(2, cores * 2))
  return {
    concurrency,
    queue: num(vars.QOYAR_RENDER_QUEUE, concurrency * 8),
    timeoutMs: num(vars.QOYAR_RENDER_TIMEOUT_MS, 20_000),
  }
}

export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []
  constructor(
    readonly limit: number,
    readonly queue: number,
  ) {}

  /** Resolves when a slot is free; false when the queue is full. */
  acquire(signal: AbortSignal): Promise<boolean> | boolean {
    if (this.active < this.limit) {
      this.active++
      return true
    }
    if (this.waiting.length >= this.queue) return false
    return new Promise<boolean>((resolve) => {
      const grant = () => {
        signal.removeEventListener('abort', leave)
        this.active++
        resolve(true)
      }
      const leave = () => {
        const i = this.waiting.indexOf(grant)
        if (i >= 0) this.waiting.splice(i, 1)
        resolve(false)
      }
      this.waiting.push(grant)
      signal.addEventListener('abort', leave, { once: true })
    })
  }

  release(): void {
    this.active--
    this.waiting.shift()?.()
  }

  /** Every slot taken and the queue full: a new request would be refused. */
  get full(): boolean {
    return this.active >= this.limit && this.waiting.length >= this.queue
  }

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length }
  }
}

function overloaded(retryAfter: number): QoyarError {
  return new QoyarError('overloaded', 503, `The renderer is busy; try again in ${retryAfter} s.`, { retryAfter }, { retryAfter })
}

/** Runs renders through the gate: a slot, else a place in the queue, else 503; and the deadline. */
export function renderGate(o: GateOptions = gateOptions()) {
  const slots = new Semaphore(o.concurrency, o.queue)
  const run = async <T>(work: (deadline: AbortSignal) => Promise<T>, gone?: AbortSignal): Promise<T> => {
    const deadline = AbortSignal.timeout(o.timeoutMs)
    const given = await slots.acquire(gone ? either(deadline, gone) : deadline)
    if (!given) throw deadline.aborted ? timedOut(o.timeoutMs) : overloaded(2)
    const running = work(deadline).finally(() => slots.release())
    // The client's answer and the work's stop come from the one deadline: the work is always told first.
    let stop: (() => void) | undefined
    const late = new Promise<typeof LATE>((resolve) => {
      stop = () => resolve(LATE)
      if (deadline.aborted) stop()
      else deadline.addEventListener('abort', stop, { once: true })
    })
    try {
      const first = await Promise.race([running, late])
      if (first === LATE) {
        running.catch(() => {}) // its outcome no longer has a client
        throw timedOut(o.timeoutMs)
      }
      return first as T // not LATE: the work's own value
    } catch (e) {
      // Stopped at its deadline (a worker thread ended): the client hears why.
      if (deadline.aborted) throw timedOut(o.timeoutMs)
      throw e
    } finally {
      if (stop) deadline.removeEventListener('abort', stop)
    }
  }
  /**
   * Refuses at once when the gate is full, before the request is read and validated: under a flood
   * the refusals are most of the work, and validating a query only to answer 503 took the cores
   * the renders needed. A URL seen before is still answered from its ETag first (etag-memo.ts).
   */
  const shedIfFull = (): void => {
    if (slots.full) throw overloaded(2)
  }
  return { run, shedIfFull, load: () => slots.load, options: o }
}

const LATE = Symbol('late')

/** Aborts when either does (AbortSignal.any, which not every runtime has yet). */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (a.aborted || b.aborted) return AbortSignal.abort()
  const both = new AbortController()
  const stop = () => both.abort()
  a.addEventListener('abort', stop, { once: true })
  b.addEventListener('abort', stop, { once: true })
  return both.signal
}

function timedOut(ms: number): QoyarError {
  return new QoyarError(
    'render_timeout',
    503,
    `The render took over ${ms / 1000} s and was stopped; ask for a smaller size, a lower dpi, or SVG.`,
    { timeoutMs: ms, retryAfter: 5 },
    { seconds: ms / 1000 },
  )
}

/** The process's one gate: every render of every route shares it. */
export const renders = renderGate()
