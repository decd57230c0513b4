import type { FontSet } from '../fonts/font-set.js'
import type { El } from '../text/elements.js'
import type { Engines } from './engines.js'
import { drawGlyphRuns, markGlyphRuns } from './glyph-marks.js'
import { assertVectorSize } from './limits.js'
import { parseSvg, serializeSvg, simplifySvg } from './satori-svg/index.js'

/** One array for every render: satori keys its font loader by the array. */
const NO_FONTS: readonly never[] = []

export interface Canvas {
  width: number
  height: number
}

/**
 * Element tree → SVG: satori lays out and draws the boxes, pictures and
 * rules; the text is drawn as glyph paths from our own shaping, where satori
 * placed its boxes (glyph-marks); then what changes no pixel is taken out.
 */
export async function renderSvg(engines: Engines, fonts: FontSet, root: El, canvas: Canvas): Promise<string> {
  assertVectorSize(canvas.width, canvas.height)
  const marked = markGlyphRuns(root)
  const svg = await engines.satori(marked.root as never, {
    width: canvas.width,
    height: canvas.height,
    // satori draws no text (every run is a marked box), so it needs, and parses, no font.
    fonts: NO_FONTS as never,
    embedFont: true,
  })
  const tree = parseSvg(svg)
  if (!tree) throw new Error('satori wrote SVG that is not element-only')
  drawGlyphRuns(tree, marked.runs, fonts)
  return serializeSvg(simplifySvg(tree))
}

/**
 * satori's SVG with what changes no pixel taken out (see satori-svg/simplify):
 * resvg gives every clipped or masked element a layer of its own, and satori
 * clips and masks every element, mostly to the whole canvas. SVG that is not
 * satori's element-only output is returned as it came.
 */
export function leanSvg(svg: string): string {
  const tree = parseSvg(svg)
  return tree ? serializeSvg(simplifySvg(tree)) : svg
}
