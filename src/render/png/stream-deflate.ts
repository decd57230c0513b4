/**
 * zlib deflate on workerd. The default strategy goes through the web-standard
 * CompressionStream, the native deflate workerd offers, which runs zlib at its
 * default level and strategy. CompressionStream takes no strategy, so Z_RLE
 * (the indexed PNGs) is pako's port of zlib, which writes zlib's bytes
 * (test/png-encoder.test.ts compares it with node:zlib).
 */
import { Deflate as PakoDeflate, deflate as pakoDeflate, constants as pakoConstants } from 'pako'
import type { Deflate } from './encode.js'

export const streamDeflate: Deflate = async (data, strategy) => {
  const whole = data instanceof Uint8Array
  if (strategy === 'runs') {
    if (whole) return pakoDeflate(data, { strategy: pakoConstants.Z_RLE })
    const z = new PakoDeflate({ strategy: pakoConstants.Z_RLE })
    for (const chunk of data) z.push(chunk, false)
    z.push(new Uint8Array(0), true)
    return z.result
  }
  if (whole) return new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer())
  // Chunks as they are made: the stream is read while it is written, so only compressed bytes pile up.
  const stream = new CompressionStream('deflate')
  const result = new Response(stream.readable).arrayBuffer()
  // Handled here too: if a write fails, that write throws, and this must not reject unheard.
  result.catch(() => undefined)
  const writer = stream.writable.getWriter()
  for (const chunk of data) await writer.write(chunk)
  await writer.close()
  return new Uint8Array(await result)
}
