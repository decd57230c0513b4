import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../env.js'
import { findPack } from '../../rules/evaluate.js'
import { DEFAULT_REGION } from '../../rules/packs.js'
import { fieldNamesOf, pairingOf, templateSchema } from '../../templates/pairing.js'
import { resolveCanvas, sizeFields } from '../../templates/sizes.js'
import { describeFor } from '../../templates/wording.js'

/**
 * GET /v1/templates[?region=<pack>]: what can be rendered, with presets and each template's fields as
 * JSON Schema under the region's names (name_mn for inner-mongolia, the default; name_ko for yanbian…),
 * each text field marked with its language (`x-lang`).
 */
export function templateRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const size = z.toJSONSchema(sizeFields, { io: 'input', unrepresentable: 'any' })
  const bodies = new Map<string, unknown>()
  const bodyFor = (region: string) => {
    const cached = bodies.get(region)
    if (cached) return cached
    const pack = findPack(env.rulePacks, region)
    const pairing = pairingOf(pack)
    const lang = pairing.minority.lang
    const body = {
      region: pack.id,
      regions: env.rulePacks.map((p) => p.id),
      languages: [pairing.minority, pairing.zh].map((l) => ({ lang: l.lang, script: l.script, name: l.name, direction: l.direction, native: l.native })),
      templates: env.templates.map((t) => {
        const names = fieldNamesOf(t, lang)
        const example = pack.id === DEFAULT_REGION ? env.examples[t.id] : env.packExamples[pack.id]?.[t.id]
        return {
          id: t.id,
          version: t.version,
          title: t.title,
          description: describeFor(t.description, pairing),
          kind: t.kind,
          defaultPreset: t.defaultPreset,
          presets: t.presets.map((p) => {
            const c = resolveCanvas(t.presets, t.defaultPreset, { preset: p.id })
            return { ...p, widthPx: c.width, heightPx: c.height }
          }),
          fields: names.jsonSchema(templateSchema(t), lang === 'mn' ? undefined : pairing.minority.name.en),
          ...(t.sloganFields
            ? { sloganFields: Object.fromEntries(Object.entries(t.sloganFields).map(([role, f]) => [role === 'zh' ? 'zh' : lang, names.path(f)])) }
            : {}),
          size,
          example: example ?? null,
          formats: ['svg', 'png', 'pdf'],
          urls: { render: `/v1/render/${t.id}.{svg|png|pdf}${pack.id === DEFAULT_REGION ? '' : `?region=${pack.id}`}` },
        }
      }),
    }
    bodies.set(region, body)
    return body
  }
  app.get('/templates', (c) =>
    c.json(bodyFor(c.req.query('region') ?? DEFAULT_REGION) as Record<string, unknown>, 200, { 'Cache-Control': 'public, max-age=300' }),
  )
  return app
}
