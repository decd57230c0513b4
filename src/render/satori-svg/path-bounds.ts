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

export interface PathBounds {
  inner: Bounds
  outer: Bounds
}

/** Lower-case command letters as char codes. */
const M = 109
const L = 108
const H = 104
const V = 118
const C = 99
const S = 115
const Q = 113
const T = 116
const A = 97
const Z = 122

/**
 * One pass over the characters, each segment bounded as soon as its numbers are read (no token
 * arrays: a glyph outline is thousands of numbers). Null on anything but a well-formed path of
 * the commands above.
 */
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
  let x = 0
  let y = 0
  let startX = 0
  let startY = 0
  // The last control point, for the reflections of S and T.
  let ctrlX = 0
  let ctrlY = 0
  let lastCmd = 0
  // The current command (lower case, -1 before the first), whether relative, its arity, and its numbers so far.
  let cmd = -1
  let rel = false
  let n = 0
  let k = 0
  let count = 0
  let first = true
  // The current segment's numbers.
  const a: number[] = [0, 0, 0, 0, 0, 0, 0]
  /** A command's numbers come in whole segments, at least one (none for z). */
  const complete = () => cmd === -1 || (n === 0 ? count === 0 : count > 0 && k === 0)
  /** Bounds the segment whose numbers are in `a`; false when it is malformed. */
  const segment = (): boolean => {
    const ox = rel ? x : 0
    const oy = rel ? y : 0
    if (cmd === M && first) {
      x = a[0]! + ox
      y = a[1]! + oy
      startX = x
      startY = y
      ctrlX = x
      ctrlY = y
      lastCmd = M
      first = false
      return true
    }
    onCurve(x, y)
    let cx = x
    let cy = y
    let nx: number
    let ny: number
    if (cmd === M || cmd === L || cmd === T) {
      nx = a[0]! + ox
      ny = a[1]! + oy
      if (cmd === T) {
        cx = lastCmd === Q || lastCmd === T ? 2 * x - ctrlX : x
        cy = lastCmd === Q || lastCmd === T ? 2 * y - ctrlY : y
        add(outer, cx, cy)
      }
    } else if (cmd === H) {
      nx = a[0]! + ox
      ny = y
    } else if (cmd === V) {
      nx = x
      ny = a[0]! + oy
    } else if (cmd === C) {
      add(outer, a[0]! + ox, a[1]! + oy)
      cx = a[2]! + ox
      cy = a[3]! + oy
      add(outer, cx, cy)
      nx = a[4]! + ox
      ny = a[5]! + oy
    } else if (cmd === S) {
      add(outer, lastCmd === C || lastCmd === S ? 2 * x - ctrlX : x, lastCmd === C || lastCmd === S ? 2 * y - ctrlY : y)
      cx = a[0]! + ox
      cy = a[1]! + oy
      add(outer, cx, cy)
      nx = a[2]! + ox
      ny = a[3]! + oy
    } else if (cmd === Q) {
      cx = a[0]! + ox
      cy = a[1]! + oy
      add(outer, cx, cy)
      nx = a[2]! + ox
      ny = a[3]! + oy
    } else {
      const rx = Math.abs(a[0]!)
      const ry = Math.abs(a[1]!)
      const large = Math.abs(a[3]!)
      const sweep = Math.abs(a[4]!)
      if ((large !== 0 && large !== 1) || (sweep !== 0 && sweep !== 1)) return false
      nx = a[5]! + ox
      ny = a[6]! + oy
      if (rx > 0 && ry > 0 && (nx !== x || ny !== y)) {
        // The arc lies on its ellipse (radii scaled up if the chord needs it), so within a diameter of its start.
        const chord = Math.hypot(nx - x, ny - y)
        const r = Math.max(rx, ry) * Math.max(1, chord / (2 * Math.min(rx, ry)))
        add(outer, x - 2 * r, y - 2 * r)
        add(outer, x + 2 * r, y + 2 * r)
      }
    }
    onCurve(nx, ny)
    x = nx
    y = ny
    ctrlX = cx
    ctrlY = cy
    lastCmd = cmd === M ? L : cmd
    return true
  }
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
      const arity = ARITY[String.fromCharCode(lower)]
      if (arity === undefined || !complete()) return null
      cmd = lower
      rel = c === lower
      n = arity
      k = 0
      count = 0
      first = true
      if (cmd === Z) {
        x = startX
        y = startY
        lastCmd = Z
      }
      i++
      continue
    }
    const v = readNumber(d, i)
    if (Number.isNaN(v) || cmd === -1 || n === 0) return null
    i = numberEnd
    a[k++] = v
    count++
    if (k === n) {
      k = 0
      if (!segment()) return null
    }
  }
  if (!complete()) return null
  return Number.isFinite(inner.x0) ? { inner, outer } : null
}

const isSeparator = (c: number) => c === 32 || c === 44 || c === 9 || c === 10 || c === 13
/** Letters after a moveto that draw from it (z does not: it adds no point). */
const DRAWS = new Set([...'LHVCSQTAlhvcsqta'].map((c) => c.charCodeAt(0)))

/**
 * The point a path starts at, when a drawing segment follows it: then it lies in both of pathBounds'
 * bounds whenever the path has them. Reads a few numbers instead of the whole path; null when the
 * path starts any other way.
 */
export function pathStart(d: string): { x: number; y: number } | null {
  let i = 0
  while (isSeparator(d.charCodeAt(i))) i++
  const m = d.charCodeAt(i)
  // M, or m (relative to the origin, so the same).
  if (m !== 77 && m !== 109) return null
  i++
  const read = (): number => {
    while (isSeparator(d.charCodeAt(i))) i++
    const v = readNumber(d, i)
    if (!Number.isNaN(v)) i = numberEnd
    return v
  }
  const x = read()
  const y = read()
  if (Number.isNaN(x) || Number.isNaN(y)) return null
  while (isSeparator(d.charCodeAt(i))) i++
  const next = d.charCodeAt(i)
  // A number continues the moveto as an implicit lineto.
  const follows = DRAWS.has(next) || (next >= 48 && next <= 57) || next === 43 || next === 45 || next === 46
  return follows ? { x, y } : null
}
