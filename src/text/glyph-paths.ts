/**
 * Text drawn as SVG path data from our own shaping: the glyphs HarfBuzz gave
 * layout, their outlines from the shipped fonts, placed on the baselines
 * layout chose. This is what satori did with a text node (0.63's getSVG),
 * less its layout of the text: coordinates are rounded to 0.1 px, half away
 * from zero, as satori rounds them, so the path draws the same pixels.
 */
import type { FontSet } from '../fonts/font-set.js'
import { glyphOutline, type PathCommand } from '../fonts/outlines.js'
import { drawnGlyphs } from './shape.js'

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

function appendOutline(commands: readonly PathCommand[], x: number, y: number, scale: number, out: string[]): void {
  const px = (cx: number) => round(x + cx * scale)
  const py = (cy: number) => round(y - cy * scale)
  for (const c of commands) {
    switch (c.type) {
      case 'M':
      case 'L':
        out.push(`${c.type}${px(c.x)} ${py(c.y)}`)
        break
      case 'Q':
        out.push(`Q${px(c.x1)} ${py(c.y1)} ${px(c.x)} ${py(c.y)}`)
        break
      case 'C':
        out.push(`C${px(c.x1)} ${py(c.y1)} ${px(c.x2)} ${py(c.y2)} ${px(c.x)} ${py(c.y)}`)
        break
      case 'Z':
        out.push('Z')
        break
    }
  }
}

/** The path data of `run` with its top left at (left, top); empty when nothing draws. */
export function glyphPathData(fonts: FontSet, run: GlyphRun, left: number, top: number): string {
  const font = fonts.byId.get(run.fontId)
  if (!font) throw new Error(`no font ${run.fontId}`)
  const scale = run.fontSize / font.upem
  const out: string[] = []
  for (const line of run.lines) {
    let cursor = left
    const baseline = top + line.baseline
    for (const g of drawnGlyphs(fonts.hb, font, line.text, run.features)) {
      const outline = glyphOutline(font, g.g)
      // HarfBuzz's offsets are y-up, as layout measures ink; satori 0.63 added dy downward and dropped marks (harakat) into their letters.
      if (outline.commands.length) appendOutline(outline.commands, cursor + g.dx * scale, baseline - g.dy * scale, run.fontSize / outline.unitsPerEm, out)
      cursor += g.ax * scale
    }
  }
  return out.join('')
}
