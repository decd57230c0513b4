/**
 * PNG from resvg's pixels (premultiplied RGBA, row-major): an exact-palette
 * indexed PNG when the image has at most 256 colours (signs usually have a
 * few dozen), truecolour otherwise. Pure: the zlib deflate is handed in by the
 * runtime, so Node and workerd write the same bytes when their deflates agree.
 */
import { crc32 } from './crc32.js'
import { concatBytes } from '../../bytes.js'

/**
 * zlib-format (RFC 1950) compression of the whole input, at zlib's default
 * level, with its default strategy or Z_RLE ('runs': matches at distance 1
 * only). Runtimes must write zlib's own bytes for both, so Node and workerd
 * serve the same PNG. The input is one buffer or chunks made as they are
 * read (truecolour rows), which zlib without flushes compresses to the same
 * bytes as their concatenation.
 */
export type Deflate = (data: DeflateInput, strategy: DeflateStrategy) => Promise<Uint8Array>
export type DeflateInput = Uint8Array<ArrayBuffer> | Iterable<Uint8Array<ArrayBuffer>>
export type DeflateStrategy = 'default' | 'runs'

export interface RgbaImage {
  width: number
  height: number
  /** Premultiplied RGBA, 4 bytes a pixel, as tiny-skia (resvg) keeps its pixmap. */
  pixels: Uint8Array
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const MAX_PALETTE = 256

const enum ColourType {
  Truecolour = 2,
  Indexed = 3,
  TruecolourAlpha = 6,
}

export async function encodePng(image: RgbaImage, deflate: Deflate, samePixels: SamePixels = wordRanges): Promise<Uint8Array> {
  const { width, height } = image
  if (image.pixels.byteLength !== width * height * 4) throw new Error(`encodePng: ${image.pixels.byteLength} bytes for ${width}×${height} RGBA`)
  const chunks: Uint8Array[] = []
  const indexed = indexColours(image.pixels, width, height, samePixels)
  if (indexed) {
    const { palette, depth } = indexed
    chunks.push(chunk('IHDR', header(width, height, depth, ColourType.Indexed)))
    chunks.push(chunk('PLTE', paletteRgb(palette)))
    const alphas = paletteAlpha(palette)
    if (alphas.length > 0) chunks.push(chunk('tRNS', alphas))
    chunks.push(chunk('IDAT', await deflateIndexed(indexed, height, deflate)))
  } else {
    const opaque = isOpaque(image.pixels)
    chunks.push(chunk('IHDR', header(width, height, 8, opaque ? ColourType.Truecolour : ColourType.TruecolourAlpha)))
    chunks.push(chunk('IDAT', await deflate(filterAdaptive(image.pixels, width, height, opaque ? 3 : 4), 'default')))
  }
  chunks.push(chunk('IEND', new Uint8Array(0)))
  return concatBytes([SIGNATURE, ...chunks])
}

/**
 * Straight alpha, rounded exactly as tiny-skia's own PNG writer does
 * (c / (a / 255) + 0.5, which equals this integer form), so decoded pixels
 * match resvg's `asPng()` bit for bit.
 */
function demultiplyInto(out: Uint8Array, i: number): void {
  const a = out[i + 3]!
  if (a === 255) return
  if (a === 0) {
    out[i] = out[i + 1] = out[i + 2] = 0
    return
  }
  const half = a >> 1
  out[i] = Math.min(255, Math.floor((out[i]! * 255 + half) / a))
  out[i + 1] = Math.min(255, Math.floor((out[i + 1]! * 255 + half) / a))
  out[i + 2] = Math.min(255, Math.floor((out[i + 2]! * 255 + half) / a))
}

/** One row of premultiplied RGBA as straight RGB (3 channels) or RGBA (4) into `out`. */
function straightRow(premultiplied: Uint8Array, y: number, width: number, channels: 3 | 4, px: Uint8Array, out: Uint8Array): void {
  for (let x = 0, i = y * width * 4, o = 0; x < width; x++, i += 4, o += channels) {
    px[0] = premultiplied[i]!
    px[1] = premultiplied[i + 1]!
    px[2] = premultiplied[i + 2]!
    px[3] = premultiplied[i + 3]!
    demultiplyInto(px, 0)
    out[o] = px[0]!
    out[o + 1] = px[1]!
    out[o + 2] = px[2]!
    if (channels === 4) out[o + 3] = px[3]!
  }
}

interface Indexed {
  /** Straight RGBA as 0xAABBGGRR (little-endian words), in index order. */
  palette: Uint32Array
  depth: 1 | 2 | 4 | 8
  /** Scanlines (filter byte 0, then packed indices), unfiltered. */
  rows: Uint8Array<ArrayBuffer>
  /**
   * At depth 8, where in `rows` (start, length, in pairs) pixels differ from
   * the ones above; filter Up is zero everywhere else.
   */
  changed?: Int32Array
}

/**
 * Whether pixels [a, a + n) and [b, b + n) of the image are equal. Node's is
 * a native memcmp (Buffer#compare with offsets, ≈ 0.1 µs a call); elsewhere
 * a loop over the words (`wordRanges`). Only speed depends on which.
 */
export type SamePixels = (pixels: Uint8Array) => (a: number, b: number, n: number) => boolean

/** The portable SamePixels: a loop over 32-bit words. */
export const wordRanges: SamePixels = (pixels) => {
  const words = wordsOf(pixels)
  return (a, b, n) => {
    for (let k = 0; k < n; k++) if (words[a + k] !== words[b + k]) return false
    return true
  }
}

/** The pixels as signed 32-bit words, copied only when the bytes are not 4-aligned. */
function wordsOf(pixels: Uint8Array): Int32Array {
  const aligned = pixels.byteOffset % 4 === 0 ? pixels : pixels.slice()
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4)
}

/**
 * The fewest pixels a row is compared with the row above in. A span equal to
 * the one above is indexed by copying its indices, with no JS per pixel.
 * Rows narrower than two spans (text images) are scanned whole. Of 64-512,
 * 256 was fastest over the templates (the 300 dpi desk card's encode 24 → 15
 * ms at the minimum, the banner's unchanged: its rows change all along).
 */
const SPAN = 256

/** A growable list of int pairs. */
class Pairs {
  private data = new Int32Array(256)
  length = 0
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = a
    this.data[this.length++] = b
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length)
  }
}

/**
 * The exact palette, or null past 256 colours. Entries keep first-seen order,
 * so the output depends on the pixels alone. Colours are collected
 * premultiplied and only the palette is demultiplied (two premultiplied
 * values that demultiply alike just make two equal entries: still exact).
 * Runs of one colour (most of a sign) take one map lookup and one fill, and
 * spans equal to the row above a copy (SPAN).
 *
 * Rows are filtered (None or Up, upIsFewerChanges) for Z_RLE and deflated with it: on
 * the templates that is as small as filter None at zlib's default strategy or
 * smaller, and 4-5x faster (the 300 dpi desk card: 55 KB in 4 ms against
 * 59 KB in 17 ms; the door plaque 84 KB against 130 KB).
 */
function indexColours(premultiplied: Uint8Array, width: number, height: number, samePixels: SamePixels): Indexed | null {
  // Signed words: an opaque colour (alpha 0xff) is past 2^31 as unsigned, which V8 keeps as a boxed
  // double, making every compare and Map lookup slow; as int32 it stays a small integer (2.5-7x faster).
  const words = wordsOf(premultiplied)
  const sameAbove = samePixels(premultiplied)
  const seen = new Map<number, number>()
  const order: number[] = []
  const stride = width + 1
  // Written as 8-bit rows straight away; packed below when fewer bits do.
  const rows = new Uint8Array(stride * height)
  const changed = new Pairs()
  let lastWord = 0
  let lastIdx = -1
  /** Indexes pixels [x0, x0 + n) of row y into `rows` from `at`; false past 256 colours. */
  const scan = (y: number, x0: number, n: number, at: number): boolean => {
    if (y > 0) changed.push(at, n)
    // A run of one colour costs one lookup and one native fill (the rows start as index 0).
    for (let i = y * width + x0, end = i + n, o = at; i < end; ) {
      const w = words[i]!
      let j = i + 1
      while (j < end && words[j] === w) j++
      let idx = lastIdx
      if (w !== lastWord || idx < 0) {
        const known = seen.get(w)
        if (known === undefined) {
          if (order.length === MAX_PALETTE) return false
          idx = order.length
          seen.set(w, idx)
          order.push(w)
        } else idx = known
        lastWord = w
        lastIdx = idx
      }
      if (idx !== 0) rows.fill(idx, o, o + j - i)
      o += j - i
      i = j
    }
    return true
  }
  /**
   * Pixels [x0, x0 + n) of row y > 0: copied from the row above when equal,
   * else halved down to SPAN and scanned, so a row that differs in one place
   * costs a few compares rather than one a span.
   */
  const indexSpan = (y: number, x0: number, n: number): boolean => {
    const at = y * stride + 1 + x0
    const rowAt = y * width + x0
    if (sameAbove(rowAt - width, rowAt, n)) {
      rows.copyWithin(at, at - stride, at - stride + n)
      return true
    }
    if (n <= SPAN) return scan(y, x0, n, at)
    const half = Math.ceil(n / 2 / SPAN) * SPAN
    return indexSpan(y, x0, half) && indexSpan(y, x0 + half, n - half)
  }
  const whole = width < 2 * SPAN
  for (let y = 0; y < height; y++) if (!(y === 0 || whole ? scan(y, 0, width, y * stride + 1) : indexSpan(y, 0, width))) return null
  const bytes = new Uint8Array(Uint32Array.from(order).buffer)
  for (let j = 0; j < bytes.length; j += 4) demultiplyInto(bytes, j)
  const palette = new Uint32Array(bytes.buffer)
  const depth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8
  return depth === 8 ? { palette, depth, rows, changed: changed.view() } : { palette, depth, rows: pack(rows, width, height, depth) }
}

/**
 * Below this many bytes of rows both ways are deflated and the smaller kept:
 * a text image's anti-aliased edges change colour every few pixels, where
 * Z_RLE writes 1.3-1.5x the bytes of zlib's default (mixed-40: 14.9 KB
 * against 11.0 KB), while a sign's flat areas favour Z_RLE. Small images
 * cost little to deflate twice; above this, Z_RLE alone (the signs).
 */
const BOTH_BELOW_BYTES = 512 * 1024

/** Scanlines → deflated: Z_RLE after filter None or Up, or (small images) the smaller of that and filter None at the default strategy. */
async function deflateIndexed({ rows, changed }: Indexed, height: number, deflate: Deflate): Promise<Uint8Array> {
  const stride = rows.length / height
  // A copy for the default strategy: the runtime may read its input after filterUpInPlace has changed `rows`.
  const plain = rows.length < BOTH_BELOW_BYTES ? deflate(rows.slice(), 'default') : undefined
  // In place: a second image-sized buffer measured 1.6x slower in the service (more external memory, more full GCs).
  if (upIsFewerChanges(rows, stride, height)) filterUpInPlace(rows, stride, height, changed)
  const runs = deflate(rows, 'runs')
  if (!plain) return runs
  const [a, b] = await Promise.all([plain, runs])
  return a.length <= b.length ? a : b
}

/** Every this many rows is weighed when choosing the filter: the choice is the whole image's. */
const SAMPLE_EVERY = 8

/**
 * Filter None or Up for the whole image, whichever leaves fewer changes
 * between neighbouring bytes on a sample of its rows: under Z_RLE every change
 * starts a new literal or run, so the count is close to the cost. Up suits
 * signs whose rows repeat with breaks (the desk card: 55 KB against 69 KB),
 * None those with long flat rows (the letterhead: 38 KB against 46 KB);
 * weighing every row was slower than the deflate it saved.
 */
function upIsFewerChanges(rows: Uint8Array, stride: number, height: number): boolean {
  let none = 0
  let up = 0
  for (let y = 1; y < height; y += SAMPLE_EVERY) {
    const at = y * stride
    let prevNone = rows[at + 1]!
    let prevUp = (prevNone - rows[at + 1 - stride]!) & 0xff
    for (let x = at + 2, end = at + stride; x < end; x++) {
      const v = rows[x]!
      const u = (v - rows[x - stride]!) & 0xff
      if (v !== prevNone) none++
      if (u !== prevUp) up++
      prevNone = v
      prevUp = u
    }
  }
  return up < none
}

/**
 * Filter Up on every row but the first (Up of row 0 is None), in place,
 * last byte first so each reads the unfiltered row above. Where `changed`
 * lists the spans that differ from the row above (in order), only those are
 * computed and the rest is zeroed by native fills.
 */
function filterUpInPlace(rows: Uint8Array, stride: number, height: number, changed: Int32Array | undefined): void {
  if (changed) {
    let next = rows.length
    for (let p = changed.length - 2; p >= 0; p -= 2) {
      const at = changed[p]!
      const end = at + changed[p + 1]!
      rows.fill(0, end, next)
      for (let x = end - 1; x >= at; x--) rows[x] = (rows[x]! - rows[x - stride]!) & 0xff
      next = at
    }
    rows.fill(0, stride, next)
  } else {
    for (let x = rows.length - 1; x >= stride; x--) rows[x] = (rows[x]! - rows[x - stride]!) & 0xff
  }
  for (let y = 1; y < height; y++) rows[y * stride] = 2
}

function pack(rows: Uint8Array, width: number, height: number, depth: 1 | 2 | 4): Uint8Array<ArrayBuffer> {
  const perByte = 8 / depth
  const stride = Math.ceil(width / perByte)
  const out = new Uint8Array((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const src = y * (width + 1) + 1
    const dst = y * (stride + 1) + 1
    for (let x = 0; x < width; x++) {
      const shift = 8 - depth * ((x % perByte) + 1)
      out[dst + Math.floor(x / perByte)]! |= rows[src + x]! << shift
    }
  }
  return out
}

function paletteRgb(palette: Uint32Array): Uint8Array {
  const out = new Uint8Array(palette.length * 3)
  palette.forEach((w, i) => {
    out[i * 3] = w & 0xff
    out[i * 3 + 1] = (w >>> 8) & 0xff
    out[i * 3 + 2] = (w >>> 16) & 0xff
  })
  return out
}

/** tRNS: alphas up to the last translucent entry (none when all are opaque). */
function paletteAlpha(palette: Uint32Array): Uint8Array {
  let n = palette.length
  while (n > 0 && palette[n - 1]! >>> 24 === 255) n--
  return Uint8Array.from(palette.subarray(0, n), (w) => w >>> 24)
}

function isOpaque(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false
  return true
}

/** Rows of filtered truecolour handed to deflate at a time: ≈ 0.7-2.7 MB at a display board's width. */
const ROWS_PER_CHUNK = 64

/**
 * Truecolour scanlines, each with the filter (None, Sub, Up, Paeth) whose
 * output has the smallest sum of absolute signed bytes: the heuristic the PNG
 * spec suggests for photographs. Demultiplied a row at a time and made
 * ROWS_PER_CHUNK rows at a time as deflate reads them, so no image-sized
 * buffer is made (a 150 dpi display board's would be 113 MB; workerd's
 * isolates have 128 MB). Each chunk is new: deflate may still hold the last.
 */
function* filterAdaptive(premultiplied: Uint8Array, width: number, height: number, bpp: 3 | 4): Generator<Uint8Array<ArrayBuffer>> {
  const stride = width * bpp
  const px = new Uint8Array(4)
  let cur = new Uint8Array(stride)
  let prev = new Uint8Array(stride)
  const trial = [0, 1, 2, 3].map(() => new Uint8Array(stride))
  for (let y0 = 0; y0 < height; y0 += ROWS_PER_CHUNK) {
    const rows = Math.min(ROWS_PER_CHUNK, height - y0)
    const out = new Uint8Array((stride + 1) * rows)
    for (let r = 0; r < rows; r++) {
      ;[cur, prev] = [prev, cur]
      straightRow(premultiplied, y0 + r, width, bpp, px, cur)
      const scores = [filterNone(cur, trial[0]!), filterSub(cur, bpp, trial[1]!), filterUp(cur, prev, trial[2]!), filterPaeth(cur, prev, bpp, trial[3]!)]
      let best = 0
      for (let k = 1; k < 4; k++) if (scores[k]! < scores[best]!) best = k
      const at = r * (stride + 1)
      out[at] = FILTERS[best]!
      out.set(trial[best]!, at + 1)
    }
    yield out
  }
}

/** PNG filter type numbers, in the order filterAdaptive tries them. */
const FILTERS = [0, 1, 2, 4] as const

/** A filtered byte's cost: its distance from zero as a signed byte. */
const cost = (v: number) => (v < 128 ? v : 256 - v)

function filterNone(cur: Uint8Array, out: Uint8Array): number {
  let score = 0
  for (let i = 0; i < cur.length; i++) score += cost((out[i] = cur[i]!))
  return score
}

function filterSub(cur: Uint8Array, bpp: number, out: Uint8Array): number {
  let score = 0
  for (let i = 0; i < bpp; i++) score += cost((out[i] = cur[i]!))
  for (let i = bpp; i < cur.length; i++) score += cost((out[i] = (cur[i]! - cur[i - bpp]!) & 0xff))
  return score
}

function filterUp(cur: Uint8Array, prev: Uint8Array, out: Uint8Array): number {
  let score = 0
  for (let i = 0; i < cur.length; i++) score += cost((out[i] = (cur[i]! - prev[i]!) & 0xff))
  return score
}

function filterPaeth(cur: Uint8Array, prev: Uint8Array, bpp: number, out: Uint8Array): number {
  let score = 0
  for (let i = 0; i < bpp; i++) score += cost((out[i] = (cur[i]! - prev[i]!) & 0xff))
  for (let i = bpp; i < cur.length; i++) score += cost((out[i] = (cur[i]! - paeth(cur[i - bpp]!, prev[i]!, prev[i - bpp]!)) & 0xff))
  return score
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

function header(width: number, height: number, depth: number, colourType: ColourType): Uint8Array {
  const out = new Uint8Array(13)
  const view = new DataView(out.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  out[8] = depth
  out[9] = colourType
  // compression 0 (deflate), filter method 0, interlace 0 (none)
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}
