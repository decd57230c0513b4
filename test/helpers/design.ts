/** A template's input prepared and designed, as a render would, without drawing it. */
import { designOf, prepare } from '../../src/render/template-render.js'
import { env } from './env.js'

export function design(template: string, input: Record<string, unknown>, e: typeof env = env) {
  const p = prepare(e, template, input)
  return { p, d: designOf(e, p) }
}
