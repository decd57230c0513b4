/**
 * Regional signage rules as data: a pack names its region, languages and
 * scripts, the legal text it encodes (with version and date), and rules that
 * each quote their source and carry a machine check. Checks read the
 * laid-out design, never the request. The zod schema is the one definition:
 * the pack types are inferred from it.
 */
import { z } from 'zod'
import type { Script } from '../text/script.js'
import { SIGN_KINDS, type Adjustment, type SignKind } from '../templates/types.js'

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) })

const source = z.object({
  /** Law, regulation, standard or document, as titled. */
  title: z.string().min(1),
  number: z.string().optional(),
  issuer: z.string().optional(),
  /** Date of issue (YYYY-MM-DD) where known. */
  date: z.string().optional(),
  article: z.string().optional(),
  /** Where the text was read, and how sure we are of it. */
  note: z.string().optional(),
})
export type Source = z.infer<typeof source>

const orientation = z.enum(['horizontal', 'vertical'])
/** A pack's language code ('mn', 'zh', 'ko', 'ug'…): packs name languages no template writes yet. */
const lang = z.string().min(2)

const check = z.discriminatedUnion('type', [
  /** Every listed language has non-empty text on the sign. */
  z.object({ type: z.literal('languages-present'), languages: z.array(lang).min(1) }),
  /** In each bilingual pair, `first` comes above (stacked) or left (side by side); `arrangement` limits the rule to one of the two. */
  z.object({
    type: z.literal('order'),
    first: lang,
    orientation: z.enum(['horizontal', 'vertical', 'any']),
    arrangement: z.enum(['stacked', 'side-by-side']).optional(),
  }),
  /** In each pair, `lang`'s ink size across the script is at least minRatio × `than`'s. */
  z.object({ type: z.literal('relative-size'), lang, than: lang, minRatio: z.number().positive(), maxRatio: z.number().positive().optional() }),
  /** `lang` is set only in the allowed orientations for this sign kind (and vertical Mongolian runs its columns left to right). */
  z.object({
    type: z.literal('orientation'),
    lang,
    allowed: z.partialRecord(z.enum(SIGN_KINDS), z.array(orientation)),
    progression: z.enum(['ltr', 'rtl']).optional(),
  }),
  /** No text outside its area or the canvas, no unbreakable word running over. */
  z.object({ type: z.literal('within-bounds') }),
  /** Every drawn code point is covered by the font drawing it. */
  z.object({ type: z.literal('glyph-coverage') }),
])
export type Check = z.infer<typeof check>

const rule = z.object({
  id: z.string().min(1),
  /** The rule's own words, quoted. */
  text: z.string().min(1),
  /** An English gloss, for people who do not read the original. */
  gloss: z.string().optional(),
  source,
  /** Sign kinds it applies to; absent = every kind. */
  appliesTo: z.array(z.enum(SIGN_KINDS)).optional(),
  check,
})
export type Rule = z.infer<typeof rule>

// ISO 15924 codes are four letters; which of them a font draws is checked at render time.
const script = z.custom<Script>((v) => typeof v === 'string' && /^[A-Z][a-z]{3}$/.test(v), 'an ISO 15924 script code')

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
export type Placement = z.infer<typeof placementSchema>

/** Font roles (fonts/manifest.json) that draw the language, where a pack names them. */
const packLanguage = z.object({
  lang,
  script,
  name: localized,
  /** The one-character Chinese abbreviation of the script in "蒙汉双语" phrases: 蒙, 朝, 维, 藏. */
  abbr: z.string().min(1).max(2).optional(),
  fonts: z.array(z.string()).optional(),
})
export type PackLanguage = z.infer<typeof packLanguage>

export const rulePackSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: localized,
  region: localized,
  /** Which text of the law this pack encodes: its version and date. */
  version: z.string().min(1),
  effective: z.string().optional(),
  /** verified: read from a primary source; secondary: as a named secondary source reports it; unverified: as reported, to be confirmed. */
  status: z.enum(['verified', 'secondary', 'unverified']),
  /** Where the status comes from, in words: the secondary source named, what was not found. */
  statusNote: z.string().optional(),
  languages: z.array(packLanguage).min(2),
  placement: placementSchema.optional(),
  sources: z.array(source).min(1),
  rules: z.array(rule).min(1),
})
export type RulePack = z.infer<typeof rulePackSchema>

export interface RuleResult {
  id: string
  pass: boolean
  /** What the layout produced. */
  measured: unknown
  expected: unknown
  text: string
  gloss?: string
  source: Source
}

export interface ComplianceReport {
  region: string
  packVersion: string
  packStatus: RulePack['status']
  template: string
  kind: SignKind
  pass: boolean
  rules: RuleResult[]
  /** Choices the design made by itself within the rules (Design.adjustments). */
  adjustments: Adjustment[]
  /** Every text's letter size (visual size) in mm, with the minimum its template asks on print. */
  letters: LetterSize[]
}

export interface LetterSize {
  text: string
  /** A pack language code ('mn', 'zh'…). */
  lang: string
  /** Visual size, mm: the Mongolian x-height or the Chinese character face (src/text/measure.ts). */
  mm: number
  minMm?: number
}
