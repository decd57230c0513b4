/**
 * Text drawn as SVG path data from our own shaping: the glyphs HarfBuzz gave
 * layout, their outlines from the shipped fonts, placed on the baselines
 * layout chose. This is what satori did with a text node (0.63's getSVG),
 * less its layout of the text: coordinates are rounded to 0.1 px, half away
 * from zero, as satori rounds them, so the path draws the same pixels.
 */
import type { FontSet } from '../fonts/font-set.js'
import { glyphOutline, type PathCommand } from '../fonts/outlines.js'
import { drawnGlyphs, type Box } from './shape.js'

/** One line of a drawn run: its text and its baseline, px below the run's top. */
export interface GlyphLine {
  text: string
  baseline: number
}

/** Lines in one font, size and colour, drawn from one point (a run's top left, before any transform). */
export interface GlyphRun {
  fontId: string
  fontSize: number
  /** An OpenType feature to apply (`vert` for upright characters in a column). */
  features: string | null
  color: string
  /** The weight asked for: a face lighter than 600 drawn at 600 or more is emboldened (synthetic bold). */
  weight: number
  lines: GlyphLine[]
}

/**
 * The stroke that emboldens a synthetic bold run, px, or null when the face is drawn as it is.
 * As satori 0.63 and Chrome (Skia's fake bold): a stroke in the fill colour, 1/24 of the size at
 * 9 px and under, 1/32 at 36 px and over; advances do not change.
 */
export function syntheticBoldWidth(fonts: FontSet, run: GlyphRun): number | null {
  const font = fonts.byId.get(run.fontId)
  if (!font || !(run.weight >= 600 && font.weight < 600)) return null
  const t = Math.min(1, Math.max(0, (run.fontSize - 9) / (36 - 9)))
  return run.fontSize * (1 / 24 + (1 / 32 - 1 / 24) * t)
}

const round = (v: number) => (v < 0 ? -Math.round(-v * 10) : Math.round(v * 10)) / 10

/**
 * A run's path data, and its bounds as the SVG clean-up reads them from path
 * data (`pathBounds`): `inner` over the on-curve points, `outer` over the
 * control points too, both of the rounded numbers written. Kept here so the
 * clean-up need not parse the numbers back.
 */
export interface GlyphPath {
  d: string
  inner: Box
  outer: Box
}

const emptyBox = (): Box => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity })

/** Writes path data and grows the bounds as it goes. */
export class PathWriter {
  d = ''
  readonly inner = emptyBox()
  readonly outer = emptyBox()
  /** A moveto's point, bounded only once a segment draws from it, as pathBounds reads it. */
  private movedX = 0
  private movedY = 0
  private moved = false

  outline(commands: readonly PathCommand[], x: number, y: number, scale: number): void {
    for (const c of commands) {
      switch (c.type) {
        case 'M': {
          const rx = round(x + c.x * scale)
          const ry = round(y - c.y * scale)
          this.movedX = rx
          this.movedY = ry
          this.moved = true
          this.d += 'M' + rx + ' ' + ry
          break
        }
        case 'L':
          this.d += 'L' + this.point(x + c.x * scale, y - c.y * scale, true)
          break
        case 'Q':
          this.d += 'Q' + this.point(x + c.x1 * scale, y - c.y1 * scale, false) + ' ' + this.point(x + c.x * scale, y - c.y * scale, true)
          break
        case 'C':
          this.d +=
            'C' +
            this.point(x + c.x1 * scale, y - c.y1 * scale, false) +
            ' ' +
            this.point(x + c.x2 * scale, y - c.y2 * scale, false) +
            ' ' +
            this.point(x + c.x * scale, y - c.y * scale, true)
          break
        case 'Z':
          this.d += 'Z'
          break
      }
    }
  }

  /** "x y", rounded as satori rounds; bounded in `outer`, and in `inner` when on the curve. */
  private point(x: number, y: number, onCurve: boolean): string {
    if (this.moved) {
      grow(this.inner, this.movedX, this.movedY)
      grow(this.outer, this.movedX, this.movedY)
      this.moved = false
    }
    const rx = round(x)
    const ry = round(y)
    grow(this.outer, rx, ry)
    if (onCurve) grow(this.inner, rx, ry)
    return rx + ' ' + ry
  }
}

function grow(b: Box, x: number, y: number): void {
  if (x < b.x0) b.x0 = x
  if (x > b.x1) b.x1 = x
  if (y < b.y0) b.y0 = y
  if (y > b.y1) b.y1 = y
}

/** The path of `run` with its top left at (left, top); null when nothing draws. */
export function glyphPath(fonts: FontSet, run: GlyphRun, left: number, top: number): GlyphPath | null {
  const font = fonts.byId.get(run.fontId)
  if (!font) throw new Error(`no font ${run.fontId}`)
  const scale = run.fontSize / font.upem
  const out = new PathWriter()
  for (const line of run.lines) {
    let cursor = left
    const baseline = top + line.baseline
    for (const g of drawnGlyphs(fonts.hb, font, line.text, run.features)) {
      const outline = glyphOutline(font, g.g)
      // HarfBuzz's offsets are y-up, as layout measures ink; satori 0.63 added dy downward and dropped marks (harakat) into their letters.
      if (outline.commands.length) out.outline(outline.commands, cursor + g.dx * scale, baseline - g.dy * scale, run.fontSize / outline.unitsPerEm)
      cursor += g.ax * scale
    }
  }
  return out.d ? { d: out.d, inner: out.inner, outer: out.outer } : null
}
