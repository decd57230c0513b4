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
    for (const run of drawnRuns(line.pieces)) {
      const el = run.length === 1 ? pieceElement(run[0]!, at.color) : stackElement(run, at.color)
      const s = el.props.style!
      s.left = (s.left as number) + at.x
      s.top = (s.top as number) + at.y
      out.push(el)
    }
  return out
}

/**
 * A line's pieces that draw something, grouped: a run of upright characters
 * stacked down a column at one pitch becomes one satori text node with a line
 * each (satori's cost is mostly per text node: a column of Chinese was one
 * node a character). Blank pieces (spaces) draw nothing and are left out.
 */
function drawnRuns(pieces: readonly Piece[]): Piece[][] {
  const runs: Piece[][] = []
  for (const piece of pieces) {
    if (piece.ink === null && piece.text.trim() === '') continue
    const run = runs.at(-1)
    if (run && stacks(run, piece)) run.push(piece)
    else runs.push([piece])
  }
  return runs
}

/** Whether `next` continues `run` as the next line of one stacked text node. */
function stacks(run: readonly Piece[], next: Piece): boolean {
  const first = run[0]!
  const last = run.at(-1)!
  if (next.mode !== 'upright' || first.mode !== 'upright') return false
  // One character a line: satori then needs no shaping across lines and breaks only at the newlines.
  if ([...next.text].length !== 1 || [...first.text].length !== 1 || /\s/.test(next.text)) return false
  if (next.condense !== undefined || first.condense !== undefined) return false
  const same =
    next.fontId === first.fontId && next.fontSize === first.fontSize && next.weight === first.weight && next.features === first.features && next.ascent === first.ascent && next.descent === first.descent && next.origin.x === first.origin.x
  if (!same) return false
  const pitch = next.origin.y - last.origin.y
  // satori puts line k at k × line-height: only a whole-pixel pitch, the same for every step, lands each baseline where layout put it.
  if (!(pitch > 0) || !Number.isInteger(pitch)) return false
  return run.length === 1 || pitch === last.origin.y - run.at(-2)!.origin.y
}

/** Upright characters one under another at a whole-pixel pitch: one text node, a line each. */
function stackElement(run: readonly Piece[], color: string): El {
  const first = run[0]!
  const pitch = run[1]!.origin.y - first.origin.y
  const b = satoriBaseline(first, pitch)
  const widest = Math.max(...run.map((p) => p.advance))
  const style: Record<string, string | number> = {
    position: 'absolute',
    display: 'flex',
    left: first.origin.x,
    top: first.origin.y - b,
    width: Math.ceil(widest + first.fontSize),
    height: pitch * run.length,
    lineHeight: `${pitch}px`,
    fontSize: first.fontSize,
    fontFamily: first.fontId,
    fontWeight: first.weight,
    whiteSpace: 'pre',
    color,
  }
  if (first.features) style.fontFeatureSettings = `"${first.features}"`
  return { type: 'div', props: { style, children: run.map((p) => p.text).join('\n') } }
}
