/** `X-Content-Type-Options: nosniff` on every response, errors included: a browser never guesses a type we did not send. */
import type { MiddlewareHandler } from 'hono'

export const nosniff: MiddlewareHandler = async (c, next) => {
  await next()
  try {
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
  } catch {
    // A response from the platform's cache has immutable headers: copy it.
    c.res = new Response(c.res.body, c.res)
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
  }
}
