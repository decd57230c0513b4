/**
 * GET  /v1/mongolian/check?text=…
 * POST /v1/mongolian/check  {"text": "…"}
 * The Mongolian text checker: { text, findings, normalized }.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../env.js'
import { QoyarError } from '../../errors.js'
import { checkMongolian, textStatus } from '../../text/mongolian/check.js'
import { invalidParameters } from '../errors.js'
import { jsonBody, limitBody } from './render.js'

/** A sign's text, with room for a display board's body. */
export const MAX_CHECK_LENGTH = 20_000

const checkInput = z.object({ text: z.string({ message: 'text is required' }) })

export function mongolianRoutes(_env: AppEnv): Hono {
  const app = new Hono()
  const check = (c: Context, input: Record<string, unknown>) => {
    const parsed = checkInput.safeParse(input)
    if (!parsed.success) throw invalidParameters(parsed.error, 'parameter')
    const { text } = parsed.data
    if (text.length > MAX_CHECK_LENGTH)
      throw new QoyarError(
        'text_too_long',
        413,
        `text is ${text.length} characters; the limit is ${MAX_CHECK_LENGTH}.`,
        { length: text.length, max: MAX_CHECK_LENGTH },
        { length: text.length, max: MAX_CHECK_LENGTH },
      )
    const result = checkMongolian(text)
    return c.json(result, 200, { 'X-Qoyar-Text': textStatus(result.findings) })
  }
  app.get('/mongolian/check', (c) => check(c, c.req.query()))
  app.post('/mongolian/check', limitBody, async (c) => check(c, await jsonBody(c)))
  return app
}
