/**
 * Pictures sent with a design (display boards): only data: URIs of PNG or
 * JPEG, sniffed and measured here, so nothing remote is ever fetched and
 * nothing oversized reaches satori or resvg.
 */
import { QoyarError } from '../errors.js'

export const IMAGE_LIMITS = { maxBytes: 3 * 1024 * 1024, maxSide: 8000 } as const

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  bytes: number
  /** The data: URI, normalised. */
  src: string
}

const DATA_URI = /^data:(image\/(?:png|jpeg|jpg));base64,([A-Za-z0-9+/=\s]+)$/

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ''))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
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
  const mime = png ? 'image/png' : 'image/jpeg'
  return { mime, ...size, bytes: bytes.length, src: `data:${mime};base64,${m[2]!.replace(/\s+/g, '')}` }
}
