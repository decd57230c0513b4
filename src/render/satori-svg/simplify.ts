/**
 * Less raster work: satori wraps every element in a clip and a mask (most of
 * them the whole canvas) and leaves empty groups and unused definitions
 * behind. resvg gives each clipped or masked element a layer of its own, so a
 * reference that changes no pixel is pure cost. This removes:
 * - clip and mask references whose opaque rectangle holds all the element
 *   draws on the canvas (edges snapped inward to whole pixels, so that no
 *   anti-aliased edge pixel changes);
 * - `opacity="1"`, groups left without attributes (their children take their
 *   place), empty groups, and shapes wholly off the canvas;
 * - clips, masks and filters nothing refers to any more, and empty `<defs>`;
 * - the clip of a square-cornered border: satori strokes the border box's
 *   outline and clips away the outer half of the stroke; when every edge is on
 *   a whole pixel, filling the ring it leaves is the same picture without a layer.
 * What it cannot prove harmless it keeps.
 */
import {
  disjoint,
  IDENTITY,
  inside,
  mapBounds,
  mapPoint,
  multiply,
  paintedPoint,
  parseTransform,
  shapeOf,
  union,
  type Bounds,
  type Matrix,
} from './geometry.js'
import { intersect, regionsOf, type Regions } from './regions.js'
import { idsOf, urlRef, type SvgElement } from './tree.js'

/** Elements that draw only when referenced. */
const DEFINITIONS = new Set(['defs', 'clipPath', 'mask', 'filter', 'linearGradient', 'radialGradient', 'pattern', 'symbol', 'marker', 'style'])
/** Definitions that may go once nothing refers to them. */
const DROPPABLE = new Set(['clipPath', 'mask', 'filter'])

interface Extent {
  /** Where paint can land, in the parent's user space; null when unknown. Worked out only when asked. */
  drawn: () => Bounds | null
  /** Held by the object bounding box (so a mask region computed from it is no larger than the true one), in the parent's user space. */
  bbox: () => Bounds | null
  /**
   * Some paint surely lands inside the canvas, a margin away from its edge: then the element is not off
   * the canvas, and an element with no clip or mask needs no bounds at all (a glyph outline is long to read).
   */
  onCanvas: boolean
}

const UNKNOWN: Extent = { drawn: () => null, bbox: () => null, onCanvas: false }
/** A point this far inside the canvas is inside it whatever rounding the bounds of the paint around it take. */
const MARGIN = 1e-3

/** Computed once, when first asked. */
function lazy<T>(f: () => T): () => T {
  let done = false
  let value: T
  return () => {
    if (!done) {
      value = f()
      done = true
    }
    return value
  }
}

const EVERYWHERE: Bounds = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity }

/** A transform that maps whole pixels to whole pixels (quarter turns, mirrors, whole-pixel shifts). */
function onPixelGrid([a, b, c, d, e, f]: Matrix): boolean {
  const unit = (v: number) => v === 0 || v === 1 || v === -1
  return [a, b, c, d].every(unit) && Math.abs(a) + Math.abs(c) === 1 && Math.abs(b) + Math.abs(d) === 1 && Number.isInteger(e) && Number.isInteger(f)
}

const snapInward = (r: Bounds): Bounds => ({ x0: Math.ceil(r.x0), y0: Math.ceil(r.y0), x1: Math.floor(r.x1), y1: Math.floor(r.y1) })

export function simplifySvg(root: SvgElement): SvgElement {
  const width = Number(root.attrs.width)
  const height = Number(root.attrs.height)
  const viewBox = root.attrs.viewBox
    ?.split(/[\s,]+/)
    .map(Number)
    .join(' ')
  // Pixels are user units only on satori's own canvas; anything else is left as it is.
  if (!(width > 0 && height > 0) || (viewBox !== undefined && viewBox !== `0 0 ${width} ${height}`)) return root
  const canvas: Bounds = { x0: 0, y0: 0, x1: width, y1: height }
  const regions = regionsOf(idsOf(root), { width, height })
  root.children = root.children.flatMap((c) => visit(c, IDENTITY, regions, canvas).out)
  dropUnreferenced(root)
  return root
}

/** True when the region (in the element's space) lets through every pixel the element paints on the canvas. */
function covers(region: Bounds | null, drawn: Bounds, ctm: Matrix, canvas: Bounds): boolean {
  if (!region || !onPixelGrid(ctm)) return false
  const paint = intersect(mapBounds(ctm, drawn), canvas)
  if (paint.x0 >= paint.x1 || paint.y0 >= paint.y1) return true
  return inside(paint, snapInward(mapBounds(ctm, region)))
}

function visit(el: SvgElement, parentCtm: Matrix, regions: Regions, canvas: Bounds): { out: SvgElement[]; extent: Extent } {
  const unknown = { out: [el], extent: UNKNOWN }
  if (DEFINITIONS.has(el.name)) return unknown
  const t = parseTransform(el.attrs.transform)
  if (t === null) return unknown
  const ctm = t ? multiply(parentCtm, t) : parentCtm
  let drawn: () => Bounds | null
  let bbox: () => Bounds | null
  let onCanvas = false
  let empty = false
  if (el.name === 'g') {
    // A filter (a blur) can bring paint from past the canvas edge onto it: inside one, nothing counts as off-canvas.
    const within = el.attrs.filter === undefined ? canvas : EVERYWHERE
    const parts = el.children.map((c) => visit(c, ctm, regions, within))
    el.children = parts.flatMap((p) => p.out)
    empty = el.children.length === 0
    const kept = parts.filter((p) => p.out.length)
    const unionOf = (of: (e: Extent) => Bounds | null) => () =>
      kept.reduce<Bounds | null>(
        (acc, p) => {
          const b = acc && of(p.extent)
          return acc && b ? union(acc, b) : null
        },
        (kept[0] && of(kept[0].extent)) ?? null,
      )
    drawn = lazy(unionOf((e) => e.drawn()))
    bbox = lazy(unionOf((e) => e.bbox()))
    onCanvas = kept.some((p) => p.extent.onCanvas)
  } else {
    if (el.children.length) return unknown
    const shape = lazy(() => shapeOf(el))
    drawn = () => shape()?.drawn ?? null
    bbox = () => shape()?.bbox ?? null
    const p = paintedPoint(el)
    const at = p && mapPoint(ctm, p.x, p.y)
    onCanvas = !!at && at.x > canvas.x0 + MARGIN && at.x < canvas.x1 - MARGIN && at.y > canvas.y0 + MARGIN && at.y < canvas.y1 - MARGIN
  }
  if (el.attrs.filter !== undefined) return unknown
  if (el.attrs.opacity !== undefined && Number(el.attrs.opacity) === 1) delete el.attrs.opacity
  if (empty) return { out: [], extent: UNKNOWN }
  // On the canvas with nothing clipping or masking it: nothing to decide, and no bounds to work out.
  const decided = onCanvas && el.attrs['clip-path'] === undefined && el.attrs.mask === undefined
  const d = decided ? null : drawn()
  if (d) {
    // Wholly off the canvas: nothing of it can show.
    if (disjoint(mapBounds(ctm, d), canvas)) return { out: [], extent: UNKNOWN }
    const clip = urlRef(el.attrs['clip-path'])
    if (clip && covers(regions.clip(clip), d, ctm, canvas)) delete el.attrs['clip-path']
    const mask = urlRef(el.attrs.mask)
    const b = bbox()
    if (mask && b && covers(regions.mask(mask, b), d, ctm, canvas)) delete el.attrs.mask
    if (el.name === 'path') borderRing(el, regions, ctm)
    // What still clips this element bounds it for its parent.
    const clipLeft = urlRef(el.attrs['clip-path'])
    if (clipLeft) {
      const r = regions.clip(clipLeft)
      if (r) {
        const clipped = intersect(d, r)
        drawn = () => clipped
        // The point may be clipped away.
        onCanvas = false
      }
    }
  }
  const toParent = (b: () => Bounds | null) =>
    lazy(() => {
      const v = b()
      return v && t ? mapBounds(t, v) : v
    })
  const extent: Extent = { drawn: toParent(drawn), bbox: toParent(bbox), onCanvas }
  if (el.name === 'g' && Object.keys(el.attrs).length === 0) return { out: el.children, extent }
  return { out: [el], extent }
}

/** satori's outline of a border box with square corners (zero-radius arcs at the corners). */
const BORDER = /^M(-?[\d.]+),(-?[\d.]+) A0,0 0 0 1 \1,\2 h([\d.]+) a0,0 0 0 1 0,0 v([\d.]+) a0,0 0 0 1 0,0 h-\3 a0,0 0 0 1 0,0 v-\4 A0,0 0 0 1 \1,\2$/
/** Attributes that would make the border anything but a plain opaque stroke. */
const NOT_PLAIN_STROKE = ['mask', 'filter', 'opacity', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'fill-rule'] as const

/** A clipped square-cornered border stroke becomes the filled ring the clip leaves, when that is exact (see above). */
function borderRing(el: SvgElement, regions: Regions, ctm: Matrix): void {
  const a = el.attrs
  const clip = urlRef(a['clip-path'])
  if (!clip || a.fill !== 'none' || !a.stroke || a.stroke === 'none' || NOT_PLAIN_STROKE.some((k) => a[k] !== undefined) || !onPixelGrid(ctm)) return
  const m = BORDER.exec(a.d ?? '')
  const r = regions.clip(clip)
  if (!m || !r) return
  const [x, y, w, h] = m.slice(1, 5).map(Number) as [number, number, number, number]
  const inset = Number(a['stroke-width'] ?? 1) / 2
  if (r.x0 !== x || r.y0 !== y || r.x1 !== x + w || r.y1 !== y + h) return
  if (![x, y, w, h, inset].every(Number.isInteger) || !(inset > 0) || 2 * inset >= Math.min(w, h)) return
  const { stroke } = a
  delete a['clip-path']
  delete a.stroke
  delete a['stroke-width']
  a.fill = stroke
  a['fill-rule'] = 'evenodd'
  a.d = `M${x},${y}h${w}v${h}h${-w}z` + `M${x + inset},${y + inset}h${w - 2 * inset}v${h - 2 * inset}h${-(w - 2 * inset)}z`
}

const REF = /url\(#([^)]+)\)/g

/** Removes clips, masks and filters that nothing drawn refers to (directly or through another definition), and empty `<defs>`. */
function dropUnreferenced(root: SvgElement): void {
  const ids = idsOf(root)
  const reached = new Set<string>()
  const queue: SvgElement[] = []
  const refsOf = (el: SvgElement) => {
    for (const v of Object.values(el.attrs)) for (const m of v.matchAll(REF)) queue.push(...reach(m[1]!))
    const href = el.attrs.href ?? el.attrs['xlink:href']
    if (href?.startsWith('#')) queue.push(...reach(href.slice(1)))
  }
  const reach = (id: string): SvgElement[] => {
    const target = ids.get(id)
    if (!target || reached.has(id)) return []
    reached.add(id)
    return [target]
  }
  // Everything but the droppable definitions counts as kept; droppable ones count only once reached.
  const scanKept = (el: SvgElement) => {
    refsOf(el)
    for (const c of el.children) if (!DROPPABLE.has(c.name)) scanKept(c)
  }
  const scanAll = (el: SvgElement) => {
    refsOf(el)
    el.children.forEach(scanAll)
  }
  scanKept(root)
  while (queue.length) scanAll(queue.pop()!)
  const prune = (el: SvgElement) => {
    el.children = el.children.filter((c) => !(DROPPABLE.has(c.name) && !(c.attrs.id && reached.has(c.attrs.id))))
    el.children.forEach(prune)
    el.children = el.children.filter((c) => !(c.name === 'defs' && c.children.length === 0))
  }
  prune(root)
}
