/**
 * Progress on stderr: a bar with count, rate and time left on a terminal
 * (cli-progress), plain lines in logs and pipes, nothing with --quiet.
 */
import { SingleBar } from 'cli-progress'

export interface Progress {
  update(done: number, failed: number): void
  stop(): void
}

export function progress(total: number, mode: 'bar' | 'lines' | 'quiet'): Progress {
  if (mode === 'quiet') return { update() {}, stop() {} }
  const started = Date.now()
  if (mode === 'bar') {
    const bar = new SingleBar(
      { format: '{bar} {value}/{total} rows | {rate} rows/s | {eta_formatted} left | {failed} failed', hideCursor: true, stream: process.stderr, etaBuffer: 50 },
    )
    bar.start(total, 0, { rate: '0.0', failed: 0 })
    return {
      update(done, failed) {
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1), failed })
      },
      stop: () => bar.stop(),
    }
  }
  let last = 0
  return {
    update(done, failed) {
      const now = Date.now()
      // About every 10% or every 5 s, and at the end.
      if (done === total || done - last >= Math.max(1, Math.ceil(total / 10)) || now - started > 5000 * (last + 1)) {
        const rate = done / Math.max(0.001, (now - started) / 1000)
        const left = rate > 0 ? Math.round((total - done) / rate) : 0
        process.stderr.write(`rendered ${done}/${total} rows (${rate.toFixed(1)} rows/s, ${left}s left, ${failed} failed)\n`)
        last = done
      }
    },
    stop() {},
  }
}
