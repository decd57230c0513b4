/**
 * Two bounds of an SVG path, from one pass over its numbers: `inner` spans
 * the on-curve points (the true bounding box holds it) and `outer` spans the
 * control points too (it holds the true box, by the convex-hull property of
 * Bézier curves; arcs are bounded by their ellipse). Exact extrema
 * (svg-path-bbox) cost 0.8–3.8 ms per template SVG on its glyph outlines;
 * this costs a tenth of that, and both bounds are what the clean-up needs.
 */
import type { Bounds } from './geometry.js'

const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 }
const isDigit = (c: number) => c >= 48 && c <= 57

/** The end of the number that starts at i (sign, digits, one dot, exponent), or i when there is none. */
function numberEnd(d: string, i: number): number {
  let j = i
  if (d.charCodeAt(j) === 43 || d.charCodeAt(j) === 45) j++
  const digits = j
  while (isDigit(d.charCodeAt(j))) j++
  if (d.charCodeAt(j) === 46) {
    j++
    while (isDigit(d.charCodeAt(j))) j++
  }
  if (j === digits || (j === digits + 1 && d.charCodeAt(digits) === 46)) return i
  const e = d.charCodeAt(j)
  if (e === 101 || e === 69) {
    let k = j + 1
    if (d.charCodeAt(k) === 43 || d.charCodeAt(k) === 45) k++
    if (isDigit(d.charCodeAt(k))) {
      while (isDigit(d.charCodeAt(k))) k++
      j = k
    }
  }
  return j
}

/** Commands (strings) and numbers, or null on anything else; a char loop, as regex iteration cost 4× more here. */
function tokenize(d: string): (string | number)[] | null {
  const out: (string | number)[] = []
  let i = 0
  while (i < d.length) {
    const c = d.charCodeAt(i)
    // space, tab, CR, LF, comma
    if (c === 32 || c === 44 || c === 9 || c === 10 || c === 13) {
      i++
      continue
    }
    // A letter other than e/E (exponents belong to numbers) is a command.
    const lower = c | 32
    if (lower >= 97 && lower <= 122 && lower !== 101) {
      const ch = d[i]!
      if (ARITY[ch.toLowerCase()] === undefined) return null
      out.push(ch)
      i++
      continue
    }
    const j = numberEnd(d, i)
    if (j === i) return null
    out.push(Number(d.slice(i, j)))
    i = j
  }
  return out
}

export interface PathBounds {
  inner: Bounds
  outer: Bounds
}

export function pathBounds(d: string): PathBounds | null {
  const inner = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
  const outer = { ...inner }
  const add = (b: Bounds, x: number, y: number) => {
    if (x < b.x0) b.x0 = x
    if (x > b.x1) b.x1 = x
    if (y < b.y0) b.y0 = y
    if (y > b.y1) b.y1 = y
  }
  const onCurve = (x: number, y: number) => (add(inner, x, y), add(outer, x, y))
  const tokens = tokenize(d)
  if (!tokens) return null
  let x = 0
  let y = 0
  let startX = 0
  let startY = 0
  // The last control point, for the reflections of S and T.
  let ctrlX = 0
  let ctrlY = 0
  let lastCmd = ''
  let i = 0
  // The current segment's numbers, reused.
  const a: number[] = [0, 0, 0, 0, 0, 0, 0]
  while (i < tokens.length) {
    const head = tokens[i]
    if (typeof head !== 'string') return null
    i++
    const lower = head.toLowerCase()
    const rel = head !== head.toUpperCase()
    const n = ARITY[lower]!
    if (n === 0) {
      x = startX
      y = startY
      lastCmd = 'z'
      continue
    }
    let first = true
    do {
      if (i + n > tokens.length) return null
      for (let k = 0; k < n; k++) {
        const v = tokens[i + k]
        if (typeof v !== 'number') return null
        a[k] = v
      }
      i += n
      const ox = rel ? x : 0
      const oy = rel ? y : 0
      let nx: number
      let ny: number
      if (lower === 'm' && first) {
        nx = a[0]! + ox
        ny = a[1]! + oy
        startX = nx
        startY = ny
        x = nx
        y = ny
        ctrlX = x
        ctrlY = y
        lastCmd = 'm'
        first = false
        continue
      }
      const fromX = x
      const fromY = y
      onCurve(fromX, fromY)
      let cx = x
      let cy = y
      if (lower === 'm' || lower === 'l' || lower === 't') {
        nx = a[0]! + ox
        ny = a[1]! + oy
        if (lower === 't') {
          cx = lastCmd === 'q' || lastCmd === 't' ? 2 * x - ctrlX : x
          cy = lastCmd === 'q' || lastCmd === 't' ? 2 * y - ctrlY : y
          add(outer, cx, cy)
        }
      } else if (lower === 'h') {
        nx = a[0]! + ox
        ny = y
      } else if (lower === 'v') {
        nx = x
        ny = a[0]! + oy
      } else if (lower === 'c') {
        add(outer, a[0]! + ox, a[1]! + oy)
        cx = a[2]! + ox
        cy = a[3]! + oy
        add(outer, cx, cy)
        nx = a[4]! + ox
        ny = a[5]! + oy
      } else if (lower === 's') {
        add(outer, lastCmd === 'c' || lastCmd === 's' ? 2 * x - ctrlX : x, lastCmd === 'c' || lastCmd === 's' ? 2 * y - ctrlY : y)
        cx = a[0]! + ox
        cy = a[1]! + oy
        add(outer, cx, cy)
        nx = a[2]! + ox
        ny = a[3]! + oy
      } else if (lower === 'q') {
        cx = a[0]! + ox
        cy = a[1]! + oy
        add(outer, cx, cy)
        nx = a[2]! + ox
        ny = a[3]! + oy
      } else {
        const [rx, ry, , large, sweep] = a.slice(0, 5).map(Math.abs)
        if ((large !== 0 && large !== 1) || (sweep !== 0 && sweep !== 1)) return null
        nx = a[5]! + ox
        ny = a[6]! + oy
        if (rx! > 0 && ry! > 0 && (nx !== x || ny !== y)) {
          // The arc lies on its ellipse (radii scaled up if the chord needs it), so within a diameter of its start.
          const chord = Math.hypot(nx - x, ny - y)
          const r = Math.max(rx!, ry!) * Math.max(1, chord / (2 * Math.min(rx!, ry!)))
          add(outer, x - 2 * r, y - 2 * r)
          add(outer, x + 2 * r, y + 2 * r)
        }
      }
      onCurve(nx, ny)
      x = nx
      y = ny
      ctrlX = cx
      ctrlY = cy
      lastCmd = lower === 'm' ? 'l' : lower
    } while (i < tokens.length && typeof tokens[i] === 'number')
  }
  return Number.isFinite(inner.x0) ? { inner, outer } : null
}
