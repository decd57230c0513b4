/**
 * GET  /v1/render/{template}.{svg|png}?field=…   (a cacheable URL)
 * POST /v1/render/{template}.{svg|png}  {"field": …} (the same fields as JSON)
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../env.js'
import { QoyarError } from '../../errors.js'
import { capPicturePixels } from '../../render/picture-budget.js'
import { headResponse, notModified, type ImageFormat } from '../image-response.js'
import { drawImage, prepareTemplate, responseOf, templateEtag, type TemplateJob } from '../render-job.js'
import { cachedRender } from '../render-cache.js'
import { etagMemo } from '../etag-memo.js'
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

export function renderRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const etags = etagMemo()
  const render = async (c: Context, input: Record<string, unknown>) => {
    const { id, format } = parseTarget(c.req.param('file') ?? '')
    capPicturePixels(input)
    const gone = c.req.raw.signal
    const ifNoneMatch = c.req.header('If-None-Match')
    const job: TemplateJob = { kind: 'template', id, format, input }
    // A POST may carry pictures, whose decoding is heavy work too: with an offload even its validation runs there.
    if (c.req.method === 'POST' && env.offload) {
      const offload = env.offload
      return renders.run(async (deadline) => responseOf(await offload.image({ ...job, ...(ifNoneMatch ? { ifNoneMatch } : {}) }, deadline)), gone)
    }
    const prepared = prepareTemplate(env, id, input)
    const etag = await templateEtag(env, prepared, format)
    etags.remember(c, etag, format)
    const unchanged = notModified(c, etag)
    if (unchanged) return unchanged
    if (c.req.method === 'HEAD') return headResponse(format, etag)
    const draw = async (deadline: AbortSignal) =>
      responseOf(env.offload ? await env.offload.image(job, deadline) : await drawImage(env, job, { prepared, etag }))
    return c.req.method === 'GET' ? cachedRender(env.cache, etag, draw, gone) : renders.run(draw, gone)
  }
  // A URL seen before is answered from what its ETag names, before its query is read again.
  app.get('/render/:file', async (c) => {
    const known = await etags.answer(c, env.cache)
    if (known) return known
    renders.shedIfFull()
    return render(c, renderInput(queryFields(c)))
  })
  app.post('/render/:file', limitBody, async (c) => {
    renders.shedIfFull()
    return render(c, renderInput(await postFields(c)))
  })
  return app
}
