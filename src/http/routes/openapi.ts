/** GET /v1/openapi.json (OpenAPI 3.1) and GET /docs (the same document as a page: no CDN, no script). */
import { Hono } from 'hono'
import type { AppEnv } from '../../env.js'
import { openApiDocument } from '../openapi/document.js'
import { referencePage } from '../openapi/page.js'

export function openApiRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const doc = openApiDocument(env)
  const html = referencePage(doc)
  app.get('/v1/openapi.json', (c) => c.json(doc, 200, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }))
  app.get('/docs', (c) => c.html(html, 200, { 'Cache-Control': 'public, max-age=300', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }))
  return app
}
