/**
 * The two engines a render needs, handed in by the runtime entry: satori
 * (element tree → SVG; Node imports it directly, workerd needs its
 * standalone build initialised with precompiled WASM) and a rasterizer
 * (resvg-js on Node, resvg-wasm on Workers).
 */
import type { SatoriOptions } from 'satori'

export type Satori = (element: never, options: SatoriOptions) => Promise<string>

export interface RasterOptions {
  width: number
  height: number
}

export type Rasterize = (svg: string, options: RasterOptions) => Promise<Uint8Array>

export interface Engines {
  satori: Satori
  rasterize: Rasterize
}
