/**
 * Pictures sent with a design (display boards): only data: URIs of PNG or
 * JPEG. Each is decoded once here, in full, by a kept decoder (fast-png,
 * jpeg-js), so a broken or lying file is a 422 naming its field before
 * satori, resvg or PDFKit sees it; the decoded pixels are capped, and a
 * picture larger than any sign needs is downscaled and re-encoded. Nothing
 * remote is ever fetched.
 */
import { convertIndexedToRgb, decode as decodePngFile, encode as encodePng, type DecodedPng } from 'fast-png'
import { decode as decodeJpegFile, encode as encodeJpeg } from 'jpeg-js'
import { QoyarError } from '../errors.js'
import { IMAGE_LIMITS } from './image-limits.js'
import { downscale, fitWithin, type Rgba } from './resample.js'

export { IMAGE_LIMITS }

/** Decoded pixels all the pictures of one request may have together (four 12 MP phone photos pass, four 25 MP ones do not). */
export const REQUEST_PICTURE_PIXELS = 50_000_000

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  bytes: number
  /** The data: URI of the validated (and perhaps downscaled) picture. */
  src: string
  /** The size it was sent at, when it was downscaled. */
  original?: { width: number; height: number }
}

const DATA_URI = /^data:(image\/(?:png|jpeg|jpg));base64,([A-Za-z0-9+/=\s]+)$/

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ''))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

function encodeBase64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/** A data: URI picture's size from its header alone, without decoding it; null when it is not a PNG or JPEG. */
export function headerSize(src: string): { width: number; height: number } | null {
  const m = DATA_URI.exec(src.trim())
  if (!m) return null
  const b64 = m[2]!.replace(/\s+/g, '')
  // The first 3 KB hold a PNG's header and most JPEGs' frame header; a JPEG with large metadata first is read whole.
  for (const part of [b64.slice(0, 4096), b64]) {
    let bytes: Uint8Array
    try {
      bytes = decodeBase64(part)
    } catch {
      return null
    }
    const size = pngSize(bytes) ?? jpegSize(bytes)
    if (size || part.length === b64.length || bytes[0] !== 0xff) return size
  }
  return null
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (b.length < 24 || !sig.every((v, i) => b[i] === v)) return null
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  return { width: v.getUint32(16), height: v.getUint32(20) }
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    const len = (b[i + 2]! << 8) | b[i + 3]!
    // Start-of-frame markers carry the size (C0–CF but not C4, C8, CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
    i += 2 + len
  }
  return null
}

/** Any PNG colour type and depth to 8-bit RGBA. */
function pngToRgba(png: DecodedPng): Rgba {
  const { width, height } = png
  const n = width * height
  const out = new Uint8Array(n * 4)
  if (png.palette) {
    const rgb = convertIndexedToRgb(png)
    const ch = rgb.length / n
    for (let p = 0; p < n; p++) {
      out[p * 4] = rgb[p * ch]!
      out[p * 4 + 1] = rgb[p * ch + 1]!
      out[p * 4 + 2] = rgb[p * ch + 2]!
      out[p * 4 + 3] = ch === 4 ? rgb[p * ch + 3]! : 255
    }
    return { width, height, data: out }
  }
  const ch = png.channels
  const depth = png.depth
  const max = (1 << depth) - 1
  const rowSamples = width * ch
  // Depths under 8 are packed several samples to a byte, rows padded to a byte.
  const rowBytes = depth < 8 ? Math.ceil((rowSamples * depth) / 8) : rowSamples
  const sample = (y: number, s: number): number => {
    if (depth === 16) return png.data[y * rowSamples + s]! >> 8
    if (depth === 8) return png.data[y * rowSamples + s]!
    const bit = s * depth
    const byte = png.data[y * rowBytes + (bit >> 3)]!
    return Math.round((((byte >> (8 - depth - (bit & 7))) & max) * 255) / max)
  }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4
      const s = x * ch
      if (ch <= 2) {
        const g = sample(y, s)
        out[o] = out[o + 1] = out[o + 2] = g
        out[o + 3] = ch === 2 ? sample(y, s + 1) : 255
      } else {
        out[o] = sample(y, s)
        out[o + 1] = sample(y, s + 1)
        out[o + 2] = sample(y, s + 2)
        out[o + 3] = ch === 4 ? sample(y, s + 3) : 255
      }
    }
  return { width, height, data: out }
}

function decodePng(bytes: Uint8Array): Rgba {
  const png = decodePngFile(bytes, { checkCrc: true })
  const rows = png.depth < 8 ? Math.ceil((png.width * png.channels * png.depth) / 8) : png.width * png.channels
  // A truncated or short IDAT inflates to fewer samples than the header promises.
  if (png.data.length < rows * png.height) throw new Error('the pixel data is shorter than the header says')
  return pngToRgba(png)
}

function decodeJpeg(bytes: Uint8Array): Rgba {
  const jpeg = decodeJpegFile(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    // Missing scan data is an error, not a grey picture.
    tolerantDecoding: false,
    maxResolutionInMP: IMAGE_LIMITS.maxPixels / 1e6,
    maxMemoryUsageInMB: 160,
  })
  if (jpeg.width < 1 || jpeg.height < 1 || jpeg.data.length < jpeg.width * jpeg.height * 4) throw new Error('no picture data')
  return { width: jpeg.width, height: jpeg.height, data: jpeg.data }
}

function reencode(mime: ImageInfo['mime'], image: Rgba): Uint8Array {
  if (mime === 'image/jpeg') {
    try {
      return new Uint8Array(encodeJpeg(image, 88).data)
    } catch {
      // jpeg-js's encoder needs Node's Buffer; where there is none (Workers), a PNG carries the same pixels.
    }
  }
  return encodePng({ width: image.width, height: image.height, data: image.data, depth: 8, channels: 4 })
}

export function inspectImage(src: string, field: string): ImageInfo {
  const bad = (why: string) => new QoyarError('invalid_image', 422, `${field}: ${why}`, { field }, { field, reason: why })
  const m = DATA_URI.exec(src.trim())
  if (!m) throw bad('expected a data:image/png or data:image/jpeg base64 URI (remote URLs are never fetched)')
  let bytes: Uint8Array
  try {
    bytes = decodeBase64(m[2]!)
  } catch {
    throw bad('the base64 data does not decode')
  }
  if (bytes.length > IMAGE_LIMITS.maxBytes) throw bad(`the image is ${bytes.length} bytes; the limit is ${IMAGE_LIMITS.maxBytes}`)
  const png = pngSize(bytes)
  const jpeg = png ? null : jpegSize(bytes)
  const size = png ?? jpeg
  if (!size) throw bad('the data is not a PNG or JPEG image')
  if (size.width < 1 || size.height < 1 || size.width > IMAGE_LIMITS.maxSide || size.height > IMAGE_LIMITS.maxSide)
    throw bad(`the image is ${size.width}×${size.height} px; each side must be 1–${IMAGE_LIMITS.maxSide}`)
  // Refused before decoding: the header alone would make us allocate this much.
  if (size.width * size.height > IMAGE_LIMITS.maxPixels)
    throw bad(
      `the image is ${size.width}×${size.height} px (${((size.width * size.height) / 1e6).toFixed(1)} MP); the limit is ${IMAGE_LIMITS.maxPixels / 1e6} MP, resize it first`,
    )
  const mime = png ? 'image/png' : 'image/jpeg'
  let pixels: Rgba
  try {
    pixels = png ? decodePng(bytes) : decodeJpeg(bytes)
  } catch (e) {
    throw bad(`the ${png ? 'PNG' : 'JPEG'} data is broken (${e instanceof Error ? e.message : 'undecodable'})`)
  }
  if (pixels.width !== size.width || pixels.height !== size.height) throw bad('the picture does not match its own header')
  const fit = fitWithin(pixels.width, pixels.height, IMAGE_LIMITS.keepSide)
  const scaled = fit.width < pixels.width
  // A PNG is always re-encoded from its pixels, so PDFKit's own PNG reader only ever sees a well-formed file.
  const out = scaled || png ? reencode(mime, downscale(pixels, fit.width, fit.height)) : bytes
  const outMime: ImageInfo['mime'] = out[0] === 0x89 ? 'image/png' : 'image/jpeg'
  return {
    mime: outMime,
    ...fit,
    bytes: out.length,
    src: out === bytes ? `data:${mime};base64,${m[2]!.replace(/\s+/g, '')}` : `data:${outMime};base64,${encodeBase64(out)}`,
    ...(scaled ? { original: size } : {}),
  }
}
