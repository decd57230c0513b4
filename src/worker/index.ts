/**
 * The Workers entry (`npm run dev:edge`, `wrangler deploy`): the same hono app
 * as the Node entry, handed the Workers half of AppEnv.
 *
 * The shim must be the first import: it defines `location` and routes
 * WebAssembly byte-compiles to precompiled modules before satori's bundled
 * HarfBuzz starts (on import).
 */
import './shim.js'
import type { Hono } from 'hono'
import { createApp } from '../app.js'
import type { WorkersRenderCache } from './cache.js'
import { createWorkersCache, defaultCache, workerEnv, type WorkerBindings } from './env.js'

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
  passThroughOnException(): void
}

let app: Promise<Hono> | undefined
let cache: WorkersRenderCache | undefined

export default {
  async fetch(request: Request, bindings: WorkerBindings, ctx: ExecutionContext): Promise<Response> {
    if (!app) {
      const store = bindings.RENDER_CACHE === 'off' ? undefined : defaultCache()
      cache = store && createWorkersCache(store)
      app = workerEnv(bindings, cache).then(createApp)
      // A failed start (say, a missing asset) is retried by the next request.
      app.catch(() => (app = undefined))
    }
    if (cache && !cache.origin) cache.origin = new URL(request.url).origin
    return (await app).fetch(request, bindings, ctx as never)
  },
}
