import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../env.js'
import { resolveCanvas, sizeFields } from '../../templates/sizes.js'

/** GET /v1/templates: what can be rendered, with presets and each template's fields as JSON Schema. */
export function templateRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const body = {
    templates: env.templates.map((t) => ({
      id: t.id,
      version: t.version,
      title: t.title,
      description: t.description,
      kind: t.kind,
      defaultPreset: t.defaultPreset,
      presets: t.presets.map((p) => {
        const c = resolveCanvas(t.presets, t.defaultPreset, { preset: p.id })
        return { ...p, widthPx: c.width, heightPx: c.height }
      }),
      fields: z.toJSONSchema(t.fields, { io: 'input', unrepresentable: 'any' }),
      size: z.toJSONSchema(sizeFields, { io: 'input', unrepresentable: 'any' }),
      example: env.examples[t.id] ?? null,
      formats: ['svg', 'png', 'pdf'],
      urls: { render: `/v1/render/${t.id}.{svg|png|pdf}` },
    })),
  }
  app.get('/templates', (c) => c.json(body, 200, { 'Cache-Control': 'public, max-age=300' }))
  return app
}
