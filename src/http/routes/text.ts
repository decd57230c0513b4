/**
 * GET /v1/text.svg and /v1/text.png: a piece of text as an image sized to it.
 * POST takes the same parameters as a JSON object, for texts past what a URL holds.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../env.js'
import { QoyarError } from '../../errors.js'
import { scriptOf } from '../../text/script.js'
import { checkMongolian, textStatus } from '../../text/mongolian/check.js'
import { legacyEncodingError } from '../../text/mongolian/fields.js'
import { etagFor } from '../etag.js'
import { invalidParameters } from '../errors.js'
import { headResponse, notModified, type ImageFormat } from '../image-response.js'
import { drawImage, responseOf, type TextJob } from '../render-job.js'
import { asNewlines, postFields, queryFields } from '../input.js'
import { limitBody } from './render.js'
import { cachedRender } from '../render-cache.js'
import { etagMemo } from '../etag-memo.js'
import { renders } from '../gate.js'
import { boundedNumber, colorOrTransparent, hexColor } from '../../schema.js'

export const MAX_TEXT_LENGTH = 2000

export const textQuery = z.object({
  text: z.string({ message: 'text is required' }).min(1, 'text must not be empty'),
  orientation: z.enum(['vertical', 'horizontal']).optional(),
  size: boundedNumber(8, 512).default(64),
  color: hexColor.default('#000000'),
  background: colorOrTransparent.default('#ffffff'),
  padding: boundedNumber(0, 2048).optional(),
  maxLength: boundedNumber(16, 100_000).optional(),
  // BCP 47 (RFC 5646 shape: language, then script/region/variant subtags).
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as ko, ug, kk, bo')
    .optional(),
})

export type TextQuery = z.infer<typeof textQuery>

function hasMongolian(text: string): boolean {
  for (const ch of text) if (scriptOf(ch.codePointAt(0)!) === 'Mong') return true
  return false
}

export function textRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const etags = etagMemo()
  const handler = (format: ImageFormat) => async (c: Context) => {
    // A URL seen before is answered from what its ETag names, before its query is read again.
    const known = await etags.answer(c, env.cache)
    if (known) return known
    renders.shedIfFull()
    // A POST merges its query as the template routes do (postFields): nothing given is ignored.
    const input = c.req.method === 'POST' ? await postFields(c) : queryFields(c)
    // The text's line separators are line breaks; JSON numbers are taken as the query's strings would be.
    const raw = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? asNewlines(v) : typeof v === 'number' ? String(v) : v]))
    if (typeof raw.text === 'string' && [...raw.text].length > MAX_TEXT_LENGTH)
      throw new QoyarError(
        'text_too_long',
        413,
        `text is ${[...raw.text].length} characters; the limit is ${MAX_TEXT_LENGTH}.`,
        {
          length: [...raw.text].length,
          max: MAX_TEXT_LENGTH,
        },
        { length: [...raw.text].length, max: MAX_TEXT_LENGTH },
      )
    const parsed = textQuery.safeParse(raw)
    if (!parsed.success) throw invalidParameters(parsed.error, 'parameter')
    const q = parsed.data
    // The Mongolian text checker, as on template renders; Menksoft codes are refused with their conversion.
    const checked = checkMongolian(q.text)
    if (checked.findings.some((f) => f.code === 'legacy-encoding')) throw legacyEncodingError([{ field: 'text', ...checked }])
    const spec = {
      text: q.text,
      orientation: q.orientation ?? (hasMongolian(q.text) ? 'vertical' : 'horizontal'),
      size: q.size,
      color: q.color,
      background: q.background,
      padding: q.padding ?? q.size / 4,
      ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
      ...(q.lang !== undefined ? { lang: q.lang } : {}),
    } as const
    const etag = await etagFor(env.version, { kind: 'text', format, spec })
    etags.remember(c, etag, format)
    const unchanged = notModified(c, etag)
    if (unchanged) return unchanged
    if (c.req.method === 'HEAD') return headResponse(format, etag)
    const job: TextJob = { kind: 'text', format: format === 'png' ? 'png' : 'svg', spec, etag, headers: { 'X-Qoyar-Text': textStatus(checked.findings) } }
    const draw = async (deadline: AbortSignal) => responseOf(env.offload ? await env.offload.image(job, deadline) : await drawImage(env, job))
    return cachedRender(env.cache, etag, draw, c.req.raw.signal)
  }
  app.get('/text.svg', handler('svg'))
  app.get('/text.png', handler('png'))
  app.post('/text.svg', limitBody, handler('svg'))
  app.post('/text.png', limitBody, handler('png'))
  return app
}
