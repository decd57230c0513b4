/**
 * zlib deflate through the web-standard CompressionStream, the native deflate
 * workerd offers. It runs zlib at its default level and strategy, so Node's
 * `node:zlib` at those settings writes the same bytes.
 */
import type { Deflate } from './encode.js'

export const streamDeflate: Deflate = async (data) => {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
