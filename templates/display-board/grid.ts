/**
 * The display board's picture grid: equal frames in rows and columns, each
 * with its caption band under it, sized to the area they are given. The grid
 * whose frames come out largest wins; a frame is never wider than MAX_ASPECT
 * nor narrower than MIN_ASPECT (width / height), so one picture does not
 * become a strip and four do not become slivers.
 */
import type { Box } from '../../src/text/types.js'

/** Frame shape limits (width / height): square to a little wider than 3:2. */
export const MIN_ASPECT = 1
export const MAX_ASPECT = 1.6
/** The shape frames take when there is room: 4:3, the shape of most photographs. */
export const TARGET_ASPECT = 4 / 3

export interface Grid {
  cols: number
  rows: number
  /** Every frame's size, px. */
  frame: { width: number; height: number }
  /** The frames' top-left corners, in reading order. */
  frames: Box[]
  /** What the grid covers, captions included. */
  bounds: Box
}

/** One row, one column, or 2×2 for three or four (three: the last row's frame centred under the two). */
function shapesFor(n: number): [number, number][] {
  const out: [number, number][] = [
    [n, 1],
    [1, n],
  ]
  if (n === 3 || n === 4) out.push([2, 2])
  return n === 1 ? [[1, 1]] : out
}

/**
 * The grid for `n` pictures in `area` (the most it may take), `gap` px between frames and `captionH`
 * px of caption band under each, anchored at the area's `anchor` corner: the side that meets the
 * text gives back what the frames do not use.
 */
export function pictureGrid(
  n: number,
  area: Box,
  gap: number,
  captionH: number,
  fill: 'height' | 'width',
  anchor: { x: 'start' | 'center' | 'end'; y: 'start' | 'end' },
): Grid {
  const aw = area.x1 - area.x0
  const ah = area.y1 - area.y0
  let best: { cols: number; rows: number; w: number; h: number; score: number } | null = null
  for (const [cols, rows] of shapesFor(n)) {
    // Frames fill the axis that meets the text's full length (the height beside the text, the width
    // below it) at TARGET_ASPECT, as far as the other axis allows, then within the aspect limits.
    const fullW = (aw - (cols - 1) * gap) / cols
    const fullH = (ah - (rows - 1) * gap) / rows - captionH
    if (fullW <= 0 || fullH <= 0) continue
    let w: number
    let h: number
    if (fill === 'height') {
      h = fullH
      w = Math.min(fullW, h * TARGET_ASPECT)
      if (w / h < MIN_ASPECT) h = w / MIN_ASPECT
    } else {
      w = fullW
      h = Math.min(fullH, w / TARGET_ASPECT)
      if (w / h > MAX_ASPECT) w = h * MAX_ASPECT
    }
    // Largest frames, discounted by the square of the share of the text's length the grid spans: a
    // row of three squares beside a tall text leaves the board's lower half empty, and a wide grid
    // takes width the text needs.
    const span = fill === 'height' ? (rows * (h + captionH) + (rows - 1) * gap) / ah : (cols * w + (cols - 1) * gap) / aw
    const score = w * h * span * span
    if (!best || score > best.score + 1e-6) best = { cols, rows, w, h, score }
  }
  const { cols, rows, w, h } = best ?? { cols: 1, rows: n, w: 0, h: 0, score: 0 }
  const gw = cols * w + (cols - 1) * gap
  const gh = rows * (h + captionH) + (rows - 1) * gap
  const x0 = anchor.x === 'start' ? area.x0 : anchor.x === 'end' ? area.x1 - gw : area.x0 + (aw - gw) / 2
  const y0 = anchor.y === 'start' ? area.y0 : area.y1 - gh
  const frames: Box[] = []
  for (let i = 0; i < n; i++) {
    // A short last row is centred under the full ones.
    const row = Math.floor(i / cols)
    const inRow = Math.min(cols, n - row * cols)
    const fx = x0 + ((cols - inRow) * (w + gap)) / 2 + (i % cols) * (w + gap)
    const fy = y0 + row * (h + captionH + gap)
    frames.push({ x0: fx, y0: fy, x1: fx + w, y1: fy + h })
  }
  return { cols, rows, frame: { width: w, height: h }, frames, bounds: { x0, y0, x1: x0 + gw, y1: y0 + gh } }
}

/**
 * Where a picture of `image` size sits in a `frame` (cover: filling it, cropped; contain: whole,
 * inside it), as CSS object-position percentages: the focal point (0..1 across the picture) as near
 * the frame's centre as the crop allows, never showing past the picture's edge.
 */
export function objectPosition(
  image: { width: number; height: number },
  frame: { width: number; height: number },
  focus: { x: number; y: number },
  fit: 'cover' | 'contain',
): { x: number; y: number } {
  if (fit === 'contain') return { x: 50, y: 50 }
  const k = Math.max(frame.width / image.width, frame.height / image.height)
  const along = (size: number, room: number, f: number) => {
    const over = size * k - room
    // CSS: left = p · (room − size·k); the focal point at the centre wants left = room/2 − f·size·k.
    return over <= 1e-6 ? 50 : Math.min(100, Math.max(0, ((f * size * k - room / 2) / over) * 100))
  }
  return { x: along(image.width, frame.width, focus.x), y: along(image.height, frame.height, focus.y) }
}
