import { Hono } from 'hono'
import type { AppEnv } from '../../env.js'

/** GET /v1/fonts: the shipped fonts, where they came from, what they cover. */
export function fontRoutes(env: AppEnv): Hono {
  const app = new Hono()
  app.get('/fonts', (c) =>
    c.json(
      {
        fonts: env.manifest.fonts.map((f) => ({ ...f, loaded: env.fonts.byId.has(f.id) })),
      },
      200,
      { 'Cache-Control': 'public, max-age=3600' },
    ),
  )
  return app
}
