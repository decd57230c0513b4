/**
 * The Node runtime's half of AppEnv: fonts read from fonts/ (once), HarfBuzz
 * from the harfbuzzjs package, satori, resvg-js for PNG, PDFKit for PDF, and
 * an in-memory render cache (QOYAR_CACHE_MB, default 64; 0 turns it off),
 * and the office's data directory (QOYAR_DATA) merged over the built-in data.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { isMainThread } from 'node:worker_threads'
import { once } from 'node:events'
import { constants as zlibConstants, createDeflate, deflate } from 'node:zlib'
import { resvgFor } from './resvg.js'
import satori from 'satori'
import { bundledData, MANIFEST } from '../bundled.js'
import type { AppEnv } from '../env.js'
import { loadFontSet, type FontBinary } from '../fonts/font-set.js'
import type { HarfBuzz } from '../fonts/harfbuzz.js'
import type { FontManifest } from '../fonts/manifest.js'
import type { Engines } from '../render/engines.js'
import { encodePng, type Deflate, type DeflateStrategy, type SamePixels } from '../render/png/encode.js'
import { cacheBytesFromEnv, createNodeCache } from './cache.js'
import { readOfficeDir } from './office-files.js'
import { openPdf, writePdf } from './pdf.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const require = createRequire(import.meta.url)

export async function loadHarfBuzz(): Promise<HarfBuzz> {
  // harfbuzzjs is CommonJS and exports a promise of the API.
  return (await require('harfbuzzjs')) as HarfBuzz
}

export async function readFontBinaries(manifest: FontManifest): Promise<FontBinary[]> {
  return Promise.all(
    manifest.fonts.map(async (entry) => {
      const b = await readFile(`${root}fonts/${entry.file}`)
      return { entry, data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer }
    }),
  )
}

const deflateAsync = promisify(deflate)

const zlibOptions = (strategy: DeflateStrategy) => ({
  level: zlibConstants.Z_DEFAULT_COMPRESSION,
  strategy: strategy === 'runs' ? zlibConstants.Z_RLE : zlibConstants.Z_DEFAULT_STRATEGY,
})

/**
 * zlib at its default level, with its default strategy or Z_RLE: what
 * workerd writes too (CompressionStream; pako for Z_RLE), so both runtimes
 * serve the same PNG bytes. On the libuv pool, off the event loop; chunks
 * through one stream, each written once the last was taken.
 */
export const zlibDeflate: Deflate = async (data, strategy) => {
  if (data instanceof Uint8Array) return deflateAsync(data, zlibOptions(strategy))
  const z = createDeflate(zlibOptions(strategy))
  const out: Buffer[] = []
  z.on('data', (c: Buffer) => out.push(c))
  const ended = once(z, 'end')
  // Handled here too: a stream error while a write waits on 'drain' rejects both, and that wait is what throws.
  ended.catch(() => undefined)
  for (const chunk of data) if (!z.write(chunk)) await once(z, 'drain')
  z.end()
  await ended
  return Buffer.concat(out)
}

/** Pixel spans compared by memcmp (Buffer#compare with offsets, so no view is made per span). */
export const bufferSamePixels: SamePixels = (pixels) => {
  const bytes = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength)
  return (a, b, n) => bytes.compare(bytes, a * 4, (a + n) * 4, b * 4, (b + n) * 4) === 0
}

/**
 * Canvases up to this many pixels are rasterized on the calling thread. A
 * render on libuv's pool measured 1.3-1.6x the time of the same render on the
 * caller (2.6.2, interleaved, p50: banner 9.4 against 6.0 ms, 150 dpi desk
 * card 14.0 against 9.7, 300 dpi 45 against 30), so the pool pays only where
 * blocking the caller costs more: the main thread, for big canvases. 2 MP is
 * ≈ 10 ms of blocking at most.
 */
export const CALLER_MAX_PIXELS = 2_000_000

/** Whether to rasterize on this thread: always on a worker thread (its loop serves nothing else), up to CALLER_MAX_PIXELS on the main one. */
export const rasterizeHere = (pixels: number, mainThread = isMainThread) => !mainThread || pixels <= CALLER_MAX_PIXELS

const RESVG_OPTIONS = { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } } as const

export const nodeEngines: Engines = {
  satori: satori as Engines['satori'],
  async rasterize(svg, { width, height }) {
    // System fonts off: text is already drawn as paths, and scanning installed fonts costs ~20 ms a render.
    const resvg = resvgFor(width * height)
    const image = rasterizeHere(width * height) ? new resvg.Resvg(svg, RESVG_OPTIONS).render() : await resvg.renderAsync(svg, RESVG_OPTIONS)
    // Our encoder, not asPng(): an exact palette when the sign has ≤ 256 colours.
    return encodePng({ width: image.width, height: image.height, pixels: image.pixels }, zlibDeflate, bufferSamePixels)
  },
  pdf: writePdf,
  openPdf,
}

let cached: Promise<AppEnv> | undefined

/** The process-wide environment: fonts parsed once and shared by every request. */
export function nodeEnv(): Promise<AppEnv> {
  cached ??= (async () => {
    // QOYAR_DATA (or `--data`, which the entries copy into it, so worker threads see it too): the office's own data.
    const data = process.env.QOYAR_DATA
    const [hb, binaries, office] = await Promise.all([loadHarfBuzz(), readFontBinaries(MANIFEST), data ? readOfficeDir(data) : undefined])
    const cacheBytes = cacheBytesFromEnv(process.env.QOYAR_CACHE_MB)
    return {
      ...bundledData(office),
      fonts: loadFontSet(hb, binaries),
      engines: nodeEngines,
      ...(cacheBytes > 0 ? { cache: createNodeCache({ maxBytes: cacheBytes }) } : {}),
    }
  })()
  return cached
}
