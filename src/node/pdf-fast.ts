/**
 * A fast path from satori's SVG to PDFKit drawing calls. satori writes a
 * small, regular SVG (paths with matrix transforms, rectangular clips, masks
 * that are white rectangles, embedded images, a blur filter for box-shadow),
 * read here through the shared tree (render/satori-svg). Drawing it directly
 * is several times faster than svg-to-pdfkit's general parser (bench/pdf.ts
 * measures it per template). Anything outside that subset is refused, with the
 * reason, before a single mark is made, and the caller uses svg-to-pdfkit.
 */
import { idsOf, invert, num, parseSvg, parseTransform, rectOf, urlRef, type Bounds, type Matrix, type SvgElement } from '../render/satori-svg/index.js'

interface Paint {
  color: string
  opacity: number
}

function parseColor(c: string | undefined, fallback: string | null): Paint | null | undefined {
  const v = (c ?? fallback)?.trim()
  if (!v || v === 'none' || v === 'transparent') return undefined
  if (/^#[0-9a-fA-F]{3}$|^#[0-9a-fA-F]{6}$/.test(v)) return { color: v, opacity: 1 }
  if (/^#[0-9a-fA-F]{8}$/.test(v)) return { color: v.slice(0, 7), opacity: parseInt(v.slice(7), 16) / 255 }
  const rgba = /^rgba?\(([^)]*)\)$/.exec(v)
  if (rgba) {
    const [r, g, b, a = 1] = rgba[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number)
    const hex = (n: number) =>
      Math.round(Math.max(0, Math.min(255, n)))
        .toString(16)
        .padStart(2, '0')
    return { color: `#${hex(r!)}${hex(g!)}${hex(b!)}`, opacity: a }
  }
  if (v === 'black') return { color: '#000000', opacity: 1 }
  if (v === 'white') return { color: '#ffffff', opacity: 1 }
  return null
}

/** A draw operation list, built fully before drawing so that a fallback leaves no half page. */
type Op = (doc: PDFKit.PDFDocument) => void

/** Why an SVG is beyond the fast path (thrown while compiling, caught at the top). */
class Unsupported extends Error {}
const refuse = (why: string): never => {
  throw new Unsupported(why)
}

const SHAPES = new Set(['rect', 'path', 'polygon', 'image'])
const DEFINITIONS = new Set(['defs', 'clipPath', 'mask', 'filter'])
const WHITE = /^(#fff|#ffffff|white)$/i
const BLACK = /^(#000|#000000|black)$/i

/**
 * How satori's box-shadow blur is drawn: PDF has no blur, so the shadow is a
 * stack of rectangles grown from -1.5σ to +1.5σ, each carrying a share of the
 * shadow's alpha: a stepped ramp where the Gaussian's edge would be.
 */
const SHADOW_STEPS = 6

function rectNumbers(el: SvgElement): [number, number, number, number] {
  const r = rectOf(el.attrs) ?? refuse(`${el.name} without a valid x/y/width/height`)
  return [r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0]
}

function pointsOf(el: SvgElement): [number, number][] {
  const pts = (el.attrs.points ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
  if (pts.length < 6 || pts.length % 2 || !pts.every(Number.isFinite)) refuse('polygon points')
  return Array.from({ length: pts.length / 2 }, (_, i) => [pts[2 * i]!, pts[2 * i + 1]!])
}

const transformOf = (el: SvgElement): Matrix | undefined => {
  const t = parseTransform(el.attrs.transform)
  return t === null ? refuse(`transform "${el.attrs.transform}"`) : t
}

const refOf = (el: SvgElement, attr: string): string | undefined => {
  const r = urlRef(el.attrs[attr])
  return r === null ? refuse(`${attr}="${el.attrs[attr]}"`) : r
}

export interface Compiled {
  width: number
  height: number
  ops: Op[]
}

export function compileSatoriSvg(svg: string): { compiled: Compiled } | { refused: string } {
  const root = parseSvg(svg)
  if (!root) return { refused: 'not element-only SVG' }
  try {
    return { compiled: compile(root) }
  } catch (e) {
    if (e instanceof Unsupported) return { refused: e.message }
    throw e
  }
}

function compile(root: SvgElement): Compiled {
  const width = Number(root.attrs.width)
  const height = Number(root.attrs.height)
  if (!(width > 0 && height > 0)) refuse('no width and height')
  if (
    root.attrs.viewBox &&
    root.attrs.viewBox
      .split(/[\s,]+/)
      .map(Number)
      .join(' ') !== `0 0 ${width} ${height}`
  )
    refuse('a viewBox other than the canvas')
  const defs = idsOf(root)
  const canvas: Bounds = { x0: 0, y0: 0, x1: width, y1: height }

  const inTransform = (t: Matrix | undefined, op: Op): Op => (t ? (doc) => (doc.transform(...t), op(doc), doc.transform(...invert(t))) : op)

  // A clip region: rectangles and paths (in the referencing element's space), intersected with their own clip-path.
  const clipOps = (id: string, seen: Set<string> = new Set()): Op[] => {
    const def = defs.get(id) ?? refuse(`a reference to missing #${id}`)
    if (seen.has(id)) refuse(`a reference cycle through #${id}`)
    seen.add(id)
    const out: Op[] = []
    const nested = refOf(def, 'clip-path') ?? refOf(def, 'mask')
    if (nested) out.push(...clipOps(nested, seen))
    if (def.name === 'mask') {
      out.push(maskClip(def, seen))
      return out
    }
    if (def.name !== 'clipPath') refuse(`#${id} is a ${def.name}, not a clip`)
    for (const c of def.children) {
      const t = transformOf(c)
      if (c.attrs['clip-path'] || c.attrs.mask) refuse('a clip shape with its own clip')
      if (c.name === 'rect') {
        if (c.attrs.rx || c.attrs.ry) refuse('a rounded clip rect')
        const [x, y, w, h] = rectNumbers(c)
        out.push(inTransform(t, (doc) => void doc.rect(x, y, w, h).clip()))
      } else if (c.name === 'path' && c.attrs.d) {
        const d = c.attrs.d
        const rule = c.attrs['clip-rule'] === 'evenodd' ? 'even-odd' : 'non-zero'
        out.push(inTransform(t, (doc) => void doc.path(d).clip(rule)))
      } else if (c.name === 'polygon') {
        const corners = pointsOf(c)
        out.push(inTransform(t, (doc) => void doc.polygon(...corners).clip()))
      } else refuse(`a clip made of ${c.name}`)
    }
    return out
  }

  /**
   * satori's masks as clips: one white rectangle (overflow), or a white
   * rectangle less black ones inside it (the box-shadow mask, which hides the
   * shadow under its box), drawn as an even-odd clip.
   */
  const maskClip = (def: SvgElement, seen: Set<string>): Op => {
    const [first, ...holes] = def.children
    if (!first) refuse('an empty mask')
    const plain = (r: SvgElement, color: RegExp): [number, number, number, number] => {
      if (r.name !== 'rect' || !color.test(r.attrs.fill ?? '') || r.attrs.transform || r.attrs.rx || r.attrs.ry || r.attrs.opacity || r.attrs['fill-opacity'])
        refuse('a mask other than plain white and black rectangles')
      if (r.attrs.stroke && r.attrs.stroke !== 'none' && num(r.attrs['stroke-width'], 1) !== 0) refuse('a stroked mask rectangle')
      const [x, y, w, h] = rectNumbers(r)
      // The rectangle's own clip and mask must let all of it through: only canvas-wide ones do here.
      for (const attr of ['clip-path', 'mask']) {
        const ref = refOf(r, attr)
        if (ref && !coversCanvas(ref, seen)) refuse(`a mask rectangle ${attr} that is not the whole canvas`)
      }
      return [x, y, w, h]
    }
    const [x, y, w, h] = plain(first!, WHITE)
    const cut = holes.map((r) => plain(r, BLACK))
    for (const [hx, hy, hw, hh] of cut) if (hx < x || hy < y || hx + hw > x + w || hy + hh > y + h) refuse('a black mask rectangle outside the white one')
    if (cut.length > 1) refuse('a mask with more than one black rectangle')
    return (doc) => {
      doc.rect(x, y, w, h)
      for (const [hx, hy, hw, hh] of cut) doc.rect(hx, hy, hw, hh)
      doc.clip(cut.length ? 'even-odd' : 'non-zero')
    }
  }

  /** A clip or mask that is one rectangle holding the whole canvas. */
  const coversCanvas = (id: string, seen: Set<string>): boolean => {
    const def = defs.get(id)
    if (!def || seen.has(id) || def.children.length !== 1) return false
    const r = def.children[0]!
    const b = r.name === 'rect' && !r.attrs.transform ? rectOf(r.attrs) : null
    if (!b || b.x0 > canvas.x0 || b.y0 > canvas.y0 || b.x1 < canvas.x1 || b.y1 < canvas.y1) return false
    if (def.name === 'mask') return WHITE.test(r.attrs.fill ?? '') && !r.attrs.mask && !r.attrs.opacity
    return def.name === 'clipPath' && !r.attrs['clip-path']
  }

  /**
   * satori's box-shadow filter: blur the shape, flood it with the shadow
   * colour, keep the flood where the blur is. Drawn as stepped rectangles.
   */
  const shadowOps = (g: SvgElement, filterId: string): Op => {
    const f = defs.get(filterId) ?? refuse(`a reference to missing #${filterId}`)
    const [blur, flood, composite] = f.children
    if (f.name !== 'filter' || f.children.length !== 3 || blur?.name !== 'feGaussianBlur' || flood?.name !== 'feFlood' || composite?.name !== 'feComposite')
      refuse('a filter other than satori’s box-shadow')
    if (composite!.attrs.operator !== 'in' || composite!.attrs.in !== flood!.attrs.result || composite!.attrs.in2 !== blur!.attrs.result)
      refuse('a filter other than satori’s box-shadow')
    if ((f.attrs.filterUnits ?? 'objectBoundingBox') !== 'objectBoundingBox' || f.attrs.primitiveUnits) refuse('filter units')
    const sigma = num(blur!.attrs.stdDeviation)
    const color = parseColor(flood!.attrs['flood-color'], '#000000') ?? refuse('a shadow colour')
    const alpha = color.opacity * num(flood!.attrs['flood-opacity'], 1)
    if (!(sigma >= 0) || !Number.isFinite(alpha)) refuse('a shadow blur')
    if (g.children.length !== 1 || g.children[0]!.name !== 'rect') refuse('a shadow of something other than one rectangle')
    const shape = g.children[0]!
    const [x, y, w, h] = rectNumbers(shape)
    const radius = num(shape.attrs.rx, num(shape.attrs.ry, 0))
    if (shape.attrs.transform || !Number.isFinite(radius)) refuse('a transformed or odd shadow shape')
    for (const attr of ['clip-path', 'mask']) {
      const ref = refOf(shape, attr)
      if (ref && !coversCanvas(ref, new Set())) refuse(`a shadow shape ${attr} that is not the whole canvas`)
    }
    // The filter region, as fractions of the shape's box.
    const frac = (v: string | undefined, fallback: number) => (v === undefined ? fallback : v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v))
    const region = [x + frac(f.attrs.x, -0.1) * w, y + frac(f.attrs.y, -0.1) * h, frac(f.attrs.width, 1.2) * w, frac(f.attrs.height, 1.2) * h] as const
    if (!region.every(Number.isFinite)) refuse('a filter region')
    const share = 1 - Math.pow(1 - alpha, 1 / SHADOW_STEPS)
    return (doc) => {
      doc.rect(...region).clip()
      doc.fillColor(color.color).fillOpacity(share)
      for (let k = 0; k < SHADOW_STEPS; k++) {
        const grow = sigma * (-1.5 + (3 * (k + 0.5)) / SHADOW_STEPS)
        const r = [x - grow, y - grow, w + 2 * grow, h + 2 * grow] as const
        if (r[2] <= 0 || r[3] <= 0) continue
        if (radius > 0) doc.roundedRect(...r, Math.max(0, radius + grow)).fill()
        else doc.rect(...r).fill()
      }
    }
  }

  const shapeOp = (n: SvgElement): Op | null => {
    const a = n.attrs
    if (n.name === 'image') {
      const href = a.href ?? a['xlink:href'] ?? ''
      const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(href)
      if (!m) refuse('an image that is not an embedded PNG or JPEG')
      if (a.preserveAspectRatio && a.preserveAspectRatio !== 'none') refuse(`preserveAspectRatio="${a.preserveAspectRatio}"`)
      const buf = Buffer.from(m![2]!, 'base64')
      const [x, y, w, h] = rectNumbers(n)
      return (doc) => void doc.image(buf, x, y, { width: w, height: h })
    }
    const fill = parseColor(a.fill, '#000000')
    const stroke = parseColor(a.stroke, null)
    if (fill === null) refuse(`fill="${a.fill}"`)
    if (stroke === null) refuse(`stroke="${a.stroke}"`)
    const fillOpacity = num(a['fill-opacity'], 1) * (fill?.opacity ?? 1)
    const strokeOpacity = num(a['stroke-opacity'], 1) * (stroke?.opacity ?? 1)
    const strokeWidth = num(a['stroke-width'], 1)
    const dash = a['stroke-dasharray']
      ?.split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
    if (a['stroke-linecap'] || a['stroke-linejoin'] || (dash && !dash.every((v) => v >= 0))) refuse('stroke caps, joins or dashes')
    const rule = a['fill-rule'] === 'evenodd' ? 'even-odd' : 'non-zero'
    let outline: Op
    if (n.name === 'rect') {
      if (a.rx || a.ry) refuse('a rounded rect')
      const [x, y, w, h] = rectNumbers(n)
      outline = (doc) => void doc.rect(x, y, w, h)
    } else if (n.name === 'polygon') {
      const corners = pointsOf(n)
      outline = (doc) => void doc.polygon(...corners)
    } else {
      if (!a.d) return null
      const d = a.d
      outline = (doc) => void doc.path(d)
    }
    if (!fill && !stroke) return null
    return (doc) => {
      if (fill) doc.fillColor(fill.color).fillOpacity(fillOpacity)
      if (stroke) {
        doc.strokeColor(stroke.color).strokeOpacity(strokeOpacity).lineWidth(strokeWidth)
        if (dash?.length) doc.dash(dash[0]!, { space: dash[1] ?? dash[0]! })
        else doc.undash()
      }
      outline(doc)
      if (fill && stroke) doc.fillAndStroke(fill.color, stroke.color, rule)
      else if (fill) doc.fill(fill.color, rule)
      else doc.stroke()
    }
  }

  const ops: Op[] = []
  const walk = (n: SvgElement): void => {
    if (DEFINITIONS.has(n.name)) return
    if (!SHAPES.has(n.name) && n.name !== 'g') refuse(`a <${n.name}> element`)
    const t = transformOf(n)
    const clips: Op[] = []
    for (const attr of ['clip-path', 'mask']) {
      const ref = refOf(n, attr)
      if (ref) clips.push(...clipOps(ref))
    }
    const opacity = num(n.attrs.opacity, 1)
    const filter = refOf(n, 'filter')
    const open: Op = (doc) => {
      doc.save()
      if (t) doc.transform(...t)
      clips.forEach((c) => c(doc))
      if (opacity !== 1) doc.opacity(opacity)
    }
    if (filter) {
      if (n.name !== 'g') refuse('a filter on a shape')
      const shadow = shadowOps(n, filter)
      ops.push((doc) => (open(doc), shadow(doc), doc.restore()))
      return
    }
    if (n.name === 'g') {
      if (!n.children.length) return
      ops.push(open)
      n.children.forEach(walk)
      ops.push((doc) => void doc.restore())
      return
    }
    const draw = shapeOp(n)
    if (draw) ops.push((doc) => (open(doc), draw(doc), doc.restore()))
  }
  root.children.forEach(walk)
  return { width, height, ops }
}

/** Draws satori's SVG into the box (points); the reason, with nothing drawn, when it is beyond the fast path. */
export function drawSatoriSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, width: number, height: number): { refused: string } | null {
  const result = compileSatoriSvg(svg)
  if ('refused' in result) return result
  const { compiled } = result
  doc.save()
  doc.translate(x, y).scale(width / compiled.width, height / compiled.height)
  doc.rect(0, 0, compiled.width, compiled.height).clip()
  for (const op of compiled.ops) op(doc)
  doc.restore()
  return null
}
