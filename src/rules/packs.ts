/**
 * The built-in rule packs, bundled as data (JSON), validated once at load so a
 * malformed pack fails loudly at start-up rather than mid-render.
 */
import { z } from 'zod'
import innerMongolia from './packs/inner-mongolia.json' with { type: 'json' }
import xinjiang from './packs/xinjiang.json' with { type: 'json' }
import tibet from './packs/tibet.json' with { type: 'json' }
import yanbian from './packs/yanbian.json' with { type: 'json' }
import type { RulePack } from './types.js'

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) })
const source = z.object({
  title: z.string().min(1),
  number: z.string().optional(),
  issuer: z.string().optional(),
  date: z.string().optional(),
  article: z.string().optional(),
  note: z.string().optional(),
})
const kinds = z.enum(['slogan', 'banner', 'desk-card', 'meeting-banner', 'letterhead', 'window-sign', 'door-plaque', 'display-board'])
const orientation = z.enum(['horizontal', 'vertical'])
const check = z.discriminatedUnion('type', [
  z.object({ type: z.literal('languages-present'), languages: z.array(z.string()).min(1) }),
  z.object({
    type: z.literal('order'),
    first: z.string(),
    orientation: z.enum(['horizontal', 'vertical', 'any']),
    arrangement: z.enum(['stacked', 'side-by-side']).optional(),
  }),
  z.object({
    type: z.literal('relative-size'),
    lang: z.string(),
    than: z.string(),
    minRatio: z.number().positive(),
    maxRatio: z.number().positive().optional(),
  }),
  z.object({
    type: z.literal('orientation'),
    lang: z.string(),
    allowed: z.partialRecord(kinds, z.array(orientation)),
    progression: z.enum(['ltr', 'rtl']).optional(),
  }),
  z.object({ type: z.literal('within-bounds') }),
  z.object({ type: z.literal('glyph-coverage') }),
])

/**
 * Where the two scripts go, as the sources say: the minority language, the
 * language that comes first (above or before) in horizontal writing, the sides
 * of a vertical pair, and the size relation. null = not regulated in the
 * sources found.
 */
export const placementSchema = z.object({
  minority: z.string().min(2),
  horizontalFirst: z.string().nullable(),
  verticalSides: z.object({ left: z.string(), right: z.string() }).nullable(),
  size: z.enum(['equal', 'proportionate']).nullable(),
  note: z.string().optional(),
})

export const rulePackSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: localized,
  region: localized,
  version: z.string().min(1),
  effective: z.string().optional(),
  status: z.enum(['verified', 'secondary', 'unverified']),
  statusNote: z.string().optional(),
  languages: z
    .array(z.object({ lang: z.string().min(2), script: z.string().length(4), name: localized, fonts: z.array(z.string()).optional() }))
    .min(2),
  placement: placementSchema.optional(),
  sources: z.array(source).min(1),
  rules: z
    .array(
      z.object({
        id: z.string().min(1),
        text: z.string().min(1),
        gloss: z.string().optional(),
        source,
        appliesTo: z.array(kinds).optional(),
        check,
      }),
    )
    .min(1),
})

export const RULE_PACKS: readonly RulePack[] = [innerMongolia, yanbian, xinjiang, tibet].map((p) => rulePackSchema.parse(p) as RulePack)

export const DEFAULT_REGION = 'inner-mongolia'
