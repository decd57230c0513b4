/**
 * What a template is: fields (a zod schema with defaults and limits), size
 * presets, and a design function from validated fields and a canvas to an
 * element tree. Templates describe design; typography comes from src/text
 * through the kit they are handed.
 */
import type { z } from 'zod'
import type { El } from '../text/elements.js'
import type { BrandRole } from './brand-roles.js'
import type { PairRole } from './pairing.js'
import type { Box, TextLayout } from '../text/types.js'
import type { DesignKit } from './kit.js'

export interface Localized {
  zh: string
  en: string
}

/** A size in millimetres at a resolution; pixel size = round(mm / 25.4 × dpi). */
export interface Preset {
  id: string
  title: Localized
  widthMm: number
  heightMm: number
  dpi: number
  /** Screens are read by pixels and have no viewing distance: minimum letter sizes in mm apply to print only. Default print. */
  medium?: 'print' | 'screen'
  /**
   * The smallest letter (visual size, mm) per text role at this size's viewing distance. The sign
   * trade's rule of thumb (handbook §4): about 25 mm per 3 m; window signs are read at 2–5 m, desk
   * cards at 1–3 m, hall backdrops at 15–30 m. Below it a render is a 422 text_does_not_fit.
   */
  minLetterMm?: Readonly<Record<string, number>>
  /**
   * The narrowest a role's one-line text may be condensed (长字: glyph width ÷ height, TextSpec.condense)
   * before it is set smaller: red-header offices condense a long authority name to keep its height.
   * None: never condensed.
   */
  minCondense?: Readonly<Record<string, number>>
}

export interface Canvas {
  width: number
  height: number
  dpi: number
  widthMm: number
  heightMm: number
  /** Millimetres → px at this canvas's dpi. */
  mm(v: number): number
  medium: 'print' | 'screen'
  /** The preset's minimum letter per role, mm (Preset.minLetterMm); none on screens. */
  minLetterMm: Readonly<Record<string, number>>
  /** The preset's narrowest condensing per role (Preset.minCondense). */
  minCondense: Readonly<Record<string, number>>
}

/** A block of text as the design placed it: what rule checks and tests read. */
export interface PlacedBlock {
  /** Which text of the design: 'name', 'title', 'slogan'… */
  role: string
  /** The text's language, a pack language code ('mn', 'zh', 'ko'…). */
  lang: string
  layout: TextLayout
  /** The block's origin on the canvas (px). */
  x: number
  y: number
  /** The painted extent on the canvas, px (before any face rotation). */
  extent: Box
  /** The face (desk cards have two), when the design repeats itself. */
  face?: string
  /** The smallest letter (visual size) the template allows this text, mm: its viewing distance. */
  minLetterMm?: number
  /** A face drawn turned 180° about the centre of `frame` (its reader turns it back). */
  rotation?: 0 | 180
  frame?: Box
}

export interface Design {
  root: El
  /** The sign's ground colour, carried into the print bleed; none = white paper. */
  background?: string
  blocks: PlacedBlock[]
  /** Rectangles the text must stay inside (faces, safe areas), for checks. */
  areas: { id: string; box: Box }[]
  /** Choices the design made by itself within the rules (a layout switched, a line wrapped), said in the response. */
  adjustments?: Adjustment[]
}

export interface Adjustment {
  field: string
  value: string
  reason: string
}

/** The kinds of sign the rules and the slogan catalogue tell apart: one list, read by the types and the pack schema. */
export const SIGN_KINDS = ['slogan', 'banner', 'desk-card', 'meeting-banner', 'letterhead', 'window-sign', 'door-plaque', 'display-board'] as const
export type SignKind = (typeof SIGN_KINDS)[number]

export interface TemplateDefinition<S extends z.ZodObject = z.ZodObject> {
  id: string
  /** Bumped when the design changes, so cached renders change too. */
  version: number
  title: Localized
  description: Localized
  kind: SignKind
  /** The fields a catalogue slogan (slogan=<key>) fills, per part of the pair (template names); absent = no slogans. */
  sloganFields?: Partial<Record<PairRole, string>>
  /** The colour field each of a brand's colours fills (src/templates/brand-roles.ts); absent = brand colours leave it as it is. */
  brandColors?: Partial<Record<BrandRole, string>>
  fields: S
  presets: readonly Preset[]
  defaultPreset: string
  design(fields: z.output<S>, canvas: Canvas, kit: DesignKit): Design
}
