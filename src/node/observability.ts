/**
 * What the Node server does with each request's record: one JSON access-log
 * line through pino, and Prometheus metrics through prom-client (served at
 * /metrics): requests and their latency by route, renders by template and
 * format, render-cache hits, requests in flight, render threads (and how
 * many were started: one more each time a deadline stops one), and the process's own
 * figures (resident memory, heap, event-loop lag).
 */
import { pino, type DestinationStream } from 'pino'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { MetricsText, RequestObserver } from '../http/observe.js'

/** What the access log may hold while stdout's reader lags; past it lines are dropped, never memory grown. */
const LOG_BUFFER_BYTES = 16 * 1024 * 1024

/** Lines are written in batches of this many bytes, or at least every FLUSH_MS: one write per line cost ≈ 16 µs a request. */
const LOG_BATCH_BYTES = 4096
const FLUSH_MS = 500

/**
 * One line per request on stdout (or `destination`), e.g. {"level":30,"time":…,"msg":"request","method":"GET",…}.
 * Written asynchronously: pino's default writes stdout synchronously, and on a pipe whose reader lags (a
 * supervisor, a terminal, the load script) each line then held the event loop until the reader caught up.
 * pino flushes what is buffered when the process exits.
 */
export function accessLog(destination?: DestinationStream): RequestObserver {
  let stdout: ReturnType<typeof pino.destination> | undefined
  if (!destination) {
    stdout = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES, maxLength: LOG_BUFFER_BYTES })
    const s = stdout
    setInterval(() => s.flush(), FLUSH_MS).unref()
  }
  const log = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? stdout)
  return { end: (record) => log.info(record, 'request') }
}

/** The render threads, as the metrics see them. */
export interface ThreadCounts {
  threads: number
  started(): number
}

export function nodeMetrics(pool?: ThreadCounts): RequestObserver & MetricsText {
  // A registry per app, so that tests (and several apps in one process) do not share series.
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'qoyar_' })
  const requests = new Counter({
    name: 'qoyar_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'qoyar_http_request_duration_seconds',
    help: 'Time from request to response headers, by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const renders = new Counter({
    name: 'qoyar_renders_total',
    help: 'Renders, checks, batches and text images by template, format and status',
    labelNames: ['template', 'format', 'status'],
    registers: [registry],
  })
  const cache = new Counter({
    name: 'qoyar_render_cache_total',
    help: 'GET renders answered from the render cache (hit) or drawn (miss)',
    labelNames: ['result'],
    registers: [registry],
  })
  const inFlight = new Gauge({
    name: 'qoyar_http_requests_in_flight',
    help: 'Requests being served, renders waiting for a thread among them',
    registers: [registry],
  })
  if (pool) {
    new Gauge({ name: 'qoyar_render_threads', help: 'Worker threads that render', registers: [registry] }).set(pool.threads)
    new Counter({
      name: 'qoyar_render_threads_started_total',
      help: 'Render threads started: the first ones, then one for each thread stopped at a deadline',
      registers: [registry],
      collect() {
        this.reset()
        this.inc(pool.started())
      },
    })
  }
  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    begin: () => inFlight.inc(),
    end(r) {
      inFlight.dec()
      const route = r.route ?? 'unmatched'
      requests.inc({ method: r.method, route, status: String(r.status) })
      latency.observe({ method: r.method, route }, r.ms / 1000)
      if (r.template) renders.inc({ template: r.template, format: r.format ?? 'none', status: String(r.status) })
      if (r.cache === 'hit' || r.cache === 'miss') cache.inc({ result: r.cache })
    },
  }
}
