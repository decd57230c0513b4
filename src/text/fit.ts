/**
 * Fit to a box: the largest font size, within bounds, at which the text
 * (wrapped to the box when allowed) fits with its ink and its line boxes
 * inside. When even the smallest size does not fit, the result says so:
 * callers decide between an error and a flag; nothing is clipped silently.
 */
import { memoPerOwner } from './memo.js'
import type { FontSet } from '../fonts/font-set.js'
import { layoutText } from './layout.js'
import { unionBox, type Box } from './shape.js'
import type { TextLayout, TextSpec } from './types.js'

export interface FitBox {
  width: number
  height: number
}

export interface FitOptions {
  /** Fit the ink (default) or the line boxes and ink together. */
  by?: 'ink' | 'lines'
  minSize: number
  maxSize: number
  /** Wrap lines (columns) to the box's main axis; default true. */
  wrap?: boolean
  /** Size resolution in px; default 0.25. */
  step?: number
}

export interface FitResult {
  layout: TextLayout
  fontSize: number
  fits: boolean
}

/** Everything the block paints or reserves: line boxes and ink together. */
export function extentOf(layout: TextLayout): Box {
  return unionBox({ x0: 0, y0: 0, x1: layout.width, y1: layout.height }, layout.ink)!
}

/** What is visible: the ink, or the line boxes of blank text. Designs place and size by this. */
export function inkExtentOf(layout: TextLayout): Box {
  return layout.ink ?? extentOf(layout)
}

export function fitsIn(layout: TextLayout, box: FitBox, measure: (l: TextLayout) => Box = extentOf): boolean {
  const e = measure(layout)
  return !layout.overflow && e.x1 - e.x0 <= box.width + 1e-6 && e.y1 - e.y0 <= box.height + 1e-6
}

/**
 * Sizes found by recent fits, per font set, by what was fitted: a design is often rendered again
 * (another format, a bulk run, a render-cache miss), and a bisection lays the text out at a dozen
 * sizes to find one. A fit is a pure function of the font set and its input, so the size found
 * once is the size found again. Bounded by the bytes of the keys.
 */
const MAX_FIT_BYTES = 1024 * 1024
const sizeOf = memoPerOwner<number>(MAX_FIT_BYTES, (_size, key) => key.length * 2 + 32)

/** What identifies a fit: its font set and a key holding every input the search reads. */
export interface FitMemo {
  fonts: FontSet
  key: string
}

/** The size a search found before for this input, or the one it finds now (remembered). */
export function rememberedSize(memo: FitMemo, search: () => number): number {
  return sizeOf(memo.fonts, memo.key, search)
}

export function fitText(fonts: FontSet, spec: Omit<TextSpec, 'fontSize' | 'maxLength'>, box: FitBox, opts: FitOptions): FitResult {
  const step = opts.step ?? 0.25
  const wrap = opts.wrap ?? true
  const main = spec.orientation === 'vertical' ? box.height : box.width
  const at = (fontSize: number) => layoutText(fonts, { ...spec, fontSize, ...(wrap ? { maxLength: main } : {}) })

  const measure = opts.by === 'lines' ? extentOf : inkExtentOf
  const min = Math.ceil(opts.minSize / step)
  const search = () => {
    let lo = min
    let hi = Math.floor(opts.maxSize / step)
    if (!fitsIn(at(lo * step), box, measure)) return lo * step
    let best = lo * step
    // Fitting is monotone in size except for rare wrap effects; binary search
    // finds a size that fits, never one that does not.
    lo += 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (fitsIn(at(mid * step), box, measure)) {
        best = mid * step
        lo = mid + 1
      } else hi = mid - 1
    }
    return best
  }
  const fontSize = rememberedSize({ fonts, key: JSON.stringify({ spec, box, opts }) }, search)
  const layout = at(fontSize)
  return { layout, fontSize: layout.fontSize, fits: fontSize !== min * step || fitsIn(layout, box, measure) }
}
