/**
 * GET /v1/rules: the rule packs.
 * GET|POST /v1/check/{template}: the compliance report for the same input a render takes.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../env.js'
import { complianceOf, designOf, prepare } from '../../render/template-render.js'
import { DEFAULT_REGION } from '../../rules/packs.js'
import { jsonBody, limitBody } from './render.js'

export function ruleRoutes(env: AppEnv): Hono {
  const app = new Hono()
  app.get('/rules', (c) => c.json({ default: DEFAULT_REGION, packs: env.rulePacks }, 200, { 'Cache-Control': 'public, max-age=300' }))
  const check = (c: Context, input: Record<string, unknown>) => {
    const prepared = prepare(env, c.req.param('template') ?? '', input)
    const report = complianceOf(env, prepared, designOf(env, prepared))
    return c.json(report, 200, { 'X-Qoyar-Compliance': report.pass ? 'pass' : 'fail' })
  }
  app.get('/check/:template', (c) => check(c, c.req.query()))
  // As for renders: query parameters merged under the body (the body wins).
  app.post('/check/:template', limitBody, async (c) => check(c, { ...c.req.query(), ...(await jsonBody(c)) }))
  return app
}
