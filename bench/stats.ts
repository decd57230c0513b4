/** Timing loops and percentiles. Figures only: nothing here asserts. */
import os from 'node:os'

export interface Summary {
  n: number
  p50: number
  p95: number
  min: number
  max: number
  mean: number
}

/** Percentile by linear interpolation between closest ranks (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b)
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    min: s[0] ?? NaN,
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  }
}

export interface LoopOptions {
  /** Untimed runs first (JIT, caches, font loading). */
  warmup: number
  /** Timed runs wanted. */
  n: number
  /** Stop timing early once this much wall time went into timed runs (the count actually run is reported). */
  budgetMs?: number
}

/** Run `fn` warm-up times untimed, then up to n times timed; returns per-run ms. */
export async function timeLoop(fn: () => Promise<unknown>, opts: LoopOptions): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn()
  const samples: number[] = []
  const started = performance.now()
  for (let i = 0; i < opts.n; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
    if (opts.budgetMs !== undefined && performance.now() - started > opts.budgetMs) break
  }
  return samples
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : 'n/a')
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
/** process.resourceUsage().maxRSS is in kilobytes. */
export const kbToMb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`

/** The 1, 5 and 15 minute load averages, as every bench prints them beside its figures. */
export const loadAverage = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

/** CPU time (user + system, this process) one call takes, ms: steadier than wall time on a shared machine. */
export async function cpuMs(fn: () => unknown): Promise<number> {
  const c0 = process.cpuUsage()
  await fn()
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000
}
