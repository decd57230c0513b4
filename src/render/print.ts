/**
 * Print layout, before any PDF library sees it: pages in millimetres with
 * trim, bleed and crop marks, and imposition of several signs on a sheet.
 * The PDF writer (an engine, see engines.ts) only draws what this says.
 */
import { QoyarError } from '../errors.js'

export interface PrintItem {
  svg: string
  /** Position and size on the sheet, mm. */
  x: number
  y: number
  width: number
  height: number
  /** Colour to extend under the item into its bleed, or none. */
  bleedColor?: string
  bleed: number
}

export interface CropMark {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface PrintSheet {
  width: number
  height: number
  items: PrintItem[]
  marks: CropMark[]
  /** The finished size of a single-sign page (PDF TrimBox), mm. */
  trim?: { x: number; y: number; width: number; height: number }
  bleedBox?: { x: number; y: number; width: number; height: number }
}

export interface PrintDocument {
  title: string
  sheets: PrintSheet[]
}

export interface PrintOptions {
  /** Bleed around the trim, mm (print shops ask for 3). */
  bleed: number
  /** Crop marks at the trim corners, outside the bleed. */
  marks: boolean
}

/** Crop marks: 5 mm lines starting 2 mm outside the bleed, at each corner of the trim. */
const MARK_LENGTH = 5
const MARK_GAP = 2

function cornerMarks(x: number, y: number, w: number, h: number, bleed: number): CropMark[] {
  const off = bleed + MARK_GAP
  const marks: CropMark[] = []
  for (const cx of [x, x + w])
    for (const cy of [y, y + h]) {
      const sx = cx === x ? -1 : 1
      const sy = cy === y ? -1 : 1
      marks.push({ x1: cx + sx * off, y1: cy, x2: cx + sx * (off + MARK_LENGTH), y2: cy })
      marks.push({ x1: cx, y1: cy + sy * off, x2: cx, y2: cy + sy * (off + MARK_LENGTH) })
    }
  return marks
}

/** One sign on its own page: the page is the trim size, plus bleed, plus room for marks. */
export function singlePage(svg: string, widthMm: number, heightMm: number, bleedColor: string | undefined, opts: PrintOptions): PrintSheet {
  const margin = opts.bleed + (opts.marks ? MARK_GAP + MARK_LENGTH + 1 : 0)
  const x = margin
  const y = margin
  return {
    width: widthMm + 2 * margin,
    height: heightMm + 2 * margin,
    items: [{ svg, x, y, width: widthMm, height: heightMm, bleed: opts.bleed, ...(bleedColor ? { bleedColor } : {}) }],
    marks: opts.marks ? cornerMarks(x, y, widthMm, heightMm, opts.bleed) : [],
    trim: { x, y, width: widthMm, height: heightMm },
    bleedBox: { x: x - opts.bleed, y: y - opts.bleed, width: widthMm + 2 * opts.bleed, height: heightMm + 2 * opts.bleed },
  }
}

export const SHEETS = { a4: { width: 210, height: 297 }, a3: { width: 297, height: 420 } } as const
export type SheetSize = keyof typeof SHEETS

/** Printer's margin kept clear on an imposed sheet, mm. */
const SHEET_MARGIN = 5

/** How many signs of a size fit a sheet, in its better orientation. */
export function gridFor(widthMm: number, heightMm: number, sheet: SheetSize, opts: PrintOptions) {
  const cell = { w: widthMm + 2 * opts.bleed + (opts.marks ? 2 * (MARK_GAP + MARK_LENGTH) : 0), h: heightMm + 2 * opts.bleed + (opts.marks ? 2 * (MARK_GAP + MARK_LENGTH) : 0) }
  const candidates = [SHEETS[sheet], { width: SHEETS[sheet].height, height: SHEETS[sheet].width }].map((s) => ({
    sheet: s,
    cols: Math.floor((s.width - 2 * SHEET_MARGIN) / cell.w),
    rows: Math.floor((s.height - 2 * SHEET_MARGIN) / cell.h),
  }))
  const best = candidates.sort((a, b) => b.cols * b.rows - a.cols * a.rows)[0]!
  return { ...best, cell, perSheet: best.cols * best.rows }
}

/**
 * Several signs of one size imposed on A4/A3 sheets, in reading order,
 * centred, each with its own bleed and marks.
 */
export function impose(svgs: readonly string[], widthMm: number, heightMm: number, bleedColor: string | undefined, sheet: SheetSize, opts: PrintOptions): PrintSheet[] {
  const g = gridFor(widthMm, heightMm, sheet, opts)
  if (g.perSheet === 0)
    throw new QoyarError(
      'sheet_too_small',
      422,
      `A ${widthMm}×${heightMm} mm sign does not fit an ${sheet.toUpperCase()} sheet; print it on its own page (no sheet=).`,
      { sheet, widthMm, heightMm },
      { sheet: sheet.toUpperCase(), width: widthMm, height: heightMm },
    )
  const ox = (g.sheet.width - g.cols * g.cell.w) / 2
  const oy = (g.sheet.height - g.rows * g.cell.h) / 2
  const inset = (g.cell.w - widthMm) / 2
  const insetY = (g.cell.h - heightMm) / 2
  const sheets: PrintSheet[] = []
  svgs.forEach((svg, i) => {
    const slot = i % g.perSheet
    if (slot === 0) sheets.push({ width: g.sheet.width, height: g.sheet.height, items: [], marks: [] })
    const s = sheets[sheets.length - 1]!
    const x = ox + (slot % g.cols) * g.cell.w + inset
    const y = oy + Math.floor(slot / g.cols) * g.cell.h + insetY
    s.items.push({ svg, x, y, width: widthMm, height: heightMm, bleed: opts.bleed, ...(bleedColor ? { bleedColor } : {}) })
    if (opts.marks) s.marks.push(...cornerMarks(x, y, widthMm, heightMm, opts.bleed))
  })
  return sheets
}
