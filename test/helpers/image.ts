/** PNG decoding and ink measurement for tests: what a person would see. */
import { PNG } from 'pngjs'

export interface Raster {
  width: number
  height: number
  /** RGBA */
  data: Uint8Array
}

export function decodePng(bytes: Uint8Array): Raster {
  const png = PNG.sync.read(Buffer.from(bytes))
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) }
}

/** Darkness 0..1 of a pixel composited on white. */
export function darkness(r: Raster, x: number, y: number): number {
  const i = (y * r.width + x) * 4
  const a = r.data[i + 3]! / 255
  const lum = (0.299 * r.data[i]! + 0.587 * r.data[i + 1]! + 0.114 * r.data[i + 2]!) / 255
  return a * (1 - lum)
}

export interface Ink {
  width: number
  height: number
  mask: Uint8Array
  bbox: { x0: number; y0: number; x1: number; y1: number } | null
  count: number
}

export function inkOf(r: Raster, threshold = 0.5): Ink {
  const mask = new Uint8Array(r.width * r.height)
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity,
    count = 0
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++)
      if (darkness(r, x, y) >= threshold) {
        mask[y * r.width + x] = 1
        count++
        if (x < x0) x0 = x
        if (y < y0) y0 = y
        if (x > x1) x1 = x
        if (y > y1) y1 = y
      }
  return { width: r.width, height: r.height, mask, count, bbox: count ? { x0, y0, x1: x1 + 1, y1: y1 + 1 } : null }
}

/** Intersection over union of two ink masks, each aligned at its own bbox's top-left. */
export function inkOverlap(a: Ink, b: Ink): number {
  if (!a.bbox || !b.bbox) return 0
  let inter = 0
  const w = Math.max(a.bbox.x1 - a.bbox.x0, b.bbox.x1 - b.bbox.x0)
  const h = Math.max(a.bbox.y1 - a.bbox.y0, b.bbox.y1 - b.bbox.y0)
  const at = (ink: Ink, x: number, y: number) => {
    const px = ink.bbox!.x0 + x
    const py = ink.bbox!.y0 + y
    return px < ink.width && py < ink.height ? ink.mask[py * ink.width + px]! : 0
  }
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (at(a, x, y) && at(b, x, y)) inter++
  return inter / (a.count + b.count - inter)
}

/** The same ink turned: for negative controls (a wrong render must score low). */
export function transformInk(ink: Ink, how: 'mirror-x' | 'rotate-180'): Ink {
  const { width, height } = ink
  const mask = new Uint8Array(width * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = ink.mask[y * width + x]!
      const tx = width - 1 - x
      const ty = how === 'rotate-180' ? height - 1 - y : y
      mask[ty * width + tx] = v
    }
  const b = ink.bbox
  const bbox = b && {
    x0: width - b.x1,
    x1: width - b.x0,
    y0: how === 'rotate-180' ? height - b.y1 : b.y0,
    y1: how === 'rotate-180' ? height - b.y0 : b.y1,
  }
  return { width, height, mask, bbox, count: ink.count }
}
