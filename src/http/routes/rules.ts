/**
 * GET /v1/rules: the rule packs.
 * GET|POST /v1/check/{template}: the compliance report for the same input a render takes,
 * with the text checker's findings and where the design put each block (../layout.ts).
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../env.js'
import { prepare, refuseLegacy, renderSign } from '../../render/template-render.js'
import { complianceHeader } from '../../rules/evaluate.js'
import { designLayout } from '../layout.js'
import { DEFAULT_REGION } from '../../rules/packs.js'
import { jsonBody, limitBody } from './render.js'
import { postFields, queryFields, renderInput } from '../input.js'

export function ruleRoutes(env: AppEnv): Hono {
  const app = new Hono()
  app.get('/rules', (c) => c.json({ default: DEFAULT_REGION, packs: env.rulePacks }, 200, { 'Cache-Control': 'public, max-age=300' }))
  const check = async (c: Context, input: Record<string, unknown>) => {
    const prepared = prepare(env, c.req.param('template') ?? '', input)
    refuseLegacy(prepared)
    const { design, report } = await renderSign(env, prepared, 'report')
    // The Mongolian text checker's findings per field and where each block sits ride along with the compliance report.
    const layout = designLayout(prepared.canvas, design, Object.keys(prepared.template.fields.shape).map(prepared.names.path))
    return c.json({ ...report, text: prepared.text, design: layout }, 200, {
      // The same header a render sends: pass, or fail; rules=… (it was a bare fail here).
      'X-Qoyar-Compliance': complianceHeader(report),
      'X-Qoyar-Text': prepared.text.status,
    })
  }
  app.get('/check/:template', (c) => check(c, renderInput(queryFields(c))))
  app.post('/check/:template', limitBody, async (c) => check(c, renderInput(await postFields(c))))
  return app
}
