/**
 * Measuring text exactly as satori will draw it: HarfBuzz (the same build
 * satori bundles), the same font bytes, whole runs at once, because
 * Mongolian letters change width with their joined forms.
 * Results are in font units and cached per font; sizes scale linearly.
 */
import { memoPerOwner } from './memo.js'
import type { HarfBuzz, HbGlyph } from '../fonts/harfbuzz.js'
import type { LoadedFont } from '../fonts/font-set.js'

/** A rectangle in y-down coordinates. */
export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface Shaped {
  /** Advance along the line in font units (horizontal: width; ttb: height). */
  advance: number
  /**
   * Ink bounds in font units, y down. Horizontal: origin at the pen start on
   * the baseline. Vertical (ttb): origin at the top centre of the first cell.
   * Null when nothing is drawn (spaces).
   */
  ink: Box | null
  /** Horizontal advance of the first glyph: the cell width of an upright character. */
  crossAdvance: number
  /** ttb only: distance from the cell top down to the baseline (the vertical origin). */
  verticalOrigin: number
  /** Glyph ids and advances, joined: two shapings draw the same only if these are equal. */
  signature: string
}

/**
 * Per font, bounded by the key bytes plus a fixed cost per result (the
 * Shaped object and its box), so long texts cannot grow it past ~2 MB.
 */
const MAX_BYTES_PER_FONT = 2 * 1024 * 1024
const SHAPED_BYTES = 160
const shapedOf = memoPerOwner<Shaped>(MAX_BYTES_PER_FONT, (_shaped, key) => key.length * 2 + SHAPED_BYTES)

export function unionBox(a: Box | null, b: Box | null): Box | null {
  if (!a) return b
  if (!b) return a
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

/** `language` (BCP 47) with the `script` (ISO 15924) of the run it belongs to. */
export interface ShapingLanguage {
  language: string
  script: string
}

export function shape(hb: HarfBuzz, font: LoadedFont, text: string, vertical: boolean, language?: ShapingLanguage): Shaped {
  const key = (vertical ? 'v' : 'h') + (language ? `${language.language}-${language.script}` : '') + '\0' + text
  return shapedOf(font, key, () => shapeUncached(hb, font, text, vertical, language))
}

function shapeUncached(hb: HarfBuzz, font: LoadedFont, text: string, vertical: boolean, language: ShapingLanguage | undefined): Shaped {
  const buffer = hb.createBuffer()
  try {
    buffer.addText(text)
    buffer.guessSegmentProperties()
    if (language) {
      buffer.setLanguage(language.language)
      buffer.setScript(language.script)
    }
    if (vertical) buffer.setDirection('ttb')
    hb.shape(font.hb, buffer)
    const glyphs = buffer.json()
    let penX = 0
    let penY = 0
    let ink: Box | null = null
    for (const g of glyphs) {
      const e = font.hb.glyphExtents(g.g)
      if (e && e.width !== 0 && e.height !== 0) {
        // Vertical: the pen is on the line's centre at the cell top; the glyph's
        // own origin sits half an advance left and one vertical origin down.
        const ox = vertical ? penX - font.hb.glyphHAdvance(g.g) / 2 : penX + g.dx
        const oy = vertical ? penY - font.verticalOrigin(g.g) : penY + g.dy
        const x0 = ox + e.xBearing
        const top = oy + e.yBearing
        ink = unionBox(ink, { x0, y0: -top, x1: x0 + e.width, y1: -(top + e.height) })
      }
      penX += g.ax
      penY += g.ay
    }
    const first = glyphs[0]
    return {
      advance: vertical ? -penY : penX,
      ink,
      crossAdvance: first ? font.hb.glyphHAdvance(first.g) : 0,
      verticalOrigin: vertical && first ? font.verticalOrigin(first.g) : 0,
      signature: glyphs.map((g) => `${g.g}:${g.ax}:${g.ay}:${g.dx}:${g.dy}`).join(' '),
    }
  } finally {
    buffer.destroy()
  }
}

/** Glyph ids and positions of drawn runs, per font: bounded like `shapedOf`, ≈ 48 bytes a glyph. */
const drawnOf = memoPerOwner<readonly HbGlyph[]>(MAX_BYTES_PER_FONT, (glyphs, key) => key.length * 2 + 32 + glyphs.length * 48)

/**
 * The glyphs a run is drawn with, in visual order: shaped left to right as
 * satori 0.63 shaped the text it drew (direction and script guessed from the
 * text, no language, `features` on), since layout measured exactly that.
 */
export function drawnGlyphs(hb: HarfBuzz, font: LoadedFont, text: string, features: string | null): readonly HbGlyph[] {
  return drawnOf(font, (features ?? '') + '\0' + text, () => {
    const buffer = hb.createBuffer()
    try {
      buffer.addText(text)
      buffer.guessSegmentProperties()
      if (features) hb.shape(font.hb, buffer, `+${features}`)
      else hb.shape(font.hb, buffer)
      return buffer.json()
    } finally {
      buffer.destroy()
    }
  })
}
