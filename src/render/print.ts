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

/** Crop marks: 5 mm lines starting 2 mm outside the bleed, on each cut line's two ends. */
const MARK_LENGTH = 5
const MARK_GAP = 2
/** Room a row of marks takes outside the bleed, mm. */
const MARK_ROOM = MARK_GAP + MARK_LENGTH

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Crop marks for cuts at `xs` (vertical lines) and `ys` (horizontal lines) through
 * `outer`, the bleed edge of everything on the sheet: each cut line gets one mark
 * beyond each of its two ends, so no mark is drawn over any sign or its bleed.
 */
function cutMarks(xs: readonly number[], ys: readonly number[], outer: Box): CropMark[] {
  const top = outer.y - MARK_GAP
  const bottom = outer.y + outer.height + MARK_GAP
  const left = outer.x - MARK_GAP
  const right = outer.x + outer.width + MARK_GAP
  return [
    ...xs.flatMap((x) => [
      { x1: x, y1: top, x2: x, y2: top - MARK_LENGTH },
      { x1: x, y1: bottom, x2: x, y2: bottom + MARK_LENGTH },
    ]),
    ...ys.flatMap((y) => [
      { x1: left, y1: y, x2: left - MARK_LENGTH, y2: y },
      { x1: right, y1: y, x2: right + MARK_LENGTH, y2: y },
    ]),
  ]
}

/** The room around a single sign's trim on its own page: its bleed, and the marks outside it. */
const pageMargin = (opts: PrintOptions) => opts.bleed + (opts.marks ? MARK_GAP + MARK_LENGTH + 1 : 0)

/** The page a sign gets on its own: the trim size, plus bleed, plus room for marks, mm. */
export function singlePageSize(widthMm: number, heightMm: number, opts: PrintOptions): { width: number; height: number } {
  const margin = pageMargin(opts)
  return { width: widthMm + 2 * margin, height: heightMm + 2 * margin }
}

/** One sign on its own page (singlePageSize). */
export function singlePage(svg: string, widthMm: number, heightMm: number, bleedColor: string | undefined, opts: PrintOptions): PrintSheet {
  const margin = pageMargin(opts)
  const x = margin
  const y = margin
  const bleedBox = { x: x - opts.bleed, y: y - opts.bleed, width: widthMm + 2 * opts.bleed, height: heightMm + 2 * opts.bleed }
  return {
    ...singlePageSize(widthMm, heightMm, opts),
    items: [{ svg, x, y, width: widthMm, height: heightMm, bleed: opts.bleed, ...(bleedColor ? { bleedColor } : {}) }],
    marks: opts.marks ? cutMarks([x, x + widthMm], [y, y + heightMm], bleedBox) : [],
    trim: { x, y, width: widthMm, height: heightMm },
    bleedBox,
  }
}

export const SHEETS = { a4: { width: 210, height: 297 }, a3: { width: 297, height: 420 } } as const
export type SheetSize = keyof typeof SHEETS

/** Printer's margin kept clear on an imposed sheet, mm. */
const SHEET_MARGIN = 5

/**
 * Signs of one size ganged on a sheet, as print shops set them: a grid whose
 * neighbours are 2 × bleed apart (each sign's bleed runs into the gutter; with
 * no bleed they butt and share the cut), the crop marks only outside the grid,
 * so a guillotine cuts straight through the stack.
 */
export interface SheetGrid {
  /** The sheet in the orientation that holds more, mm. */
  sheet: { width: number; height: number }
  cols: number
  rows: number
  perSheet: number
  /** Trim size of one sign and its bleed, mm. */
  width: number
  height: number
  bleed: number
  /** The first sign's trim corner, and the step from one sign's to the next, mm. */
  origin: { x: number; y: number }
  pitch: { x: number; y: number }
  marks: boolean
}

/** How many signs of a size fit a sheet, and where, in its better orientation. */
export function gridFor(widthMm: number, heightMm: number, sheet: SheetSize, opts: PrintOptions): SheetGrid {
  const pitch = { x: widthMm + 2 * opts.bleed, y: heightMm + 2 * opts.bleed }
  // Marks sit outside the grid, inside the printer's margin.
  const room = 2 * SHEET_MARGIN + (opts.marks ? 2 * MARK_ROOM : 0)
  // The epsilon keeps an exact fit (e.g. 2 × 100 mm in 200 mm) from rounding down.
  const fit = (length: number, step: number) => Math.max(0, Math.floor((length - room) / step + 1e-9))
  const candidates = [SHEETS[sheet], { width: SHEETS[sheet].height, height: SHEETS[sheet].width }].map((s) => ({
    sheet: s,
    cols: fit(s.width, pitch.x),
    rows: fit(s.height, pitch.y),
  }))
  const best = candidates.sort((a, b) => b.cols * b.rows - a.cols * a.rows)[0]!
  return {
    ...best,
    perSheet: best.cols * best.rows,
    width: widthMm,
    height: heightMm,
    bleed: opts.bleed,
    // Centred: the grid's bleed edge is as far from the left as from the right.
    origin: { x: (best.sheet.width - best.cols * pitch.x) / 2 + opts.bleed, y: (best.sheet.height - best.rows * pitch.y) / 2 + opts.bleed },
    pitch,
    marks: opts.marks,
  }
}

/** Signs a sheet of the grid takes, at most `perSheet` when asked; 0: the sign is too big and gets a page of its own. */
export const sheetCapacity = (g: SheetGrid, perSheet?: number): number => Math.min(g.perSheet, perSheet ?? Infinity)

/** The trim corner of the sign in `slot` (reading order), mm. */
export function slotOf(g: SheetGrid, slot: number): { x: number; y: number } {
  return { x: g.origin.x + (slot % g.cols) * g.pitch.x, y: g.origin.y + Math.floor(slot / g.cols) * g.pitch.y }
}

/**
 * The crop marks of a sheet that holds `capacity` signs: every cut of the cells
 * it can fill, the same on every sheet of the stack (the last, part-filled one too).
 */
export function gridMarks(g: SheetGrid, capacity = g.perSheet): CropMark[] {
  const cols = Math.min(g.cols, capacity)
  const rows = Math.min(g.rows, Math.ceil(capacity / g.cols))
  if (!g.marks || cols < 1) return []
  // Both edges of every sign; with no bleed a sign's right edge is the next one's left: one cut.
  const cuts = (start: number, step: number, size: number, n: number) => [
    ...new Set(
      Array.from({ length: n }, (_, i) => [start + i * step, start + i * step + size])
        .flat()
        .map((v) => Math.round(v * 1e6) / 1e6),
    ),
  ]
  const outer = {
    x: g.origin.x - g.bleed,
    y: g.origin.y - g.bleed,
    width: cols * g.pitch.x,
    height: rows * g.pitch.y,
  }
  return cutMarks(cuts(g.origin.x, g.pitch.x, g.width, cols), cuts(g.origin.y, g.pitch.y, g.height, rows), outer)
}

/** An empty sheet of the grid, with its marks. */
export function gridSheet(g: SheetGrid, capacity = g.perSheet): PrintSheet {
  return { width: g.sheet.width, height: g.sheet.height, items: [], marks: gridMarks(g, capacity) }
}

/** Several signs of one size ganged on A4/A3 sheets, in reading order (see SheetGrid). */
export function impose(
  svgs: readonly string[],
  widthMm: number,
  heightMm: number,
  bleedColor: string | undefined,
  sheet: SheetSize,
  opts: PrintOptions,
): PrintSheet[] {
  const g = gridFor(widthMm, heightMm, sheet, opts)
  if (g.perSheet === 0)
    throw new QoyarError(
      'sheet_too_small',
      422,
      `A ${widthMm}×${heightMm} mm sign does not fit an ${sheet.toUpperCase()} sheet; print it on its own page (no sheet=).`,
      { sheet, widthMm, heightMm },
      { sheet: sheet.toUpperCase(), width: widthMm, height: heightMm },
    )
  // Fewer copies than a sheet holds: mark only the cells they fill.
  const capacity = Math.min(g.perSheet, svgs.length)
  const sheets: PrintSheet[] = []
  svgs.forEach((svg, i) => {
    const slot = i % g.perSheet
    if (slot === 0) sheets.push(gridSheet(g, capacity))
    const { x, y } = slotOf(g, slot)
    sheets[sheets.length - 1]!.items.push({ svg, x, y, width: widthMm, height: heightMm, bleed: opts.bleed, ...(bleedColor ? { bleedColor } : {}) })
  })
  return sheets
}
