/**
 * A saved design: what the studio exports and imports, `qoyar render
 * --design file.json` renders, and the render and check APIs take as a POST
 * body. One schema for all three. `input` is exactly a render request's
 * input (template fields, preset or width/height/dpi, region, slogan and its
 * v.* variables, print options, pictures), so a saved design renders to the
 * same bytes, and the same ETag, as the design did in the studio. `brand`
 * is the designer's brand (emblem, colours by role) for the studio to apply
 * to the next template the design is opened in; renders read `input` only,
 * which already holds what of the brand applies to this template.
 */
// zod/mini: the same schema objects with a smaller API, so the studio's bundle stays small.
import * as z from 'zod/mini'
import { BRAND_ROLES } from './templates/brand-roles.js'

export const DESIGN_FORMAT = 'qoyar-design'

/** As a template's picture fields take them (the renderer checks the pixels). */
const PICTURE_URI = /^data:image\/(png|jpeg);base64,/
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i

export const designBrand = z.strictObject({
  /** Left out when `input` places it already (the template's own emblem field), so a file holds it once. */
  emblem: z.optional(z.string().check(z.maxLength(5_000_000), z.regex(PICTURE_URI, 'a data:image/png or data:image/jpeg URI'))),
  colors: z.optional(z.partialRecord(z.enum(BRAND_ROLES), z.string().check(z.regex(HEX, 'a CSS hex colour, #rrggbb')))),
})

export type DesignBrand = z.output<typeof designBrand>

export const designFile = z.object({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(1),
  /** What the designer called it. */
  name: z.optional(z.string().check(z.maxLength(200))),
  template: z.string().check(z.minLength(1), z.maxLength(64)),
  input: z.record(z.string(), z.unknown()),
  brand: z.optional(designBrand),
  /** When it was saved (ISO 8601), for people; renders ignore it. */
  saved: z.optional(z.string().check(z.maxLength(40))),
})

export type DesignFile = z.output<typeof designFile>

/** Whether a JSON body claims to be a saved design (it is then checked against the schema, not read as fields). */
export const claimsDesign = (body: unknown): boolean => typeof body === 'object' && body !== null && (body as Record<string, unknown>).format === DESIGN_FORMAT // any JSON object may be asked for one key
