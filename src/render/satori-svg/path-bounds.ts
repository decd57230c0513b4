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

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k)

/** Where the last number read ended. */
let numberEnd = 0

/**
 * The number that starts at i (sign, digits, one dot, exponent), NaN when there is none; `numberEnd` says where it
 * ended. Up to 15 digits without an exponent, the digits as an integer divided by a power of ten is exact and
 * correctly rounded, the same double as Number(); anything longer goes through Number().
 */
function readNumber(d: string, i: number): number {
  let j = i
  let sign = 1
  const s = d.charCodeAt(j)
  if (s === 43 || s === 45) {
    if (s === 45) sign = -1
    j++
  }
  let mantissa = 0
  let digits = 0
  let fraction = 0
  while (isDigit(d.charCodeAt(j))) {
    mantissa = mantissa * 10 + (d.charCodeAt(j) - 48)
    digits++
    j++
  }
  if (d.charCodeAt(j) === 46) {
    j++
    while (isDigit(d.charCodeAt(j))) {
      mantissa = mantissa * 10 + (d.charCodeAt(j) - 48)
      digits++
      fraction++
      j++
    }
  }
  if (digits === 0) return NaN
  const e = d.charCodeAt(j)
  let exponent = false
  if (e === 101 || e === 69) {
    let k = j + 1
    if (d.charCodeAt(k) === 43 || d.charCodeAt(k) === 45) k++
    if (isDigit(d.charCodeAt(k))) {
      while (isDigit(d.charCodeAt(k))) k++
      j = k
      exponent = true
    }
  }
  numberEnd = j
  return exponent || digits > 15 ? Number(d.slice(i, j)) : (sign * mantissa) / POW10[fraction]!
}

/** A path's commands, where each one's numbers start, and the numbers (kept apart so they stay unboxed doubles). */
interface Tokens {
  cmds: string[]
  at: number[]
  nums: number[]
}

/** Tokens, or null on anything else; a char loop, as regex iteration cost 4× more here. */
function tokenize(d: string): Tokens | null {
  const t: Tokens = { cmds: [], at: [], nums: [] }
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
      t.cmds.push(ch)
      t.at.push(t.nums.length)
      i++
      continue
    }
    const v = readNumber(d, i)
    if (Number.isNaN(v) || !t.cmds.length) return null
    t.nums.push(v)
    i = numberEnd
  }
  t.at.push(t.nums.length)
  return t
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
  for (let c = 0; c < tokens.cmds.length; c++) {
    const head = tokens.cmds[c]!
    const end = tokens.at[c + 1]!
    i = tokens.at[c]!
    const lower = head.toLowerCase()
    const rel = head !== head.toUpperCase()
    const n = ARITY[lower]!
    if (n === 0) {
      if (i !== end) return null
      x = startX
      y = startY
      lastCmd = 'z'
      continue
    }
    if (i === end || (end - i) % n) return null
    let first = true
    do {
      for (let k = 0; k < n; k++) a[k] = tokens.nums[i + k]!
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
    } while (i < end)
  }
  return Number.isFinite(inner.x0) ? { inner, outer } : null
}
