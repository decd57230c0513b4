/**
 * The Workers runtime's half of AppEnv, built once per isolate on its first
 * request: fonts from Workers static assets (fonts/, uploaded beside the
 * script; see README "The edge" for why not bundled), HarfBuzz and satori
 * from precompiled modules, resvg-wasm for PNG within a pixel budget, and the
 * Cache API as the render cache. Everything else is the same bundled data
 * the Node entry hands in, with the office's data directory (QOYAR_DATA at
 * build time, bundled by scripts/edge/office.ts) merged over it.
 */
import { bundledData, MANIFEST } from '../bundled.js'
import type { AppEnv } from '../env.js'
import { loadFontSet, type FontBinary } from '../fonts/font-set.js'
import { workersAccessLog } from './access-log.js'
import { OFFICE_FILES } from './generated-office/files.js'
import { createWorkersCache, type WorkersCache, type WorkersRenderCache } from './cache.js'
import { workerEngines } from './engines.js'
import { loadHarfBuzz } from './harfbuzz.js'
import { WORKERS_RASTER_BUDGET, type RasterBudget } from './limits.js'

/** Bindings and vars from wrangler.toml. */
export interface WorkerBindings {
  /** Workers static assets: the fonts/ directory. */
  ASSETS: { fetch(request: Request | string): Promise<Response> }
  /** Override the PNG pixel budget (pixels, e.g. "4000000"). */
  RASTER_MAX_PIXELS?: string
  /** "off" renders every time (no Cache API). */
  RENDER_CACHE?: string
}

const manifest = MANIFEST

export async function readFontAssets(assets: WorkerBindings['ASSETS']): Promise<FontBinary[]> {
  return Promise.all(
    manifest.fonts.map(async (entry) => {
      const res = await assets.fetch(new Request(`https://assets.invalid/${entry.file}`))
      if (!res.ok) throw new Error(`qoyar worker: font asset ${entry.file} answered ${res.status}; is [assets] in wrangler.toml pointing at fonts/?`)
      return { entry, data: await res.arrayBuffer() }
    }),
  )
}

export function rasterBudget(bindings: WorkerBindings): RasterBudget {
  const pixels = Number(bindings.RASTER_MAX_PIXELS)
  return bindings.RASTER_MAX_PIXELS && Number.isFinite(pixels) && pixels > 0 ? { ...WORKERS_RASTER_BUDGET, maxPixels: pixels } : WORKERS_RASTER_BUDGET
}

export async function workerEnv(bindings: WorkerBindings, cache: WorkersRenderCache | undefined): Promise<AppEnv> {
  const [hb, binaries, engines] = await Promise.all([loadHarfBuzz(), readFontAssets(bindings.ASSETS), workerEngines(rasterBudget(bindings))])
  return {
    ...bundledData(OFFICE_FILES),
    fonts: loadFontSet(hb, binaries),
    engines,
    observers: [workersAccessLog],
    ...(cache ? { cache } : {}),
  }
}

/** caches.default, where the runtime has one. */
export function defaultCache(): WorkersCache | undefined {
  const storage = (globalThis as { caches?: { default?: WorkersCache } }).caches
  return storage?.default
}

export { createWorkersCache }
