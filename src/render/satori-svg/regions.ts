/**
 * What a satori clip or mask lets through, as a rectangle in the referencing
 * element's user space, when that can be known: a clipPath holding one plain
 * rect, a mask holding one opaque white rect (nested the same way). Anything
 * else is null, and the reference stays.
 */
import { grow, rectOf, type Bounds } from './geometry.js'
import { urlRef, type SvgElement } from './tree.js'

const WHITE = /^(#fff|#ffffff|white)$/i
/** Attributes that would make a region's single rect anything but a plain rectangle. */
const NOT_PLAIN = ['transform', 'rx', 'ry', 'opacity', 'fill-opacity', 'stroke', 'clip-path', 'filter'] as const

export function intersect(p: Bounds, q: Bounds): Bounds {
  return { x0: Math.max(p.x0, q.x0), y0: Math.max(p.y0, q.y0), x1: Math.min(p.x1, q.x1), y1: Math.min(p.y1, q.y1) }
}

export interface Regions {
  /** The rectangle a clip-path lets through. */
  clip(id: string): Bounds | null
  /** The rectangle where a mask is fully opaque, for an element with this object bounding box. */
  mask(id: string, bbox: Bounds): Bounds | null
}

export function regionsOf(ids: Map<string, SvgElement>, canvas: { width: number; height: number }): Regions {
  const plainRect = (el: SvgElement | undefined): Bounds | null => {
    if (!el || el.name !== 'rect' || el.children.length || NOT_PLAIN.some((k) => el.attrs[k] !== undefined)) return null
    return rectOf(el.attrs)
  }
  const clip = (id: string, depth = 0): Bounds | null => {
    const el = ids.get(id)
    if (!el || el.name !== 'clipPath' || depth > 8 || el.attrs.transform) return null
    if ((el.attrs.clipPathUnits ?? 'userSpaceOnUse') !== 'userSpaceOnUse' || el.children.length !== 1) return null
    const child = el.children[0]!
    if (child.attrs.mask !== undefined) return null
    const r = plainRect(child)
    const nested = urlRef(el.attrs['clip-path'])
    if (!r || nested === null) return null
    if (!nested) return r
    const n = clip(nested, depth + 1)
    return n && intersect(r, n)
  }
  const mask = (id: string, bbox: Bounds, depth = 0): Bounds | null => {
    const el = ids.get(id)
    if (!el || el.name !== 'mask' || depth > 8 || el.children.length !== 1) return null
    if ((el.attrs.maskContentUnits ?? 'userSpaceOnUse') !== 'userSpaceOnUse' || el.attrs.mask || el.attrs['clip-path']) return null
    // The mask region: by default the element's bounding box grown by 10 % each way.
    let region: Bounds | null
    if (['x', 'y', 'width', 'height'].some((k) => el.attrs[k] !== undefined)) region = null
    else if (el.attrs.maskUnits === 'userSpaceOnUse')
      region = grow({ x0: 0, y0: 0, x1: canvas.width, y1: canvas.height }, canvas.width / 10, canvas.height / 10)
    else if ((el.attrs.maskUnits ?? 'objectBoundingBox') === 'objectBoundingBox') region = grow(bbox, (bbox.x1 - bbox.x0) / 10, (bbox.y1 - bbox.y0) / 10)
    else region = null
    const child = el.children[0]!
    const r = plainRect(child)
    if (!region || !r || !WHITE.test(child.attrs.fill ?? '')) return null
    let out = intersect(region, r)
    const nested = urlRef(child.attrs.mask)
    if (nested === null) return null
    if (nested) {
      const n = mask(nested, r, depth + 1)
      if (!n) return null
      out = intersect(out, n)
    }
    return out
  }
  return { clip: (id) => clip(id), mask: (id, bbox) => mask(id, bbox) }
}
