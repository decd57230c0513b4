/**
 * The per-request cap on decoded picture pixels. Each picture is capped on
 * its own (25 MP) when it is decoded; this adds up every data: URI picture
 * of a request from the headers alone, before any of them is decoded, so
 * a board of four huge pictures is refused without spending the memory.
 */
import { QoyarError } from '../errors.js'
import { headerSize, IMAGE_LIMITS, REQUEST_PICTURE_PIXELS } from './images.js'

interface Sized {
  field: string
  width: number
  height: number
}

/** Every data:image string in the input (any depth a JSON body can reach), with its header size. */
function pictures(value: unknown, path: string, out: Sized[], depth = 0): Sized[] {
  if (typeof value === 'string') {
    if (value.trimStart().startsWith('data:image/')) {
      const size = headerSize(value)
      // Unreadable headers, and pictures past the per-picture limits, are left to the decoder, which names the field in its 422.
      if (size && size.width <= IMAGE_LIMITS.maxSide && size.height <= IMAGE_LIMITS.maxSide && size.width * size.height <= IMAGE_LIMITS.maxPixels)
        out.push({ field: path, ...size })
    }
  } else if (value && typeof value === 'object' && depth < 8) {
    for (const [k, v] of Object.entries(value)) pictures(v, path ? `${path}.${k}` : k, out, depth + 1)
  }
  return out
}

export function capPicturePixels(input: Record<string, unknown>, max: number = REQUEST_PICTURE_PIXELS): void {
  const found = pictures(input, '', [])
  const pixels = found.reduce((sum, p) => sum + p.width * p.height, 0)
  if (pixels <= max) return
  const mp = (n: number) => (n / 1e6).toFixed(1)
  throw new QoyarError(
    'pictures_too_large',
    413,
    `The pictures of this request are ${mp(pixels)} MP decoded in all; the limit per request is ${mp(max)} MP. Send them smaller or fewer.`,
    { limit: 'decoded picture pixels per request', pixels, maxPixels: max, pictures: found },
    { mp: mp(pixels), maxMp: mp(max) },
  )
}
