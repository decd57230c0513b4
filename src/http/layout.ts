/**
 * Where a design put things, for the studio's overlays (GET|POST /v1/check
 * answers it as `design`): each text block's painted box as it sits on the
 * rendered image (a face drawn turned 180° has its boxes there), the areas text must
 * stay inside (the template's safe areas, or its faces), and the folds between
 * faces, each in px and in mm from the sign's top left corner.
 */
import type { Canvas, Design, PlacedBlock } from '../templates/types.js'
import type { Box } from '../text/types.js'

/** A rectangle from the top left corner: x, y, width, height. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface LayoutBlock {
  /** `face:role:lang`, or `role:lang` on a one-face design. */
  id: string
  role: string
  lang: string
  face?: string
  /** The template field the text comes from, where one does. */
  field?: string
  px: Rect
  mm: Rect
}

export interface DesignLayout {
  canvas: { widthPx: number; heightPx: number; dpi: number; widthMm: number; heightMm: number }
  blocks: LayoutBlock[]
  areas: { id: string; px: Rect; mm: Rect }[]
  /** Lines the sign is folded along (desk cards), across its whole width. */
  folds: { yPx: number; yMm: number }[]
}

const round = (n: number) => Math.round(n * 100) / 100
const rect = (b: Box, scale = 1): Rect => ({
  x: round(b.x0 * scale),
  y: round(b.y0 * scale),
  width: round((b.x1 - b.x0) * scale),
  height: round((b.y1 - b.y0) * scale),
})

/** The field a block's text comes from: `name_mn` for role name in mn, `mn` on a sign with one text per language, else the role. */
function fieldOf(b: PlacedBlock, fields: readonly string[]): string | undefined {
  return [`${b.role}_${b.lang}`, b.lang, b.role].find((f) => fields.includes(f))
}

export function designLayout(canvas: Canvas, design: Design, fields: readonly string[]): DesignLayout {
  const perMm = 1 / canvas.mm(1)
  const faces = new Set(design.blocks.flatMap((b) => (b.face ? [b.face] : [])))
  const faceAreas = design.areas.filter((a) => faces.has(a.id))
  const folds = faceAreas.flatMap((a) =>
    faceAreas.some((b) => b !== a && Math.abs(b.box.y0 - a.box.y1) < 0.5) ? [{ yPx: round(a.box.y1), yMm: round(a.box.y1 * perMm) }] : [],
  )
  return {
    canvas: { widthPx: canvas.width, heightPx: canvas.height, dpi: canvas.dpi, widthMm: round(canvas.widthMm), heightMm: round(canvas.heightMm) },
    blocks: design.blocks.map((b) => {
      const box = b.extent
      const field = fieldOf(b, fields)
      return {
        id: `${b.face ? `${b.face}:` : ''}${b.role}:${b.lang}`,
        role: b.role,
        lang: b.lang,
        ...(b.face ? { face: b.face } : {}),
        ...(field ? { field } : {}),
        px: rect(box),
        mm: rect(box, perMm),
      }
    }),
    areas: design.areas.map((a) => ({ id: a.id, px: rect(a.box), mm: rect(a.box, perMm) })),
    folds,
  }
}
