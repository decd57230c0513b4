/**
 * Where an element of satori's SVG draws, in its own user space. Unknown
 * geometry gives null, and callers keep whatever they could not prove harmless.
 */
import { pathBounds, pathStart, type PathBounds } from './path-bounds.js'
import type { SvgElement } from './tree.js'

export type Matrix = [number, number, number, number, number, number]

/** Axis-aligned bounds, x0 ≤ x1 and y0 ≤ y1. */
export interface Bounds {
  x0: number
  y0: number
  x1: number
  y1: number
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** satori writes `matrix(…)` and `translate(…)`; undefined when absent, null when it is something else. */
export function parseTransform(t: string | undefined): Matrix | null | undefined {
  if (!t) return undefined
  const m = /^\s*(matrix|translate)\(([^)]*)\)\s*$/.exec(t)
  if (!m) return null
  const v = m[2]!
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
  if (!v.every(Number.isFinite)) return null
  if (m[1] === 'matrix') return v.length === 6 ? [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!] : null
  return v.length === 1 || v.length === 2 ? [1, 0, 0, 1, v[0]!, v[1] ?? 0] : null
}

export function multiply([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix {
  return [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f]
}

export function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]
}

export function mapBounds([a, b, c, d, e, f]: Matrix, r: Bounds): Bounds {
  const x00 = a * r.x0 + c * r.y0 + e
  const x01 = a * r.x0 + c * r.y1 + e
  const x10 = a * r.x1 + c * r.y0 + e
  const x11 = a * r.x1 + c * r.y1 + e
  const y00 = b * r.x0 + d * r.y0 + f
  const y01 = b * r.x0 + d * r.y1 + f
  const y10 = b * r.x1 + d * r.y0 + f
  const y11 = b * r.x1 + d * r.y1 + f
  return { x0: Math.min(x00, x01, x10, x11), y0: Math.min(y00, y01, y10, y11), x1: Math.max(x00, x01, x10, x11), y1: Math.max(y00, y01, y10, y11) }
}

/** A point's place under a transform, the way mapBounds maps a corner. */
export function mapPoint([a, b, c, d, e, f]: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: a * x + c * y + e, y: b * x + d * y + f }
}

export const union = (p: Bounds, q: Bounds): Bounds => ({
  x0: Math.min(p.x0, q.x0),
  y0: Math.min(p.y0, q.y0),
  x1: Math.max(p.x1, q.x1),
  y1: Math.max(p.y1, q.y1),
})
export const inside = (inner: Bounds, outer: Bounds): boolean => inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1
export const disjoint = (p: Bounds, q: Bounds): boolean => p.x1 <= q.x0 || q.x1 <= p.x0 || p.y1 <= q.y0 || q.y1 <= p.y0
export const grow = (r: Bounds, dx: number, dy = dx): Bounds => ({ x0: r.x0 - dx, y0: r.y0 - dy, x1: r.x1 + dx, y1: r.y1 + dy })

/** A number attribute; missing is `fallback`, garbage is NaN (which no comparison passes). */
export const num = (v: string | undefined, fallback = 0): number => (v === undefined ? fallback : Number(v))

export function rectOf(a: Record<string, string>): Bounds | null {
  const x = num(a.x)
  const y = num(a.y)
  const w = num(a.width)
  const h = num(a.height)
  return [x, y, w, h].every(Number.isFinite) && w >= 0 && h >= 0 ? { x0: x, y0: y, x1: x + w, y1: y + h } : null
}

function pointsOf(points: string | undefined): Bounds | null {
  const v = (points ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
  if (v.length < 2 || v.length % 2 || !v.every(Number.isFinite)) return null
  const xs = v.filter((_, i) => i % 2 === 0)
  const ys = v.filter((_, i) => i % 2 === 1)
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

/** Path bounds known from where the path was written (glyph runs), so its numbers need not be read back. */
const knownPathBounds = new WeakMap<SvgElement, PathBounds & { d: string }>()

/** Records `bounds`, which must equal pathBounds(d), for el while its d is `d`. */
export function knowPathBounds(el: SvgElement, bounds: PathBounds & { d: string }): void {
  knownPathBounds.set(el, bounds)
}

function pathBoundsOf(el: SvgElement): PathBounds | null {
  const d = el.attrs.d
  if (!d) return null
  const known = knownPathBounds.get(el)
  return known && known.d === d ? known : pathBounds(d)
}

/**
 * Where a shape is: `bbox` is held by its object bounding box (exact for
 * rect, image and polygon; the on-curve points for a path) and `drawn` holds
 * all it can paint, stroke included. Null when the geometry is unknown.
 */
export function shapeOf(el: SvgElement): { bbox: Bounds; drawn: Bounds } | null {
  let bbox: Bounds | null
  let outline: Bounds | null
  if (el.name === 'rect' || el.name === 'image') bbox = outline = rectOf(el.attrs)
  else if (el.name === 'polygon') bbox = outline = pointsOf(el.attrs.points)
  else if (el.name === 'path') {
    const p = pathBoundsOf(el)
    bbox = p?.inner ?? null
    outline = p?.outer ?? null
  } else return null
  if (!bbox || !outline) return null
  const reach = el.name === 'image' ? 0 : strokeReach(el)
  return Number.isFinite(reach) ? { bbox, drawn: grow(outline, reach) } : null
}

/**
 * A point where a shape surely paints, when one is known without reading all its geometry: the start
 * of a path (inside both its bounds, and inside `drawn`, which a stroke only grows). Null otherwise.
 */
export function paintedPoint(el: SvgElement): { x: number; y: number } | null {
  if (el.name !== 'path' || !el.attrs.d || !(strokeReach(el) >= 0)) return null
  return pathStart(el.attrs.d)
}

const painted = (v: string | undefined) => v !== undefined && v !== 'none' && v !== 'transparent'

/**
 * How far past its geometry a stroke may reach. Half the width for a
 * rectangle; for other outlines a miter join may reach `miterlimit` half-widths
 * and a square cap √2 of them, so that is the bound.
 */
function strokeReach(el: SvgElement): number {
  const a = el.attrs
  if (!painted(a.stroke)) return 0
  const half = num(a['stroke-width'], 1) / 2
  if (el.name === 'rect') return half
  const join = a['stroke-linejoin'] ?? 'miter'
  const miter = join === 'miter' || join === 'miter-clip' ? num(a['stroke-miterlimit'], 4) : 1
  const cap = a['stroke-linecap'] === 'square' ? Math.SQRT2 : 1
  return half * Math.max(miter, cap, 1)
}
