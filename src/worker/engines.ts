/**
 * The Workers runtime's engines: satori's standalone build initialised with
 * its precompiled layout module, and resvg-wasm for PNG (our encoder, see
 * render/png/encode.ts), behind a pixel
 * budget the isolate's memory can hold.
 */
import { Resvg, initWasm } from '@resvg/resvg-wasm'
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm'
import satori, { init as initSatori } from 'satori/standalone'
import layoutWasm from 'satori/layout.wasm'
import type { Engines, Rasterize } from '../render/engines.js'
import { encodePng, type RgbaImage } from '../render/png/encode.js'
import { streamDeflate } from '../render/png/stream-deflate.js'
import { WORKERS_RASTER_BUDGET, withRasterBudget, type RasterBudget } from './limits.js'

const resvgRasterize: Rasterize = async (svg) => {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } })
  let image: RgbaImage
  try {
    const rendered = resvg.render()
    try {
      image = { width: rendered.width, height: rendered.height, pixels: rendered.pixels }
    } finally {
      rendered.free()
    }
  } finally {
    // Freed before encoding, so the WASM heap's pixmap can be reused by the next render while we encode.
    resvg.free()
  }
  // The same encoder as Node, with workerd's native deflate.
  return encodePng(image, streamDeflate)
}

let ready: Promise<void> | undefined

/** Both engines, initialised once per isolate from modules wrangler compiled at deploy time. */
export async function workerEngines(budget: RasterBudget = WORKERS_RASTER_BUDGET): Promise<Engines> {
  ready ??= Promise.all([initSatori(layoutWasm), initWasm(resvgWasm)]).then(() => undefined)
  await ready
  return {
    satori: satori as Engines['satori'],
    rasterize: withRasterBudget(resvgRasterize, budget),
  }
}
