/**
 * The PNG pixel budget of the Workers runtime. Kept apart from the engines
 * (no WebAssembly imports) so Node code and tests can read it.
 */
import { QoyarError } from '../errors.js'
import type { Rasterize } from '../render/engines.js'

export interface RasterBudget {
  /** Most pixels (width × height) one PNG may have. */
  maxPixels: number
  /** Longest side in px. */
  maxSide: number
}

/**
 * What resvg-wasm can draw inside one Workers isolate (128 MB in all).
 * Measured under workerd (README, "The edge"): the isolate holds ≈ 60 MB
 * before any PNG (JS heap ≈ 20–35 MB, font bytes 9 MB, two HarfBuzz heaps
 * ≈ 16 MB, satori's layout 1.3 MB), and resvg-wasm's linear memory grows to
 * ≈ 12.5 MB per megapixel of the largest image it has drawn (pixmap, layers,
 * PNG encoding) and never shrinks. 4 MP (≈ 51 MB) keeps the isolate near
 * 110–118 MB; a 300 dpi desk-card sheet (5.6 MP, ≈ 70 MB) would not fit.
 */
export const WORKERS_RASTER_BUDGET: RasterBudget = { maxPixels: 4_000_000, maxSide: 8000 }

/** Refuse, with a 413, a PNG larger than the budget instead of running the isolate out of memory. */
export function withRasterBudget(rasterize: Rasterize, budget: RasterBudget): Rasterize {
  return (svg, options) => {
    const { width, height } = options
    if (width * height > budget.maxPixels || width > budget.maxSide || height > budget.maxSide) {
      const mp = Math.round(budget.maxPixels / 1e5) / 10
      throw new QoyarError(
        'image_too_large',
        413,
        `A ${width}×${height} px PNG is over this edge runtime's limit (${budget.maxSide} px a side, ${mp} MP, set by the memory of one Workers isolate); ask for SVG, a smaller size or a lower dpi, or use the Node service.`,
        { width, height, maxSide: budget.maxSide, maxPixels: budget.maxPixels, runtime: 'workers' },
        { width, height, maxSide: budget.maxSide, maxMp: mp },
      )
    }
    return rasterize(svg, options)
  }
}
