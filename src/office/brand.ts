/**
 * An office's brand: named colours, the template fields they default, and an
 * emblem that every template with an `emblem` slot places. A brand sets
 * defaults only: a request's own value still wins.
 */
import { z } from 'zod'
import { EMBLEM_FIELD } from '../templates/brand-roles.js'
import { fieldNamesOf } from '../templates/pairing.js'
import type { TemplateDefinition } from '../templates/types.js'
import { LANGUAGE_PROFILES } from '../text/scripts/profiles.js'
import { OfficeDataError } from './errors.js'

const fieldValue = z.union([z.string(), z.number(), z.boolean()])

export const brandSchema = z
  .object({
    name: z.object({ zh: z.string().min(1), en: z.string().min(1).optional(), mn: z.string().min(1).optional() }).optional(),
    /** Named colours, e.g. { "red": "#b5121b" }. */
    colors: z.record(z.string().regex(/^[a-z][\w-]*$/), z.string()).default({}),
    /** Per template id: field → a colour name from `colors`, or the field's own value. */
    templates: z.record(z.string(), z.record(z.string(), fieldValue)).default({}),
    /** An image in the data directory (PNG or JPEG). */
    emblem: z
      .string()
      .regex(/^[\w./-]+\.(png|jpe?g)$/i, 'a PNG or JPEG file in the data directory')
      .optional(),
  })
  .strict()

export type Brand = z.output<typeof brandSchema>

/** The field under its default or optional wrapper: what a value must satisfy. */
function bare(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault || field instanceof z.ZodOptional || field instanceof z.ZodPrefault ? bare(field.unwrap() as z.ZodType) : field
}

/** A field as a region names it (org_mn, org_ko…) → the template's own name (org_minority). */
function ownField(t: TemplateDefinition, named: string, shape: Record<string, z.ZodType>): string {
  if (shape[named]) return named
  for (const lang of Object.keys(LANGUAGE_PROFILES).filter((l) => l !== 'zh')) {
    const own = Object.keys(fieldNamesOf(t, lang).toTemplate({ [named]: true }))[0]
    if (own && shape[own]) return own
  }
  return named
}

export { EMBLEM_FIELD }

/** Templates with the brand's values as their fields' defaults, each value checked by the field's own schema. */
export function brandTemplates(templates: readonly TemplateDefinition[], brand: Brand, files: Record<string, string>): TemplateDefinition[] {
  for (const id of Object.keys(brand.templates))
    if (!templates.some((t) => t.id === id))
      throw new OfficeDataError('brand.json', `templates.${id}`, `no template "${id}" (${templates.map((t) => t.id).join(', ')})`)
  return templates.map((t) => {
    const shape = t.fields.shape as Record<string, z.ZodType>
    const values: Record<string, { value: unknown; path: string }> = {}
    if (brand.emblem && shape[EMBLEM_FIELD]) values[EMBLEM_FIELD] = { value: files[brand.emblem], path: 'emblem' }
    for (const [named, v] of Object.entries(brand.templates[t.id] ?? {})) {
      // A brand names fields as a region's requests do (org_mn, org_ko): the template's own name behind it.
      const field = ownField(t, named, shape)
      if (!shape[field]) throw new OfficeDataError('brand.json', `templates.${t.id}.${named}`, `${t.id} has no field "${named}"`)
      values[field] = { value: typeof v === 'string' && brand.colors[v] !== undefined ? brand.colors[v] : v, path: `templates.${t.id}.${named}` }
    }
    if (!Object.keys(values).length) return t
    const overrides: Record<string, z.ZodType> = {}
    for (const [field, { value, path }] of Object.entries(values)) {
      const schema = bare(shape[field]!)
      const ok = schema.safeParse(value)
      if (!ok.success) throw new OfficeDataError('brand.json', path, ok.error.issues[0]?.message ?? 'invalid value')
      // prefault: the brand's value goes through the field's own parsing, as a request's would.
      const branded = schema.prefault(value as never)
      const description = shape[field]!.description
      overrides[field] = description ? branded.describe(description) : branded
    }
    // safeExtend keeps the template's own refinements (extend refuses to drop them).
    return { ...t, fields: t.fields.safeExtend(overrides) }
  })
}
