/**
 * The Workers access log: one JSON line per request on console.log, which
 * Workers Logs (`[observability]` in wrangler.toml) stores as a structured
 * event. No /metrics here: Workers analytics count requests, CPU time and
 * status per script.
 */
import type { RequestObserver } from '../http/observe.js'

export const workersAccessLog: RequestObserver = {
  end: (record) => console.log(JSON.stringify({ msg: 'request', ...record })),
}
