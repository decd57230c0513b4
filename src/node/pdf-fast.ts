/**
 * A fast path from satori's SVG to PDFKit drawing calls. Satori writes a small,
 * regular SVG (paths with matrix transforms, rectangular clips, masks that are
 * white rectangles, embedded images), and drawing it directly is about seven
 * times faster than svg-to-pdfkit's general parser — what lets a thousand desk
 * cards become one PDF in seconds. Anything outside that subset returns false
 * before a single mark is made, and the caller uses svg-to-pdfkit instead.
 */

interface Node {
  tag: string
  attrs: Record<string, string>
  children: Node[]
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+="[^"]*")*)\s*(\/?)>/g
const ATTR = /([^\s=]+)="([^"]*)"/g

function parse(svg: string): Node | null {
  const root: Node = { tag: '#root', attrs: {}, children: [] }
  const stack: Node[] = [root]
  let last = 0
  for (const m of svg.matchAll(TAG)) {
    // Only whitespace may sit between tags: satori writes no text nodes.
    if (svg.slice(last, m.index).trim()) return null
    last = m.index + m[0].length
    const [, close, tag, attrText, selfClose] = m
    if (close) {
      if (stack.pop()?.tag !== tag) return null
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of attrText!.matchAll(ATTR)) attrs[a[1]!] = a[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    const node: Node = { tag: tag!, attrs, children: [] }
    stack[stack.length - 1]!.children.push(node)
    if (!selfClose) stack.push(node)
  }
  if (svg.slice(last).trim() || stack.length !== 1) return null
  const top = root.children[0]
  return top?.tag === 'svg' ? top : null
}

type Matrix = [number, number, number, number, number, number]

function parseTransform(t: string | undefined): Matrix | null | undefined {
  if (!t) return undefined
  const m = /^\s*matrix\(([^)]*)\)\s*$/.exec(t)
  if (m) {
    const v = m[1]!.split(/[\s,]+/).filter(Boolean).map(Number)
    return v.length === 6 && v.every(Number.isFinite) ? (v as Matrix) : null
  }
  const tr = /^\s*translate\(([^)]*)\)\s*$/.exec(t)
  if (tr) {
    const [x = 0, y = 0] = tr[1]!.split(/[\s,]+/).filter(Boolean).map(Number)
    return [1, 0, 0, 1, x, y]
  }
  return null
}

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
    const [r, g, b, a = 1] = rgba[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
    const hex = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0')
    return { color: `#${hex(r!)}${hex(g!)}${hex(b!)}`, opacity: a }
  }
  if (v === 'black') return { color: '#000000', opacity: 1 }
  if (v === 'white') return { color: '#ffffff', opacity: 1 }
  return null
}

const urlRef = (v: string | undefined) => (v ? /^url\(#([^)]+)\)$/.exec(v)?.[1] ?? null : undefined)

/** A draw operation list, built fully before drawing so that a fallback leaves no half page. */
type Op = (doc: PDFKit.PDFDocument) => void

const SHAPES = new Set(['rect', 'path', 'polygon', 'image'])
const CONTAINERS = new Set(['g'])
const IGNORED = new Set(['defs', 'clipPath', 'mask'])

export function compileSatoriSvg(svg: string): { width: number; height: number; ops: Op[] } | null {
  const root = parse(svg)
  if (!root) return null
  const width = Number(root.attrs.width)
  const height = Number(root.attrs.height)
  if (!(width > 0 && height > 0)) return null
  if (root.attrs.viewBox && root.attrs.viewBox.split(/[\s,]+/).map(Number).join(' ') !== `0 0 ${width} ${height}`) return null

  const defs = new Map<string, Node>()
  const collect = (n: Node) => {
    if ((n.tag === 'clipPath' || n.tag === 'mask') && n.attrs.id) defs.set(n.attrs.id, n)
    n.children.forEach(collect)
  }
  collect(root)

  // A clip region: rectangles and paths (in the referencing element's space), intersected with their own clip-path.
  const clipOps = (id: string, seen = new Set<string>()): Op[] | null => {
    const def = defs.get(id)
    if (!def || seen.has(id)) return null
    seen.add(id)
    const out: Op[] = []
    const nested = urlRef(def.attrs['clip-path'] ?? def.attrs.mask)
    if (nested === null) return null
    if (nested) {
      const n = clipOps(nested, seen)
      if (!n) return null
      out.push(...n)
    }
    if (def.tag === 'mask') {
      // Satori's masks are white rectangles: a rectangular clip. Anything else is beyond the fast path.
      if (def.children.length !== 1) return null
      const r = def.children[0]!
      if (r.tag !== 'rect' || !/^#fff(fff)?$/i.test(r.attrs.fill ?? '') || r.attrs.transform || r.attrs.rx || r.attrs.ry) return null
      const inner = urlRef(r.attrs.mask)
      if (inner === null) return null
      if (inner) {
        const n = clipOps(inner, seen)
        if (!n) return null
        out.push(...n)
      }
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(r.attrs[k] ?? 0))
      out.push((doc) => void doc.rect(x!, y!, w!, h!).clip())
      return out
    }
    for (const c of def.children) {
      const t = parseTransform(c.attrs.transform)
      if (t === null || c.attrs['clip-path'] || c.attrs.mask) return null
      if (c.tag === 'rect') {
        if (c.attrs.rx || c.attrs.ry) return null
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(c.attrs[k] ?? 0))
        out.push((doc) => {
          if (t) doc.transform(...t)
          doc.rect(x!, y!, w!, h!).clip()
          if (t) doc.transform(...invert(t))
        })
      } else if (c.tag === 'path' && c.attrs.d) {
        const d = c.attrs.d
        const rule = c.attrs['clip-rule'] === 'evenodd' ? 'even-odd' : 'non-zero'
        out.push((doc) => {
          if (t) doc.transform(...t)
          doc.path(d).clip(rule)
          if (t) doc.transform(...invert(t))
        })
      } else if (c.tag === 'polygon') {
        const pts = (c.attrs.points ?? '').split(/[\s,]+/).filter(Boolean).map(Number)
        if (pts.length < 6 || pts.length % 2) return null
        const corners = Array.from({ length: pts.length / 2 }, (_, i) => [pts[2 * i]!, pts[2 * i + 1]!] as [number, number])
        out.push((doc) => {
          if (t) doc.transform(...t)
          doc.polygon(...corners).clip()
          if (t) doc.transform(...invert(t))
        })
      } else return null
    }
    return out
  }

  const ops: Op[] = []
  const walk = (n: Node): boolean => {
    if (IGNORED.has(n.tag)) return true
    if (!SHAPES.has(n.tag) && !CONTAINERS.has(n.tag)) return false
    const a = n.attrs
    const t = parseTransform(a.transform)
    if (t === null) return false
    const clipRef = urlRef(a['clip-path'])
    const maskRef = urlRef(a.mask)
    if (clipRef === null || maskRef === null) return false
    const clips: Op[] = []
    for (const ref of [clipRef, maskRef]) {
      if (!ref) continue
      const c = clipOps(ref)
      if (!c) return false
      clips.push(...c)
    }
    const opacity = a.opacity !== undefined ? Number(a.opacity) : 1
    let draw: Op | null = null
    if (n.tag === 'g') {
      if (!n.children.length) return true
      ops.push((doc) => {
        doc.save()
        if (t) doc.transform(...t)
        clips.forEach((c) => c(doc))
        if (opacity !== 1) doc.opacity(opacity)
      })
      for (const c of n.children) if (!walk(c)) return false
      ops.push((doc) => void doc.restore())
      return true
    }
    if (n.tag === 'image') {
      const href = a.href ?? a['xlink:href'] ?? ''
      const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(href)
      if (!m || (a.preserveAspectRatio && a.preserveAspectRatio !== 'none')) return false
      const buf = Buffer.from(m[2]!, 'base64')
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(a[k] ?? 0))
      draw = (doc) => void doc.image(buf, x!, y!, { width: w!, height: h! })
    } else {
      const fill = parseColor(a.fill, '#000000')
      const stroke = parseColor(a.stroke, null)
      if (fill === null || stroke === null) return false
      const fillOpacity = (a['fill-opacity'] !== undefined ? Number(a['fill-opacity']) : 1) * (fill?.opacity ?? 1)
      const strokeOpacity = (a['stroke-opacity'] !== undefined ? Number(a['stroke-opacity']) : 1) * (stroke?.opacity ?? 1)
      const strokeWidth = Number(a['stroke-width'] ?? 1)
      const dash = a['stroke-dasharray']?.split(/[\s,]+/).filter(Boolean).map(Number)
      if (a['stroke-linecap'] || a['stroke-linejoin'] || (dash && !dash.every((v) => v >= 0))) return false
      const evenOdd = a['fill-rule'] === 'evenodd'
      let shape: (doc: PDFKit.PDFDocument) => void
      if (n.tag === 'rect') {
        if (a.rx || a.ry) return false
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(a[k] ?? 0))
        shape = (doc) => void doc.rect(x!, y!, w!, h!)
      } else if (n.tag === 'polygon') {
        const pts = (a.points ?? '').split(/[\s,]+/).filter(Boolean).map(Number)
        if (pts.length < 6 || pts.length % 2) return false
        shape = (doc) => void doc.polygon(...Array.from({ length: pts.length / 2 }, (_, i) => [pts[2 * i]!, pts[2 * i + 1]!] as [number, number]))
      } else {
        if (!a.d) return true
        const d = a.d
        shape = (doc) => void doc.path(d)
      }
      if (!fill && !stroke) return true
      draw = (doc) => {
        if (fill) doc.fillColor(fill.color).fillOpacity(fillOpacity)
        if (stroke) {
          doc.strokeColor(stroke.color).strokeOpacity(strokeOpacity).lineWidth(strokeWidth)
          if (dash?.length) doc.dash(dash[0]!, { space: dash[1] ?? dash[0]! })
          else doc.undash()
        }
        shape(doc)
        const rule = evenOdd ? 'even-odd' : 'non-zero'
        if (fill && stroke) doc.fillAndStroke(fill.color, stroke.color, rule)
        else if (fill) doc.fill(fill.color, rule)
        else doc.stroke()
      }
    }
    ops.push((doc) => {
      doc.save()
      if (t) doc.transform(...t)
      clips.forEach((c) => c(doc))
      if (opacity !== 1) doc.opacity(opacity)
      draw!(doc)
      doc.restore()
    })
    return true
  }
  for (const c of root.children) if (!walk(c)) return null
  return { width, height, ops }
}

function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]
}

/** Draws satori's SVG into the box (points); false, with nothing drawn, when it is beyond the fast path. */
export function drawSatoriSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, width: number, height: number): boolean {
  const compiled = compileSatoriSvg(svg)
  if (!compiled) return false
  doc.save()
  doc.translate(x, y).scale(width / compiled.width, height / compiled.height)
  doc.rect(0, 0, compiled.width, compiled.height).clip()
  for (const op of compiled.ops) op(doc)
  doc.restore()
  return true
}
