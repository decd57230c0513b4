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
  const svg = await engines.satori(root as never, {
    width: canvas.width,
    height: canvas.height,
    fonts: fonts.satoriFontsFor(fontFamilies(root)) as never,
    embedFont: true,
  })
  return dropCanvasClips(svg, canvas)
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
 * Satori wraps every element in a mask and a clip that are just the whole
 * canvas. They change nothing (drawing stops at the canvas edge anyway), but
 * resvg gives each masked group a canvas-sized layer of its own: dropping the
 * references halves the time of a 300 dpi sheet's PNG. Only masks and clips
 * that are exactly the full canvas are dropped.
 */
export function dropCanvasClips(svg: string, canvas: Canvas): string {
  const full = `<rect x="0" y="0" width="${canvas.width}" height="${canvas.height}"`
  const ids: string[] = []
  for (const m of svg.matchAll(/<mask id="([^"]+)">(<rect [^>]*\/>)<\/mask>/g))
    if (m[2]!.startsWith(full) && / fill="#fff"\/>$/.test(m[2]!) && !m[2]!.includes(' mask=')) ids.push(m[1]!)
  for (const m of svg.matchAll(/<clipPath id="([^"]+)">(<rect [^>]*\/>)<\/clipPath>/g)) if (m[2] === `${full}/>`) ids.push(m[1]!)
  let out = svg
  for (const id of ids) out = out.replaceAll(` mask="url(#${id})"`, '').replaceAll(` clip-path="url(#${id})"`, '')
  return out
}
