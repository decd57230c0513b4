/**
 * The built-in rule packs, bundled as data (JSON), validated once at load so a
 * malformed pack fails loudly at start-up rather than mid-render.
 */
import { z } from 'zod'
import innerMongolia from './packs/inner-mongolia.json' with { type: 'json' }
import xinjiang from './packs/xinjiang.json' with { type: 'json' }
import yanbian from './packs/yanbian.json' with { type: 'json' }
import { SIGN_KINDS } from '../templates/types.js'
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
const kinds = z.enum(SIGN_KINDS)
const orientation = z.enum(['horizontal', 'vertical'])
const check = z.discriminatedUnion('type', [
  z.object({ type: z.literal('languages-present'), languages: z.array(z.string()).min(1) }),
  z.object({ type: z.literal('order'), first: z.string(), orientation: z.enum(['horizontal', 'vertical', 'any']) }),
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

export const rulePackSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: localized,
  region: localized,
  version: z.string().min(1),
  effective: z.string().optional(),
  status: z.enum(['verified', 'unverified']),
  languages: z.array(z.object({ lang: z.string().min(2), script: z.string().length(4), name: localized })).min(2),
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

export const RULE_PACKS: readonly RulePack[] = [innerMongolia, yanbian, xinjiang].map((p) => rulePackSchema.parse(p) as RulePack)

export const DEFAULT_REGION = 'inner-mongolia'
