/**
 * Visual size of laid-out text, the measure the regional rules compare
 * ("字号相等"): the ink extent across the script — a horizontal line's ink
 * height, a vertical column's ink width — taken on the largest line.
 */
import type { TextLayout } from './types.js'

export function crossInk(layout: TextLayout): number {
  let best = 0
  for (const line of layout.lines) {
    if (!line.ink) continue
    const extent = layout.orientation === 'vertical' ? line.ink.x1 - line.ink.x0 : line.ink.y1 - line.ink.y0
    best = Math.max(best, extent)
  }
  return best
}
