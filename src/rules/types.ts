/**
 * Regional signage rules as data: a pack names its region, languages and
 * scripts, the legal text it encodes (with version and date), and rules that
 * each quote their source and carry a machine check. Checks read the
 * laid-out design, never the request.
 */
import type { Script } from '../text/script.js'
import type { Lang } from '../text/bilingual.js'
import type { Adjustment, Localized, SignKind } from '../templates/types.js'

export interface Source {
  /** Law, regulation, standard or document, as titled. */
  title: string
  number?: string
  issuer?: string
  /** Date of issue (YYYY-MM-DD) where known. */
  date?: string
  article?: string
  /** Where the text was read, and how sure we are of it. */
  note?: string
}

export type Check =
  /** Every listed language has non-empty text on the sign. */
  | { type: 'languages-present'; languages: Lang[] }
  /** In each bilingual pair, `first` comes above (stacked) or left (side by side). */
  | { type: 'order'; first: Lang; orientation: 'horizontal' | 'vertical' | 'any' }
  /** In each pair, `lang`'s ink size across the script is at least minRatio × `than`'s. */
  | { type: 'relative-size'; lang: Lang; than: Lang; minRatio: number; maxRatio?: number }
  /** `lang` is set only in the allowed orientations for this sign kind (and vertical Mongolian runs its columns left to right). */
  | { type: 'orientation'; lang: Lang; allowed: Partial<Record<SignKind, ('horizontal' | 'vertical')[]>>; progression?: 'ltr' | 'rtl' }
  /** No text outside its area or the canvas, no unbreakable word running over. */
  | { type: 'within-bounds' }
  /** Every drawn code point is covered by the font drawing it. */
  | { type: 'glyph-coverage' }

export interface Rule {
  id: string
  /** The rule's own words, quoted. */
  text: string
  /** An English gloss, for people who do not read the original. */
  gloss?: string
  source: Source
  /** Sign kinds it applies to; absent = every kind. */
  appliesTo?: SignKind[]
  check: Check
}

export interface PackLanguage {
  lang: string
  script: Script
  name: Localized
}

export interface RulePack {
  id: string
  name: Localized
  region: Localized
  /** Which text of the law this pack encodes: its version and date. */
  version: string
  effective?: string
  /** verified: read from a primary source; unverified: as reported, to be confirmed. */
  status: 'verified' | 'unverified'
  languages: PackLanguage[]
  sources: Source[]
  rules: Rule[]
}

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
  lang: Lang
  /** Visual size, mm: the Mongolian x-height or the Chinese character face (src/text/measure.ts). */
  mm: number
  minMm?: number
}
