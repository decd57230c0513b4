/**
 * A full garbage collection once a thread has been idle a while. resvg-js
 * keeps each rendered pixmap (tens of MB for a poster) until its JS wrapper is
 * collected, and a thread that has gone quiet never collects: after heavy
 * renders the service held ≈ 800 MB it no longer used. Collecting when the
 * thread is idle frees those pixmaps (large buffers go back to the system at
 * once) and never costs a client's request its time.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** How long a thread waits without a job before it collects. */
export const IDLE_COLLECT_MS = 2_000

// `gc` exposed at run time, not by a flag: worker threads take no V8 flags of their own.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void // a V8 builtin, exposed by the flag just set

export interface IdleCollector {
  /** A job starts: a collection waiting for the thread to go quiet waits for this job too. */
  busy(): void
  /** A job ended: collect once no other job has come for the idle time. */
  done(): void
}

export function idleCollector(collect: () => void = gc, ms: number = IDLE_COLLECT_MS): IdleCollector {
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    busy: () => clearTimeout(timer),
    done() {
      clearTimeout(timer)
      timer = setTimeout(collect, ms)
      // Never what keeps a thread (or a test) alive.
      timer.unref()
    },
  }
}
