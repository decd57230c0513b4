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

/** Draws a print document (sheets in mm, SVG items, crop marks) as a vector PDF. */
export type WritePdf = (doc: import('./print.js').PrintDocument) => Promise<Uint8Array>

/** A PDF written sheet by sheet, its bytes streaming out as it grows (bulk rendering). */
export interface PdfSink {
  readable: ReadableStream<Uint8Array>
  add(sheet: import('./print.js').PrintSheet): void
  finish(): void
}

export type OpenPdf = (title: string) => PdfSink

export interface Engines {
  satori: Satori
  rasterize: Rasterize
  /** Absent where the runtime has no PDF writer; PDF requests then say so. */
  pdf?: WritePdf
  openPdf?: OpenPdf
}
