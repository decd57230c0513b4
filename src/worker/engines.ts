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
import { encodePng } from '../render/png/encode.js'
import { streamDeflate } from '../render/png/stream-deflate.js'
import { WORKERS_RASTER_BUDGET, withRasterBudget, type RasterBudget } from './limits.js'

const resvgRasterize: Rasterize = async (svg) => {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } })
  try {
    const image = resvg.render()
    try {
      // The same encoder as Node, with workerd's native deflate.
      return await encodePng({ width: image.width, height: image.height, pixels: image.pixels }, streamDeflate)
    } finally {
      image.free()
    }
  } finally {
    resvg.free()
  }
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
