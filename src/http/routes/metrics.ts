/** GET /metrics: the runtime's metrics in the Prometheus text format, where the runtime keeps any (Node). */
import { Hono } from 'hono'
import type { AppEnv } from '../../env.js'

export function metricsRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const metrics = env.metrics
  if (metrics) app.get('/metrics', async (c) => c.body(await metrics.text(), 200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' }))
  return app
}
