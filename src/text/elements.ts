/**
 * A laid-out block as satori elements: one absolutely placed box per piece,
 * positioned so that satori's own baseline lands where layout put it.
 * Rotated pieces are turned with `rotate(90deg)` about their top-left corner
 * (satori ignores writing-mode; rotation is what browsers do for vertical-lr).
 */
import type { Piece, TextLayout } from './types.js'

export interface El {
  type: string
  /** `src`, `width` and `height`: an `img` (a picture, drawn by satori as it is). */
  props: { style?: Record<string, string | number>; children?: (El | string)[] | El | string; src?: string; width?: number; height?: number }
}

/**
 * Where satori puts the baseline inside a line box of `lineHeight` px, as
 * satori 0.63 computes it (like Chrome: ascent and descent rounded, half
 * leading floored).
 */
export function satoriBaseline(piece: Piece, lineHeight: number): number {
  const asc = Math.round(piece.ascent)
  const desc = Math.round(piece.descent)
  return asc + Math.floor((lineHeight - asc - desc) / 2)
}

function pieceElement(piece: Piece, color: string): El {
  const lineHeight = Math.ceil(piece.ascent + piece.descent)
  const b = satoriBaseline(piece, lineHeight)
  // Room beyond the advance so satori never wraps a run it measures a hair wider (a condensed run is laid out at full width, then scaled).
  const width = Math.ceil(piece.advance / (piece.condense ?? 1) + piece.fontSize)
  const style: Record<string, string | number> = {
    position: 'absolute',
    display: 'flex',
    width,
    height: lineHeight,
    lineHeight: `${lineHeight}px`,
    fontSize: piece.fontSize,
    fontFamily: piece.fontId,
    fontWeight: piece.weight,
    whiteSpace: 'pre',
    color,
  }
  if (piece.features) style.fontFeatureSettings = `"${piece.features}"`
  if (piece.mode === 'rotated') {
    // (u, v) in the box → (left - v, top + u) after the turn; the baseline start (0, b) must land on origin.
    style.left = piece.origin.x + b
    style.top = piece.origin.y
    style.transformOrigin = '0 0'
    // An elongated column (TextSpec.condense > 1) is stretched along its own line, then turned.
    style.transform = piece.condense !== undefined ? `rotate(90deg) scaleX(${piece.condense})` : 'rotate(90deg)'
  } else {
    style.left = piece.origin.x
    style.top = piece.origin.y - b
    if (piece.condense !== undefined) {
      // 长字: narrowed about the pen's start, so the run begins where layout put it.
      style.transformOrigin = '0 0'
      style.transform = `scaleX(${piece.condense})`
    }
  }
  return { type: 'div', props: { style, children: piece.text } }
}

export interface BlockPlacement {
  /** Where the block's (0,0) goes in the parent, px. */
  x: number
  y: number
  color: string
}

/** The pieces of a block as children of a positioned parent. */
export function textElements(layout: TextLayout, at: BlockPlacement): El[] {
  const out: El[] = []
  for (const line of layout.lines)
    for (const piece of line.pieces) {
      const el = pieceElement(piece, at.color)
      const s = el.props.style!
      s.left = (s.left as number) + at.x
      s.top = (s.top as number) + at.y
      out.push(el)
    }
  return out
}
