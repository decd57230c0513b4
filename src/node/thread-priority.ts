/**
 * Worker threads (renders, PDF pages) run at a lower CPU priority than the
 * event loop, so that when the cores are busy the loop still gets its turn
 * at once: /healthz, cache hits and 304s answer while renders run. Only the
 * waiting order changes; an otherwise idle core still goes to the renders.
 */
import { getPriority, setPriority } from 'node:os'

/** The niceness a worker thread takes (0 normal, 19 lowest): 10 weighs it at about a tenth of the event loop. */
export const THREAD_NICE = 10

/**
 * Lowers the calling thread's priority. Linux only: there setpriority() on
 * "this process" changes the calling thread alone; on macOS and Windows it
 * would lower the whole process, event loop included, so nothing is done.
 */
export function lowerThreadPriority(nice: number = THREAD_NICE): void {
  if (process.platform !== 'linux') return
  try {
    if (getPriority(0) < nice) setPriority(0, nice)
  } catch {
    // A sandbox may refuse it: the thread runs at the normal priority, as before.
  }
}
