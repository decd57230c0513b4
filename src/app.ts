/**
 * The qoyar app: one hono app for every runtime. Requests flow
 * route → validated spec → template/layout → satori → SVG → PNG → response;
 * the runtime entry supplies fonts and engines (see env.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from './env.js'
import { errorHandler, notFoundHandler } from './http/errors.js'
import { nosniff } from './http/nosniff.js'
import { corsPolicy } from './http/cors-policy.js'
import { apiKeys } from './http/api-keys.js'
import { rateLimit } from './http/rate-limit.js'
import { fontRoutes } from './http/routes/fonts.js'
import { renderRoutes } from './http/routes/render.js'
import { batchRoutes } from './http/routes/batch.js'
import { metricsRoutes } from './http/routes/metrics.js'
import { openApiRoutes } from './http/routes/openapi.js'
import { observe } from './http/middleware/observe.js'
import { ruleRoutes } from './http/routes/rules.js'
import { sloganRoutes } from './http/routes/slogans.js'
import { templateRoutes } from './http/routes/templates.js'
import { textRoutes } from './http/routes/text.js'
import { mongolianRoutes } from './http/routes/mongolian.js'
import { studioRoutes } from './studio/routes.js'

export function createApp(env: AppEnv): Hono {
  const app = new Hono()
  app.onError(errorHandler(env.locales))
  app.notFound(notFoundHandler(env.locales, () => app.routes))
  app.use(observe(env))
  app.use(nosniff)
  app.use(corsPolicy())
  app.use(apiKeys)
  app.use(rateLimit())
  app.get('/healthz', (c) => c.json({ ok: true, version: env.version, fonts: env.fonts.fonts.length }))
  app.route('/v1', fontRoutes(env))
  app.route('/v1', textRoutes(env))
  app.route('/v1', mongolianRoutes(env))
  app.route('/v1', templateRoutes(env))
  app.route('/v1', renderRoutes(env))
  app.route('/v1', ruleRoutes(env))
  app.route('/v1', batchRoutes(env))
  app.route('/v1', sloganRoutes(env))
  app.route('/studio', studioRoutes(env))
  app.route('/', openApiRoutes(env))
  app.route('/', metricsRoutes(env))
  return app
}
