/**
 * GET  /v1/render/{template}.{svg|png}?field=…   (a cacheable URL)
 * POST /v1/render/{template}.{svg|png}  {"field": …} (the same fields as JSON)
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../env.js'
import { QoyarError } from '../../errors.js'
import { complianceOf, designOf, enforce, enforceText, pdfOf, pngOf, prepare, svgOf, translationHeader, type Prepared } from '../../render/template-render.js'
import { changedHeader } from '../../text/mongolian/fields.js'
import { pdfUserUnit } from '../../render/limits.js'
import { complianceHeader } from '../../rules/evaluate.js'
import { etagFor } from '../etag.js'
import { headResponse, imageResponse, notModified, type ImageFormat } from '../image-response.js'
import { cachedRender } from '../render-cache.js'
import { renders } from '../gate.js'
import { jsonBody, postFields, queryFields, renderInput } from '../input.js'

export { jsonBody }

// Large enough for a display board's four pictures (3 MB each, base64).
export const MAX_BODY_BYTES = 16 * 1024 * 1024

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new QoyarError(
      'payload_too_large',
      413,
      `The request body is over ${MAX_BODY_BYTES / 1024} KB.`,
      { maxBytes: MAX_BODY_BYTES },
      { maxKb: MAX_BODY_BYTES / 1024 },
    )
  },
})
const FORMATS: readonly ImageFormat[] = ['svg', 'png', 'pdf']

export function parseTarget(file: string): { id: string; format: ImageFormat } {
  const dot = file.lastIndexOf('.')
  const id = dot > 0 ? file.slice(0, dot) : file
  const format = dot > 0 ? file.slice(dot + 1) : ''
  if (!(FORMATS as readonly string[]).includes(format))
    throw new QoyarError(
      'unsupported_format',
      404,
      `No format "${format || '(none)'}" for ${id}; use .svg or .png.`,
      { formats: FORMATS },
      { format: format || '(none)', id, formats: FORMATS.map((f) => `.${f}`).join(', ') },
    )
  return { id, format: format as ImageFormat }
}

/** Says when the PDF page is written at a UserUnit scale (a side past 14,400 pt). */
function pdfScaleHeader(p: Prepared): Record<string, string> {
  const bleed = 2 * p.print.bleed
  const unit = pdfUserUnit(((p.canvas.widthMm + bleed) * 72) / 25.4, ((p.canvas.heightMm + bleed) * 72) / 25.4)
  return unit > 1 ? { 'X-Qoyar-Pdf-User-Unit': String(unit) } : {}
}

export function renderRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const render = async (c: Context, input: Record<string, unknown>) => {
    const { id, format } = parseTarget(c.req.param('file') ?? '')
    const prepared = prepare(env, id, input)
    enforceText(prepared)
    const etag = await etagFor(env.version, { ...prepared.key, format })
    const unchanged = notModified(c, etag)
    if (unchanged) return unchanged
    if (c.req.method === 'HEAD') return headResponse(format, etag)
    const draw = async () => {
      const design = designOf(env, prepared)
      const report = complianceOf(env, prepared, design)
      enforce(prepared, report)
      const svg = await svgOf(env, prepared, design)
      const headers = {
        'X-Qoyar-Compliance': complianceHeader(report),
        'X-Qoyar-Region': report.region,
        'X-Qoyar-Text': prepared.text.status,
        ...(changedHeader(prepared.text) ? { 'X-Qoyar-Text-Changed': changedHeader(prepared.text)! } : {}),
        'X-Qoyar-Template': `${prepared.template.id}@${prepared.template.version}`,
        'X-Qoyar-Size': `${prepared.canvas.width}x${prepared.canvas.height}`,
        'X-Qoyar-Dpi': String(prepared.canvas.dpi),
        // What the design chose by itself within the rules (desk-card: mnLayout=line for a long name).
        ...(report.adjustments.length ? { 'X-Qoyar-Adjusted': report.adjustments.map((a) => `${a.field}=${a.value}`).join(', ') } : {}),
        'Content-Disposition': `inline; filename="${prepared.template.id}.${format}"`,
        ...(prepared.slogan ? { 'X-Qoyar-Slogan': prepared.slogan.key, 'X-Qoyar-Translation': translationHeader(prepared)! } : {}),
      }
      if (format === 'svg') return imageResponse('svg', svg, etag, headers)
      if (format === 'pdf') return imageResponse('pdf', await pdfOf(env, prepared, design, svg), etag, { ...headers, ...pdfScaleHeader(prepared) })
      return imageResponse('png', await pngOf(env, prepared, svg), etag, headers)
    }
    return c.req.method === 'GET' ? cachedRender(env.cache, etag, draw, c.req.raw.signal) : renders.run(draw, c.req.raw.signal)
  }
  app.get('/render/:file', (c) => render(c, renderInput(queryFields(c))))
  app.post('/render/:file', limitBody, async (c) => render(c, renderInput(await postFields(c))))
  return app
}
