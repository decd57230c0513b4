/**
 * How a batch PDF will come out, said before it is made: signs → pages (or
 * sheets), the page size and signs per sheet. Computed by the same print
 * layout the PDF sink uses (print.ts: gridFor, sheetCapacity, singlePageSize),
 * so the studio's line and the file cannot disagree. Plain data: the studio's
 * browser script imports it.
 */
import { gridFor, sheetCapacity, singlePageSize, SHEETS, type PrintOptions, type SheetSize } from './print.js'

/** The page listing bad rows (bulk/report-page.ts) is A4. */
export const REPORT_PAGE = SHEETS.a4

export interface PrintPlan {
  signs: number
  /** Pages the signs take: one each, or one per imposed sheet. */
  pages: number
  /** Each of those pages, mm (an imposed sheet in the orientation that holds more). */
  page: { width: number; height: number }
  perSheet: number
  /** The A4/A3 sheet the signs are ganged on; none when each sign has its own page. */
  sheet?: SheetSize
  /** A last A4 page listing the bad rows. */
  reportPage: boolean
}

/** Whether the batch PDF ends with the page listing bad rows: when a row failed, or nothing rendered at all. */
export const needsReportPage = (rendered: number, failed: number): boolean => failed > 0 || rendered === 0

/** The plan for `signs` signs of one size, `failed` rows left out. */
export function printPlan(
  signs: number,
  size: { widthMm: number; heightMm: number },
  print: PrintOptions & { sheet?: SheetSize | undefined; perSheet?: number | undefined },
  failed = 0,
): PrintPlan {
  const reportPage = needsReportPage(signs, failed)
  if (print.sheet) {
    const g = gridFor(size.widthMm, size.heightMm, print.sheet, print)
    const capacity = sheetCapacity(g, print.perSheet)
    // Too big for the sheet: the imposer gives each sign its own page.
    if (capacity >= 1) return { signs, pages: Math.ceil(signs / capacity), page: g.sheet, perSheet: capacity, sheet: print.sheet, reportPage }
  }
  return { signs, pages: signs, page: singlePageSize(size.widthMm, size.heightMm, print), perSheet: 1, reportPage }
}
