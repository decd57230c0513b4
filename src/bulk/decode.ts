/**
 * Spreadsheet bytes to text as offices save them: a BOM decides (UTF-8,
 * UTF-16); else strict UTF-8; else the encoding chardet detects (GB18030 is
 * what Excel on Chinese Windows writes as "CSV"), decoded strictly with the
 * platform's TextDecoder. Never a U+FFFD drawn from a misread byte.
 */
import { analyse } from 'chardet'
import { QoyarError } from '../errors.js'

export interface DecodedText {
  text: string
  /** The encoding used, as the report says it. */
  encoding: string
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
]

/** chardet names Chinese legacy files GB18030 (a superset of GBK and GB2312). */
const FALLBACKS = ['gb18030']

/** How much of a file decides its encoding. */
export const SNIFF_BYTES = 64 * 1024

/** Whether `bytes` decode strictly; `partial`: the sample may end inside a character. */
function decodes(bytes: Uint8Array, encoding: string, partial: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: partial })
    return true
  } catch {
    return false
  }
}

export function badEncoding(tried: readonly string[]): QoyarError {
  return new QoyarError(
    'unknown_encoding',
    422,
    'The file is neither UTF-8 nor an encoding that could be recognised; save it as "CSV UTF-8".',
    { tried },
    {},
  )
}

/** The encoding of a file from its first bytes (all of it when `complete`). */
export function chooseEncoding(sample: Uint8Array, complete: boolean): string {
  for (const bom of BOMS) if (bom.bytes.every((b, i) => sample[i] === b)) return bom.encoding
  if (decodes(sample, 'utf-8', !complete)) return 'utf-8'
  const guesses = analyse(sample.subarray(0, SNIFF_BYTES))
    .filter((m) => m.confidence >= 10)
    .map((m) => m.name.toLowerCase())
  // Single-byte encodings decode any bytes at all: tried only after the multi-byte ones, which can refuse.
  const singleByte = (e: string) => /^(iso-8859|windows-|koi8)/.test(e)
  const order = [...new Set([...guesses.filter((e) => !singleByte(e)), ...FALLBACKS, ...guesses.filter(singleByte)])]
  const found = order.find((e) => decodes(sample, e, !complete))
  if (!found) throw badEncoding(['utf-8', ...order])
  return found
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding = chooseEncoding(bytes, true)
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding }
  } catch {
    throw badEncoding([encoding])
  }
}

/** Decodes a byte stream strictly in one encoding, chunk by chunk. */
export function decodingStream(encoding: string): TransformStream<Uint8Array, string> {
  const decoder = new TextDecoder(encoding, { fatal: true })
  return new TransformStream({
    transform(chunk, out) {
      try {
        out.enqueue(decoder.decode(chunk, { stream: true }))
      } catch {
        throw badEncoding([encoding])
      }
    },
    flush(out) {
      try {
        out.enqueue(decoder.decode())
      } catch {
        throw badEncoding([encoding])
      }
    },
  })
}
