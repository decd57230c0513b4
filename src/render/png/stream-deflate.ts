/**
 * zlib deflate on workerd. The default strategy goes through the web-standard
 * CompressionStream, the native deflate workerd offers, which runs zlib at its
 * default level and strategy. CompressionStream takes no strategy, so Z_RLE
 * (the indexed PNGs) is pako's port of zlib, which writes zlib's bytes
 * (test/png-encoder.test.ts compares it with node:zlib).
 */
import { deflate as pakoDeflate, constants as pakoConstants } from 'pako'
import type { Deflate } from './encode.js'

export const streamDeflate: Deflate = async (data, strategy) => {
  if (strategy === 'runs') return pakoDeflate(data, { strategy: pakoConstants.Z_RLE })
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
