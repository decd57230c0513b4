/**
 * A laid-out block as elements: one absolutely placed box per drawn run,
 * carrying the glyphs to draw in it (see glyph-paths). satori places and
 * turns the box; the glyphs are drawn from our own shaping at the baselines
 * layout chose. Rotated pieces are turned with `rotate(90deg)` about their
 * top-left corner (satori ignores writing-mode; rotation is what browsers do
 * for vertical-lr).
 */
import type { GlyphRun } from './glyph-paths.js'
import type { Piece, TextLayout } from './types.js'

export interface El {
  type: string
  /** `src`, `width` and `height`: an `img` (a picture, drawn by satori as it is). */
  props: {
    style?: Record<string, string | number>
    children?: (El | string)[] | El | string
    src?: string
    width?: number
    height?: number
    /** Text drawn in this box, its top left the run's origin (render/svg puts the paths where satori placed the box). */
    glyphs?: GlyphRun
  }
}

/** An element's children as a list (satori takes one child, a list, or none). */
export function childrenOf(el: El): (El | string)[] {
  const kids = el.props.children
  return Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]
}

/** An element's children that are elements, not text. */
export function childElements(el: El): El[] {
  return childrenOf(el).filter((k): k is El => typeof k !== 'string')
}

/**
 * Where the baseline sits inside a line box of `lineHeight` px, as satori
 * 0.63 put it (like Chrome: ascent and descent rounded, half leading
 * floored): the box is placed so that this lands on layout's baseline.
 */
export function satoriBaseline(piece: Piece, lineHeight: number): number {
  const asc = Math.round(piece.ascent)
  const desc = Math.round(piece.descent)
  return asc + Math.floor((lineHeight - asc - desc) / 2)
}

function pieceElement(piece: Piece, color: string): El {
  const lineHeight = Math.ceil(piece.ascent + piece.descent)
  const b = satoriBaseline(piece, lineHeight)
  // The box is the line box satori would have set the run in; its size only bounds where the run may paint.
  const width = Math.ceil(piece.advance / (piece.condense ?? 1) + piece.fontSize)
  const style: Record<string, string | number> = { position: 'absolute', display: 'flex', width, height: lineHeight }
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
  return { type: 'div', props: { style, glyphs: glyphRun([piece], color, () => b) } }
}

function glyphRun(pieces: readonly Piece[], color: string, baseline: (k: number) => number): GlyphRun {
  const first = pieces[0]!
  return { fontId: first.fontId, fontSize: first.fontSize, features: first.features, color, weight: first.weight, lines: pieces.map((p, k) => ({ text: p.text, baseline: baseline(k) })) }
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

/** Upright characters one under another at a whole-pixel pitch: one box, a line each. */
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
  }
  return { type: 'div', props: { style, glyphs: glyphRun(run, color, (k) => k * pitch + b) } }
}
