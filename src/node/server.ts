/**
 * `npm start`: the app on Node, http://127.0.0.1:8787 (HOST and PORT
 * override; HOST=0.0.0.0 to serve the network). Node's parse errors are
 * answered in JSON; renders run on a pool of worker threads (render-pool.ts), batch PDFs on
 * a writer thread (pdf-writer.ts); SIGTERM/SIGINT drain: no new connections, in-flight
 * requests get QOYAR_DRAIN_MS to finish, then the rest are cut (the client
 * sees a broken transfer, never a clean end to a truncated file).
 */
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from '../app.js'
import { onClientError } from '../http/client-error.js'
import { nodeEnv } from './env.js'
import { dataOption } from './office-option.js'
import { accessLog, nodeMetrics } from './observability.js'
import { pdfWriter } from './pdf-writer.js'
import { renderPool, renderThreads } from './render-pool.js'

dataOption(process.argv.slice(2))

const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST || '127.0.0.1'
const drainMs = Number(process.env.QOYAR_DRAIN_MS ?? 25_000)

// A crash is logged; an unknown state is not served from: exit, and let the supervisor restart.
process.on('uncaughtException', (e) => {
  console.error('qoyar: uncaught exception, exiting', e)
  process.exit(70)
})
process.on('unhandledRejection', (e) => console.error('qoyar: unhandled rejection', e))

// Renders run on worker threads (QOYAR_RENDER_THREADS, default one per core; 0 renders on the event loop).
const threads = renderThreads()
const pool = threads > 0 ? renderPool(threads) : undefined
const metrics = nodeMetrics(pool)
const env = await nodeEnv()
// With threads, the PDFs the event loop would write (batch pages, a ZIP's PDFs) are written on a thread of their own.
const pdf = pool ? pdfWriter() : undefined
const engines = pdf ? { ...env.engines, pdf: pdf.pdf, openPdf: pdf.openPdf } : env.engines
const app = createApp({ ...env, engines, ...(pool ? { offload: pool } : {}), observers: [accessLog(), metrics], metrics })

const server = serve(
  {
    fetch: app.fetch,
    port,
    hostname,
    // 2,000 Han or Mongolian characters percent-encoded are ≈ 18 KB of URL; Node's default is 16 KB for all headers.
    serverOptions: { maxHeaderSize: 48 * 1024, requestTimeout: 60_000, headersTimeout: 20_000 },
  },
  (info) => console.log(`qoyar listening on http://${hostname}:${info.port}`),
) as Server // serve() returns the node:http server for the default createServer

server.on('clientError', onClientError)

let draining = false
function drain(signal: string): void {
  if (draining) return
  draining = true
  console.log(`qoyar: ${signal}, draining (up to ${drainMs} ms)`)
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  setTimeout(() => {
    server.closeAllConnections()
    process.exit(0)
  }, drainMs).unref()
}
process.on('SIGTERM', () => drain('SIGTERM'))
process.on('SIGINT', () => drain('SIGINT'))
