/**
 * A saved design: what the studio exports and imports, `qoyar render
 * --design file.json` renders, and the render and check APIs take as a POST
 * body. One schema for all three. `input` is exactly a render request's
 * input (template fields, preset or width/height/dpi, region, slogan and its
 * v.* variables, print options, pictures), so a saved design renders to the
 * same bytes, and the same ETag, as the design did in the studio.
 */
// zod/mini: the same schema objects with a smaller API, so the studio's bundle stays small.
import * as z from 'zod/mini'

export const DESIGN_FORMAT = 'qoyar-design'

export const designFile = z.object({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(1),
  /** What the designer called it. */
  name: z.optional(z.string().check(z.maxLength(200))),
  template: z.string().check(z.minLength(1), z.maxLength(64)),
  input: z.record(z.string(), z.unknown()),
  /** When it was saved (ISO 8601), for people; renders ignore it. */
  saved: z.optional(z.string().check(z.maxLength(40))),
})

export type DesignFile = z.output<typeof designFile>

/** Whether a JSON body claims to be a saved design (it is then checked against the schema, not read as fields). */
export const claimsDesign = (body: unknown): boolean => typeof body === 'object' && body !== null && (body as Record<string, unknown>).format === DESIGN_FORMAT // any JSON object may be asked for one key
