/** Reading satori's SVG: one parse into a typed tree, shared by the raster clean-up and the PDF fast path. */
export { parseSvg, serializeSvg, urlRef, idsOf, type SvgElement } from './tree.js'
export { simplifySvg } from './simplify.js'
export { parseTransform, invert, multiply, rectOf, num, knowPathBounds, type Matrix, type Bounds } from './geometry.js'
