/** One PNG chunk (length, type, data, CRC): for hand-made broken pictures in the fuzz run and the picture tests. */
import { crc32 } from 'node:zlib'

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
