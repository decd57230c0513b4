/**
 * What the studio needs to know about each template beyond the JSON Schema
 * that GET /v1/templates publishes: which fields are hex colours (the schema
 * shows them as plain strings, since the # is added by a transform), their
 * default colours, and which fields a catalogue slogan fills. Read from the
 * templates' zod schemas once, when the app is built.
 */
import type { AppEnv } from '../env.js'
import { hexColor } from '../schema.js'
import { findPack } from '../rules/evaluate.js'
import { DEFAULT_REGION } from '../rules/packs.js'
import { fieldNamesOf, pairingOf } from '../templates/pairing.js'
import type { TemplateDefinition } from '../templates/types.js'
import { EMBLEM_FIELD, type BrandRole } from '../templates/brand-roles.js'

export interface StudioTemplateHints {
  /** Fields that take a CSS hex colour (colour pickers). */
  colors: string[]
  /** The colour a colour field has when left empty, where the template sets one. */
  colorDefaults: Record<string, string>
  /** Fields a catalogue slogan (slogan=<key>) fills, per language; absent = the template takes no slogans. */
  sloganFields?: Record<string, string>
  /** The colour field each brand colour fills (the template's brandColors, where the field exists). */
  brandColors: Partial<Record<BrandRole, string>>
  /** Whether the template places an emblem (its `emblem` field). */
  emblem: boolean
}

interface ZodInternals {
  _zod?: { def?: { type?: string; innerType?: unknown; options?: unknown[]; in?: unknown; out?: unknown; schema?: unknown } }
}

/** Whether a field's schema is (or wraps) the shared hex colour schema. */
function takesHexColor(schema: unknown, depth = 0): boolean {
  if (schema === hexColor) return true
  if (!schema || typeof schema !== 'object' || depth > 8) return false
  const def = (schema as ZodInternals)._zod?.def
  if (!def) return false
  const inner = [def.innerType, def.in, def.schema, ...(def.options ?? [])].filter((s) => s !== undefined)
  return inner.some((s) => takesHexColor(s, depth + 1))
}

export function templateHints(template: TemplateDefinition, example: Record<string, unknown> | undefined, lang: string): StudioTemplateHints {
  const shape = template.fields.shape as Record<string, unknown>
  const colors = Object.keys(shape).filter((k) => takesHexColor(shape[k]))
  const colorDefaults: Record<string, string> = {}
  // The defaults as the template fills them in: parse the example (which has the required texts).
  const parsed = template.fields.safeParse(fieldNamesOf(template, lang).toTemplate(example ?? {}))
  if (parsed.success) {
    const out = parsed.data as Record<string, unknown>
    for (const k of colors) if (typeof out[k] === 'string' && example?.[k] === undefined) colorDefaults[k] = out[k] as string
  }
  // The studio edits the default region's signs: slogan fields under its names, per language.
  const names = fieldNamesOf(template, lang)
  const sloganFields =
    template.sloganFields && Object.fromEntries(Object.entries(template.sloganFields).map(([role, f]) => [role === 'zh' ? 'zh' : lang, names.path(f)]))
  const brandColors = Object.fromEntries(Object.entries(template.brandColors ?? {}).filter(([, f]) => colors.includes(f)))
  return { colors, colorDefaults, ...(sloganFields ? { sloganFields } : {}), brandColors, emblem: EMBLEM_FIELD in shape }
}

export function studioHints(env: AppEnv): Record<string, StudioTemplateHints> {
  const lang = pairingOf(findPack(env.rulePacks, DEFAULT_REGION)).minority.lang
  return Object.fromEntries(env.templates.map((t) => [t.id, templateHints(t, env.examples[t.id], lang)]))
}
