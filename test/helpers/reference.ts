/**
 * Reference renders, as resvg's own test suite keeps them: a small PNG of each
 * case and the SHA-256 of its SVG in test/reference/, with the build version
 * (package, RENDER_VERSION, fonts) and template version they were made under.
 * Pixels are compared with a tolerance; the SVG hash must not change under the
 * same versions, because those versions are what the ETag is made of.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import { PNG } from 'pngjs'
import { decodePng, type Raster } from './image.js'

export const REFERENCE_DIR = new URL('../reference/', import.meta.url)
export const OUT_DIR = new URL('../out/reference/', import.meta.url)
const MANIFEST = new URL('manifest.json', REFERENCE_DIR)

/** A stored reference's area and longest side at most, px: small enough to keep the folder small, large enough to show a line move. */
export const REFERENCE_PIXELS = 250_000
export const REFERENCE_SIDE = 1200
/** A pixel differs when a channel moves by more than this (0–255): above resvg's anti-aliasing noise. */
export const CHANNEL_THRESHOLD = 40
/** A render matches when at most this fraction of its pixels differ. */
export const ALLOWED_FRACTION = 0.001

export const UPDATE_COMMAND = 'UPDATE_REFS=1 npm test'
export const updating = process.env.UPDATE_REFS === '1'

export interface ReferenceEntry {
  /** SHA-256 of the SVG the app serves. */
  svg: string
  /** The ETag it was served under: the same ETag must always mean the same SVG. */
  etag: string
  /** env.version: package version, RENDER_VERSION and the fonts' digest, as in every ETag. */
  build: string
  /** The template's version, as in its ETags; absent for /v1/text. */
  templateVersion?: number
  width: number
  height: number
}

export type Manifest = Record<string, ReferenceEntry>

export function readManifest(): Manifest {
  // Written only by writeManifest below, so its shape is ours.
  return existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest) : {}
}

export function writeManifest(m: Manifest): void {
  const sorted = Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)))
  writeFileSync(MANIFEST, JSON.stringify(sorted, null, 2) + '\n')
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** The SVG drawn at its own size by resvg (the PNG route's renderer), as a reader decodes its PNG. */
export const rasterize = (svg: string): Raster => decodePng(new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng())

/** The SVG drawn small, by the renderer the PNG route uses. */
export function rasterizeSmall(svg: string): Uint8Array {
  const size = new Resvg(svg, { font: { loadSystemFonts: false } })
  // Banners are long and thin: bound the area too, so a 10 m cloth still gets lines of type to look at.
  const scale = Math.min(1, REFERENCE_SIDE / Math.max(size.width, size.height), Math.sqrt(REFERENCE_PIXELS / (size.width * size.height)))
  const fit = { mode: 'width' as const, value: Math.max(1, Math.round(size.width * scale)) }
  return new Uint8Array(new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: fit }).render().asPng())
}

export const referencePng = (name: string) => new URL(`${name}.png`, REFERENCE_DIR)

export function readReference(name: string): Raster | null {
  const file = referencePng(name)
  return existsSync(file) ? decodePng(readFileSync(file)) : null
}

export interface PixelDiff {
  /** Pixels with a channel off by more than the threshold. */
  differing: number
  fraction: number
  /** The largest change of any channel, 0–255. */
  worst: number
  /** Where they are: red over a faded copy of the expected image; drawn only when asked, for a failure's diff image. */
  map(): Raster
}

export function comparePixels(expected: Raster, actual: Raster, threshold = CHANNEL_THRESHOLD): PixelDiff {
  if (expected.width !== actual.width || expected.height !== actual.height) throw new Error('sizes differ')
  const offAt = (i: number) => {
    let worst = 0
    for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(expected.data[i + c]! - actual.data[i + c]!))
    return worst
  }
  let differing = 0
  let worst = 0
  for (let i = 0; i < expected.data.length; i += 4) {
    const d = offAt(i)
    if (d > threshold) differing++
    if (d > worst) worst = d
  }
  const map = (): Raster => {
    const data = new Uint8Array(expected.data.length)
    for (let i = 0; i < expected.data.length; i += 4) {
      if (offAt(i) > threshold) data.set([255, 0, 0, 255], i)
      else {
        // Faded, so the red stands out; alpha kept so transparent cases stay readable.
        const a = expected.data[i + 3]! / 255
        const grey = 255 - Math.round((255 - (0.299 * expected.data[i]! + 0.587 * expected.data[i + 1]! + 0.114 * expected.data[i + 2]!)) * a * 0.3)
        data.set([grey, grey, grey, 255], i)
      }
    }
    return { width: expected.width, height: expected.height, data }
  }
  return { differing, fraction: differing / (expected.width * expected.height), worst, map }
}

const GAP = 8

/** expected | actual | diff side by side in test/out/reference/<name>.png, for people to look at. */
export function writeDiff(name: string, expected: Raster, actual: Raster, map: Raster | null): string {
  mkdirSync(OUT_DIR, { recursive: true })
  const panels = map ? [expected, actual, map] : [expected, actual]
  const width = panels.reduce((w, p) => w + p.width, 0) + GAP * (panels.length - 1)
  const height = Math.max(...panels.map((p) => p.height))
  const png = new PNG({ width, height })
  png.data.fill(0x80) // mid grey between and below the panels
  let x0 = 0
  for (const p of panels) {
    for (let y = 0; y < p.height; y++)
      for (let x = 0; x < p.width; x++) {
        const from = (y * p.width + x) * 4
        const to = (y * width + x0 + x) * 4
        // Composite on white so transparent renders read as they would on a page.
        const a = p.data[from + 3]! / 255
        for (let c = 0; c < 3; c++) png.data[to + c] = Math.round(p.data[from + c]! * a + 255 * (1 - a))
        png.data[to + 3] = 255
      }
    x0 += p.width + GAP
  }
  const file = new URL(`${name}.png`, OUT_DIR)
  writeFileSync(file, PNG.sync.write(png))
  return file.pathname
}
