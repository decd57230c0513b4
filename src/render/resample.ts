/**
 * Pixel work on decoded pictures: to 8-bit RGBA, and an area-average
 * (box) downscale, the filter that keeps photographs free of aliasing when
 * shrinking by large factors.
 */

export interface Rgba {
  width: number
  height: number
  /** 4 bytes a pixel, row by row. */
  data: Uint8Array
}

/** The size that fits `maxSide` on the long side, never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Each output pixel is the coverage-weighted mean of the source pixels under it. */
export function downscale(src: Rgba, width: number, height: number): Rgba {
  if (width >= src.width && height >= src.height) return src
  const out = new Uint8Array(width * height * 4)
  const sx = src.width / width
  const sy = src.height / height
  const acc = new Float64Array(width * 4)
  const weights = new Float64Array(width)
  for (let oy = 0; oy < height; oy++) {
    acc.fill(0)
    weights.fill(0)
    const y0 = oy * sy
    const y1 = y0 + sy
    for (let y = Math.floor(y0); y < Math.min(src.height, Math.ceil(y1)); y++) {
      const wy = Math.min(y1, y + 1) - Math.max(y0, y)
      const row = y * src.width * 4
      for (let ox = 0; ox < width; ox++) {
        const x0 = ox * sx
        const x1 = x0 + sx
        for (let x = Math.floor(x0); x < Math.min(src.width, Math.ceil(x1)); x++) {
          const w = wy * (Math.min(x1, x + 1) - Math.max(x0, x))
          const i = row + x * 4
          const a = src.data[i + 3]! * w
          // Colour is weighted by alpha so transparent pixels do not darken edges.
          const k = ox * 4
          acc[k] = acc[k]! + src.data[i]! * a
          acc[k + 1] = acc[k + 1]! + src.data[i + 1]! * a
          acc[k + 2] = acc[k + 2]! + src.data[i + 2]! * a
          acc[k + 3] = acc[k + 3]! + a
          weights[ox] = weights[ox]! + w
        }
      }
    }
    for (let ox = 0; ox < width; ox++) {
      const o = (oy * width + ox) * 4
      const alpha = acc[ox * 4 + 3]!
      if (alpha > 0) {
        out[o] = Math.round(acc[ox * 4]! / alpha)
        out[o + 1] = Math.round(acc[ox * 4 + 1]! / alpha)
        out[o + 2] = Math.round(acc[ox * 4 + 2]! / alpha)
      }
      out[o + 3] = Math.round(alpha / weights[ox]!)
    }
  }
  return { width, height, data: out }
}
