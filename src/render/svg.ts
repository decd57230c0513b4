import type { FontSet } from '../fonts/font-set.js'
import type { El } from '../text/elements.js'
import type { Engines } from './engines.js'
import { assertVectorSize } from './limits.js'
import { parseSvg, serializeSvg, simplifySvg } from './satori-svg/index.js'

export interface Canvas {
  width: number
  height: number
}

/** Element tree → SVG, with text drawn as paths by satori from the shipped fonts. */
export async function renderSvg(engines: Engines, fonts: FontSet, root: El, canvas: Canvas): Promise<string> {
  assertVectorSize(canvas.width, canvas.height)
  const svg = await engines.satori(root as never, {
    width: canvas.width,
    height: canvas.height,
    fonts: fonts.satoriFontsFor(fontFamilies(root)) as never,
    embedFont: true,
  })
  return leanSvg(svg)
}

/** The font ids an element tree draws with (every piece names its font as its family). */
function fontFamilies(root: El, into = new Set<string>()): Set<string> {
  const family = root.props.style?.fontFamily
  if (typeof family === 'string') into.add(family)
  const kids = root.props.children
  for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) if (typeof kid !== 'string') fontFamilies(kid, into)
  return into
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
