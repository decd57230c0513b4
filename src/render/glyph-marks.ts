/**
 * Text satori never shapes: each box that carries glyphs (text/elements) goes
 * to satori as an empty box filled with a marker colour, so satori places,
 * turns, clips and stacks it like any element and writes it as a `<rect>`.
 * Each marker rect then becomes a `<path>` of the run's glyphs at that spot,
 * keeping the rect's transform, clip and mask, so paint order is satori's.
 */
import type { FontSet } from '../fonts/font-set.js'
import { childElements, type El } from '../text/elements.js'
import { glyphPath, syntheticBoldWidth, type GlyphRun } from '../text/glyph-paths.js'
import { knowPathBounds, type SvgElement } from './satori-svg/index.js'

export interface Marked {
  /** The tree satori gets: glyph boxes filled with their marker colours. */
  root: El
  /** Runs by marker colour, as satori writes it. */
  runs: Map<string, GlyphRun>
}

const hex = (n: number) => '#' + n.toString(16).padStart(6, '0')

/**
 * Marker colours: consecutive colours from a base no colour of the tree uses (a design may
 * fill a box with any colour; a marker must not be mistaken for one).
 */
function markerColours(root: El, count: number): string[] {
  const used = styleColours(root)
  for (let base = 0x01f2e3; ; base += count + 1) {
    const colours = Array.from({ length: count }, (_, k) => hex((base + k) % 0x1000000))
    if (colours.every((c) => !used.has(c))) return colours
  }
}

/** Every six-digit hex colour in the tree's styles, lower case (pictures' data URIs are not read: they can be MBs). */
function styleColours(root: El): Set<string> {
  const used = new Set<string>()
  const walk = (el: El) => {
    for (const v of Object.values(el.props.style ?? {})) if (typeof v === 'string') for (const m of v.toLowerCase().matchAll(/#[0-9a-f]{6}/g)) used.add(m[0])
    if (el.props.glyphs) used.add(el.props.glyphs.color.toLowerCase())
    for (const k of childElements(el)) walk(k)
  }
  walk(root)
  return used
}

function countRuns(el: El): number {
  let n = el.props.glyphs ? 1 : 0
  for (const k of childElements(el)) n += countRuns(k)
  return n
}

export function markGlyphRuns(root: El): Marked {
  const count = countRuns(root)
  const runs = new Map<string, GlyphRun>()
  if (count === 0) return { root, runs }
  const colours = markerColours(root, count)
  const mark = (el: El): El => {
    const { glyphs, children, ...props } = el.props
    const out: El = { type: el.type, props }
    if (glyphs) {
      const colour = colours[runs.size]!
      runs.set(colour, glyphs)
      out.props = { ...props, style: { ...props.style, backgroundColor: colour } }
    }
    if (children !== undefined) out.props.children = Array.isArray(children) ? children.map((k) => (typeof k === 'string' ? k : mark(k))) : typeof children === 'string' ? children : mark(children)
    return out
  }
  return { root: mark(root), runs }
}

/** Attributes of a marker rect that say where and how it paints, and so where its glyphs do. */
const KEPT = ['transform', 'clip-path', 'mask', 'opacity'] as const

/** Every marker rect in `tree` becomes its run's glyph path (or goes, when the run draws nothing). */
export function drawGlyphRuns(tree: SvgElement, runs: ReadonlyMap<string, GlyphRun>, fonts: FontSet): void {
  if (runs.size === 0) return
  const visit = (el: SvgElement) => {
    el.children = el.children.flatMap((c) => {
      const run = c.name === 'rect' && c.attrs.fill !== undefined ? runs.get(c.attrs.fill) : undefined
      if (!run) {
        // A box satori wrote as anything but a plain rect (a radius or a border makes a path) would paint its marker and lose its text.
        if (c.attrs.fill !== undefined && runs.has(c.attrs.fill)) throw new Error(`glyph marks: a ${c.name} carries marker ${c.attrs.fill}`)
        visit(c)
        return [c]
      }
      const path = glyphPath(fonts, run, Number(c.attrs.x ?? 0), Number(c.attrs.y ?? 0))
      if (!path) return []
      const attrs: Record<string, string> = { fill: run.color, d: path.d }
      const bold = syntheticBoldWidth(fonts, run)
      if (bold !== null) Object.assign(attrs, { stroke: run.color, 'stroke-width': String(bold) })
      for (const k of KEPT) if (c.attrs[k] !== undefined) attrs[k] = c.attrs[k]
      const el: SvgElement = { name: 'path', attrs, children: [] }
      knowPathBounds(el, path)
      return [el]
    })
  }
  visit(tree)
}
