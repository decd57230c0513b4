/**
 * The PNG encoder (src/render/png/encode.ts): what it writes decodes to
 * exactly the pixels resvg drew (compared with resvg's own `asPng()`), as an
 * indexed PNG with PLTE (and tRNS for transparency) when the sign has ≤ 256
 * colours, as truecolour when it has more.
 */
import { convertIndexedToRgb, decode as decodeFastPng } from 'fast-png'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { encodePng, wordRanges, type Deflate, type SamePixels } from '../src/render/png/encode.js'
import { streamDeflate } from '../src/render/png/stream-deflate.js'
import { EXAMPLES } from '../templates/index.js'
import { app } from './helpers/env.js'
import { decodePng } from './helpers/image.js'
import { bytesOf, post } from './helpers/http.js'
import { comparePixels, rasterize } from './helpers/reference.js'
import { nextResvg, nextVersion, resvgFor, STABLE_VERSION } from '../src/node/resvg.js'
import { bufferSamePixels, CALLER_MAX_PIXELS, rasterizeHere, zlibDeflate } from '../src/node/env.js'
import { deflateSync, inflateSync } from 'node:zlib'

/** The IDAT chunks' data, joined. */
function idatOf(png: Uint8Array): Buffer {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const parts: Uint8Array[] = []
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at)
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  return Buffer.concat(parts)
}

/** Chunk types in file order, and IHDR's bit depth and colour type. */
function chunksOf(png: Uint8Array): { types: string[]; depth: number; colourType: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const types: string[] = []
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at)
    types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)))
    at += 12 + length
  }
  return { types, depth: png[24]!, colourType: png[25]! }
}

function expectSamePixels(ours: Uint8Array, svg: string) {
  const a = decodePng(ours)
  const b = rasterize(svg)
  expect([a.width, a.height]).toEqual([b.width, b.height])
  expect(comparePixels(b, a, 0).differing, 'pixels of RGBA that differ from resvg asPng()').toBe(0)
}

function distinctColours(rgba: Uint8Array): number {
  return new Set(new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength / 4)).size
}

/** Small enough to render quickly; screen presets keep their own pixels. */
const SMALL = { dpi: 60 }

describe('PNG encoder', () => {
  for (const [id, example] of Object.entries(EXAMPLES)) {
    it(`${id}: decoded pixels equal resvg's exactly; indexed with PLTE when ≤ 256 colours`, async () => {
      const fields = { ...example, ...SMALL }
      const svg = new TextDecoder().decode(await bytesOf(await post(`/v1/render/${id}.svg`, fields)))
      const png = await bytesOf(await post(`/v1/render/${id}.png`, fields))
      expectSamePixels(png, svg)
      const { types, colourType } = chunksOf(png)
      const colours = distinctColours(decodePng(png).data)
      if (colours <= 256) {
        expect(colourType, `indexed (${colours} colours)`).toBe(3)
        expect(types.slice(0, 2)).toEqual(['IHDR', 'PLTE'])
      } else expect([2, 6], `truecolour (${colours} colours)`).toContain(colourType)
      expect(types.at(-1)).toBe('IEND')
    })
  }

  it('keeps transparency: text on a transparent background gets tRNS, and its alpha decodes as resvg drew it', async () => {
    const path = `/v1/text.png?${new URLSearchParams({ text: 'ᠮᠣᠩᠭᠣᠯ 蒙古', size: '48', background: 'transparent' })}`
    const png = await bytesOf(await app.request(path))
    const svg = await (await app.request(path.replace('.png', '.svg'))).text()
    expectSamePixels(png, svg)
    const { types } = chunksOf(png)
    expect(types).toContain('tRNS')
    const raster = decodePng(png)
    const alphas = new Set<number>()
    for (let i = 3; i < raster.data.length; i += 4) alphas.add(raster.data[i]!)
    expect(alphas.has(0), 'fully transparent background').toBe(true)
    expect(alphas.has(255), 'solid ink').toBe(true)
    expect(alphas.size, 'anti-aliased edges keep their partial alpha').toBeGreaterThan(2)
  })

  it('slogan-banner at its own preset is indexed at 8 bits or fewer, its palette the colours resvg drew, its pixels resvg’s as fast-png reads them', async () => {
    const fields = EXAMPLES['slogan-banner']
    const svg = await (await post('/v1/render/slogan-banner.svg', fields)).text()
    const png = await bytesOf(await post('/v1/render/slogan-banner.png', fields))
    // What resvg drew, counted without our encoder; an opaque banner, so RGB says it all.
    const drawn = rasterize(svg)
    const rgb = new Uint8Array(drawn.width * drawn.height * 3)
    for (let i = 0; i < drawn.width * drawn.height; i++) rgb.set(drawn.data.subarray(i * 4, i * 4 + 3), i * 3)
    const colours = new Set(Array.from({ length: drawn.width * drawn.height }, (_, i) => (rgb[i * 3]! << 16) | (rgb[i * 3 + 1]! << 8) | rgb[i * 3 + 2]!)).size
    expect(colours).toBeLessThanOrEqual(256)
    const { colourType, depth } = chunksOf(png)
    expect(colourType).toBe(3)
    expect(depth).toBeLessThanOrEqual(8)
    // A second decoder, not the one expectSamePixels uses.
    const read = decodeFastPng(png)
    expect([read.width, read.height]).toEqual([drawn.width, drawn.height])
    expect(read.palette?.length, 'one palette entry per colour drawn').toBe(colours)
    expect(read.transparency, 'opaque: no tRNS').toBeUndefined()
    expect(Buffer.from(convertIndexedToRgb(read)).equals(Buffer.from(rgb)), 'pixels as resvg drew them').toBe(true)
  })

  it('falls back to truecolour past 256 colours: a display board with a photo-like picture', async () => {
    const photo = new PNG({ width: 64, height: 48 })
    for (let i = 0; i < 64 * 48; i++) {
      // Every pixel its own colour, as in a photograph.
      photo.data[i * 4] = (i * 7) & 0xff
      photo.data[i * 4 + 1] = (i >> 3) & 0xff
      photo.data[i * 4 + 2] = (i * 13) & 0xff
      photo.data[i * 4 + 3] = 255
    }
    const src = `data:image/png;base64,${PNG.sync.write(photo).toString('base64')}`
    const board = EXAMPLES['display-board']!
    const images = (board.images as Record<string, unknown>[]).map((img) => ({ ...img, src }))
    const fields = { ...board, images, preset: 'screen-1920x1080' }
    const svg = await (await post('/v1/render/display-board.svg', fields)).text()
    const png = await bytesOf(await post('/v1/render/display-board.png', fields))
    expectSamePixels(png, svg)
    const { types, colourType, depth } = chunksOf(png)
    expect(colourType, 'truecolour (opaque, so RGB)').toBe(2)
    expect(depth).toBe(8)
    expect(types).not.toContain('PLTE')
  })

  it('writes truecolour with alpha past 256 translucent colours, demultiplied as tiny-skia does', async () => {
    const width = 20
    const height = 20
    const pixels = new Uint8Array(width * height * 4)
    const straight = new Uint8Array(width * height * 4)
    for (let i = 0; i < width * height; i++) {
      const a = 1 + (i % 255)
      const rgb = [i & 0xff, (i * 3) & 0xff, 255 - (i & 0xff)]
      // Premultiplied as resvg keeps it; straight is what a decoder must give back.
      const pre = rgb.map((c) => Math.round((c * a) / 255))
      pixels.set([...pre, a], i * 4)
      straight.set([...pre.map((c) => Math.min(255, Math.floor(c / (a / 255) + 0.5))), a], i * 4)
    }
    const png = await encodePng({ width, height, pixels }, zlibDeflate)
    expect(chunksOf(png)).toMatchObject({ depth: 8, colourType: 6 })
    expect(decodePng(png).data).toEqual(straight)
  })

  it('packs few colours into fewer bits, and Node zlib and workerd\'s deflate (CompressionStream, pako for Z_RLE) write the same bytes', async () => {
    const width = 13
    const height = 5
    const pixels = new Uint8Array(width * height * 4)
    for (let i = 0; i < width * height; i++) pixels.set(i % 3 === 0 ? [0, 0, 0, 255] : i % 3 === 1 ? [255, 255, 255, 255] : [200, 0, 0, 255], i * 4)
    const a = await encodePng({ width, height, pixels }, zlibDeflate)
    const b = await encodePng({ width, height, pixels }, streamDeflate)
    expect(chunksOf(a)).toMatchObject({ depth: 2, colourType: 3 })
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    const decoded = decodePng(a)
    expect([...decoded.data.subarray(0, 12)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 200, 0, 0, 255])
    expect([...decoded.data.subarray(-4)]).toEqual([...pixels.subarray(-4)])
  })

  it('deflates truecolour rows as they are filtered, to the bytes of one deflate of all of them, on Node and with workerd\'s deflate', async () => {
    // 300 rows (five chunks of filtered rows), 1,500 colours: truecolour.
    const width = 5
    const height = 300
    const pixels = new Uint8Array(width * height * 4)
    for (let i = 0; i < width * height; i++) pixels.set([i & 0xff, (i >> 8) * 40, (i * 7) & 0xff, 255], i * 4)
    let chunks = 0
    // Concatenates what it is handed and deflates it in one call.
    const whole: Deflate = async (data) => {
      const parts = data instanceof Uint8Array ? [data] : [...data]
      chunks = parts.length
      return deflateSync(Buffer.concat(parts))
    }
    const reference = Buffer.from(await encodePng({ width, height, pixels }, whole))
    expect(chunks).toBe(5)
    expect(chunksOf(reference)).toMatchObject({ depth: 8, colourType: 2 })
    expect(Buffer.from(await encodePng({ width, height, pixels }, zlibDeflate)).equals(reference)).toBe(true)
    expect(Buffer.from(await encodePng({ width, height, pixels }, streamDeflate)).equals(reference)).toBe(true)
  })

  it('indexes a first pixel of opaque white (the word -1) and every colour after it', async () => {
    // The indexer reads pixels as signed words, where opaque white is -1: the value a "no colour yet" marker could take.
    const width = 7
    const height = 3
    const pixels = new Uint8Array(width * height * 4)
    for (let i = 0; i < width * height; i++) pixels.set(i === 0 || i % 4 === 1 ? [255, 255, 255, 255] : i % 4 === 2 ? [200, 0, 0, 255] : [0, 0, 0, 255], i * 4)
    const png = await encodePng({ width, height, pixels }, zlibDeflate)
    expect(chunksOf(png)).toMatchObject({ colourType: 3 })
    expect(decodePng(png).data).toEqual(pixels)
  })

  // QOYAR_RESVG=next rasterizes sheets up to 6 MP with resvg-js 2.7.0-alpha.2 where it loads
  // (src/node/resvg.ts); everything else uses 2.6.2. Same pixels.
  describe.runIf(nextVersion() !== undefined)(`resvg-js ${nextVersion()} beside ${STABLE_VERSION}`, () => {
    for (const [id, example] of Object.entries(EXAMPLES))
      it(`${id} at 150 dpi: the same pixels from both builds`, async () => {
        const svg = new TextDecoder().decode(await bytesOf(await post(`/v1/render/${id}.svg`, { ...example, dpi: 150 })))
        const options = { font: { loadSystemFonts: false }, fitTo: { mode: 'original' as const } }
        const ours = new (nextResvg()!.Resvg)(svg, options).render()
        const old = new (resvgFor(Infinity).Resvg)(svg, options).render()
        expect([ours.width, ours.height]).toEqual([old.width, old.height])
        expect(Buffer.compare(ours.pixels, old.pixels), 'pixel bytes differ').toBe(0)
      })
  })

  describe('indexed rows for Z_RLE', () => {
    for (const [id, example] of Object.entries(EXAMPLES))
      it(`${id}: workerd's deflate writes the bytes Node serves; one filter, None or Up`, async () => {
        const fields = { ...example, ...SMALL }
        const svg = new TextDecoder().decode(await bytesOf(await post(`/v1/render/${id}.svg`, fields)))
        const served = await bytesOf(await post(`/v1/render/${id}.png`, fields))
        const image = new (resvgFor(Infinity).Resvg)(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render()
        const edge = await encodePng({ width: image.width, height: image.height, pixels: image.pixels }, streamDeflate)
        expect(Buffer.compare(Buffer.from(edge), Buffer.from(served)), 'PNG bytes from pako/CompressionStream and node:zlib').toBe(0)
        const { colourType, depth } = chunksOf(served)
        if (colourType !== 3) return
        const rows = inflateSync(idatOf(served))
        const stride = Math.ceil((image.width * depth) / 8) + 1
        expect(rows.length).toBe(stride * image.height)
        // One filter for the image: None throughout, or Up from the second row (Up of the first is None).
        const filters = new Set<number>()
        for (let y = 1; y < image.height; y++) filters.add(rows[y * stride]!)
        expect(rows[0]).toBe(0)
        expect([[0], [2]], `filters ${[...filters]}`).toContainEqual([...filters])
      })
  })

  describe('spans equal to the row above', () => {
    /** Scans every pixel: the encoder as it was before spans were copied. */
    const neverSame: SamePixels = () => () => false
    /** Node's memcmp, counting the spans it found equal. */
    const counting = (): { same: SamePixels; equal: () => number } => {
      let equal = 0
      return {
        same: (pixels) => {
          const inner = bufferSamePixels(pixels)
          return (a, b, n) => (inner(a, b, n) ? (equal++, true) : false)
        },
        equal: () => equal,
      }
    }
    /**
     * 700 × 40 (wide enough to be split into spans, and not a multiple of
     * the 256-pixel span): vertical bars, with a dot that moves 17 pixels a
     * row and a band of rows where the right half changes colour, so some
     * spans repeat the row above and some do not.
     */
    function bars(colours: number): Uint8Array {
      const width = 700
      const height = 40
      const px = new Uint8Array(width * height * 4)
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          let c = Math.floor(x / 9) % colours
          if (x === (y * 17) % width) c = (c + 1) % colours
          if (y >= 20 && y < 26 && x >= 350) c = (c + 2) % colours
          px.set([c * 17, 255 - c * 9, (c * 53) % 256, 255], (y * width + x) * 4)
        }
      return px
    }
    const cases: [name: string, width: number, height: number, pixels: () => Uint8Array][] = [
      ['bars in 40 colours (8-bit indices)', 700, 40, () => bars(40)],
      ['bars in 3 colours (2-bit indices)', 700, 40, () => bars(3)],
    ]
    for (const [name, width, height, pixels] of cases)
      it(`${name}: the same bytes as scanning every pixel, with Node's memcmp and the portable word loop`, async () => {
        const rgba = { width, height, pixels: pixels() }
        const reference = Buffer.from(await encodePng(rgba, zlibDeflate, neverSame))
        const spy = counting()
        expect(Buffer.from(await encodePng(rgba, zlibDeflate, spy.same)).equals(reference)).toBe(true)
        expect(Buffer.from(await encodePng(rgba, zlibDeflate, wordRanges)).equals(reference)).toBe(true)
        expect(spy.equal(), 'spans copied from the row above').toBeGreaterThan(10)
        expect(decodePng(reference).data).toEqual(rgba.pixels)
      })

    it('desk card at 300 dpi (Up filter): the same bytes as scanning every pixel, most spans copied', async () => {
      const svg = new TextDecoder().decode(await bytesOf(await post('/v1/render/desk-card.svg', { ...EXAMPLES['desk-card'], dpi: 300 })))
      const image = new (resvgFor(Infinity).Resvg)(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render()
      const rgba = { width: image.width, height: image.height, pixels: image.pixels }
      const reference = Buffer.from(await encodePng(rgba, zlibDeflate, neverSame))
      const spy = counting()
      const ours = Buffer.from(await encodePng(rgba, zlibDeflate, spy.same))
      expect(ours.equals(reference)).toBe(true)
      expect(spy.equal(), 'spans copied').toBeGreaterThan(image.height)
      // Filter Up was chosen, so the zeroed gaps between computed spans are in these bytes.
      const rows = inflateSync(idatOf(ours))
      expect(rows[(image.height - 1) * (image.width + 1)]).toBe(2)
    })
  })

  it('rasterizes on the calling thread on worker threads, and on the main thread up to CALLER_MAX_PIXELS', () => {
    expect(rasterizeHere(2362 * 2362, false)).toBe(true)
    expect(rasterizeHere(2362 * 2362, true)).toBe(false)
    expect(rasterizeHere(CALLER_MAX_PIXELS, true)).toBe(true)
    expect(rasterizeHere(CALLER_MAX_PIXELS + 1, true)).toBe(false)
  })

  it('keeps the smaller deflate for a small image: a text image is no larger than with either strategy alone', async () => {
    const svg = await (await app.request(`/v1/text.svg?${new URLSearchParams({ text: 'ᠮᠣᠩᠭᠣᠯ 2024年度 蒙古族学校', size: '64' })}`)).text()
    const image = new (resvgFor(Infinity).Resvg)(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render()
    const rgba = { width: image.width, height: image.height, pixels: image.pixels }
    const ours = await encodePng(rgba, zlibDeflate)
    const onlyDefault = await encodePng(rgba, (d) => zlibDeflate(d, 'default'))
    const onlyRuns = await encodePng(rgba, (d) => zlibDeflate(d, 'runs'))
    expect(ours.length).toBeLessThanOrEqual(Math.min(onlyDefault.length, onlyRuns.length))
    // Anti-aliased glyph edges: zlib's default strategy wins here by a wide margin.
    expect(onlyRuns.length / onlyDefault.length).toBeGreaterThan(1.15)
    expect(decodePng(ours).data).toEqual(decodePng(onlyDefault).data)
  })
})

