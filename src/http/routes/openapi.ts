/** GET /v1/openapi.json (OpenAPI 3.1) and GET /docs (the same document as a page: no CDN, no script). */
import { Hono } from 'hono'
import type { AppEnv } from '../../env.js'
import { openApiDocument } from '../openapi/document.js'
import { referencePage } from '../openapi/page.js'

export function openApiRoutes(env: AppEnv): Hono {
  const app = new Hono()
  // Built on first use: a Workers isolate that never serves the docs should not hold them in its 128 MB.
  let doc: Record<string, unknown> | undefined
  let html: string | undefined
  const document = () => (doc ??= openApiDocument(env))
  app.get('/v1/openapi.json', (c) => c.json(document(), 200, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }))
  app.get('/docs', (c) =>
    c.html((html ??= referencePage(document())), 200, {
      'Cache-Control': 'public, max-age=300',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    }),
  )
  return app
}
