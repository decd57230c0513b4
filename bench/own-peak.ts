/**
 * A process's own peak RSS. process.resourceUsage().maxRSS is getrusage's
 * ru_maxrss, which Linux carries over fork and exec: a child spawned by a
 * bench already at 1.3 GB reported 1.3 GB whatever it did itself. VmHWM in
 * /proc/self/status is the peak of this process's own memory since its exec.
 */
import { readFileSync } from 'node:fs'

/** Peak RSS of this process alone, KB (Linux VmHWM; elsewhere maxRSS, which there starts at the process's own start). */
export function ownPeakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (m) return Number(m[1])
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS
}
