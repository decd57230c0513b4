import type { Engines } from './engines.js'
import { assertRasterSize } from './limits.js'
import type { Canvas } from './svg.js'

export async function renderPng(engines: Engines, svg: string, canvas: Canvas): Promise<Uint8Array> {
  assertRasterSize(canvas.width, canvas.height)
  return engines.rasterize(svg, canvas)
}
