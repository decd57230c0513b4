import type { FontSet } from '../fonts/font-set.js'
import type { El } from '../text/elements.js'
import type { Engines } from './engines.js'
import { assertVectorSize } from './limits.js'

export interface Canvas {
  width: number
  height: number
}

/** Element tree → SVG, with text drawn as paths by satori from the shipped fonts. */
export async function renderSvg(engines: Engines, fonts: FontSet, root: El, canvas: Canvas): Promise<string> {
  assertVectorSize(canvas.width, canvas.height)
  return engines.satori(root as never, {
    width: canvas.width,
    height: canvas.height,
    fonts: fonts.satoriFonts as never,
    embedFont: true,
  })
}
