import { Hono } from 'hono'
import type { AppEnv } from '../../env.js'

/** GET /v1/slogans: the catalogue, each language's text with its source and review status, and what is missing. */
export function sloganRoutes(env: AppEnv): Hono {
  const app = new Hono()
  app.get('/slogans', (c) =>
    c.json(
      {
        note: 'A language listed under `missing` has no trustworthy text yet; supply your own reviewed translation as a field (e.g. mn=) alongside slogan=.',
        slogans: env.slogans,
      },
      200,
      { 'Cache-Control': 'public, max-age=300' },
    ),
  )
  return app
}
