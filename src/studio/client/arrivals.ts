/**
 * Counting the signs of a batch as its bytes arrive, without waiting for the
 * end: the batch API streams the ZIP (fflate) and the PDF (PDFKit) as rows
 * render, and both formats say where a sign ends.
 *
 * - ZIP: each file is a local header, its data and (fflate always streams
 *   so) a data descriptor whose compressed size must equal the bytes since
 *   the data began: a file counts once its descriptor is read. The central
 *   directory means every file is in.
 * - PDF: each page is an object `/Type /Page` in plain text (PDFKit compresses
 *   content streams, never dictionaries), written once the page is complete.
 */

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

const LOCAL_HEADER = 0x04034b50
const DESCRIPTOR = 0x08074b50
const HAS_DESCRIPTOR = 8

/** Feed it a ZIP's bytes in order; it hands back the names of the files each chunk completed. */
export function zipEntries(): { feed(chunk: Uint8Array): string[]; readonly done: boolean } {
  let mode: 'header' | 'data' | 'sized' | 'end' = 'header'
  let head: Uint8Array = new Uint8Array(0)
  let name = ''
  /** Data bytes of the current file up to the end of `carry`. */
  let seen = 0
  /** The last bytes of data, in case a descriptor starts there. */
  let carry: Uint8Array = new Uint8Array(0)
  let remaining = 0
  const names = new TextDecoder()
  return {
    get done() {
      return mode === 'end'
    },
    feed(chunk) {
      const out: string[] = []
      let buf = chunk
      while (buf.length && mode !== 'end') {
        if (mode === 'header') {
          head = concat(head, buf)
          buf = new Uint8Array(0)
          if (head.length < 4) break
          if (u32(head, 0) !== LOCAL_HEADER) {
            mode = 'end' // the central directory: no more files
            break
          }
          if (head.length < 30) break
          const total = 30 + u16(head, 26) + u16(head, 28)
          if (head.length < total) break
          name = names.decode(head.subarray(30, 30 + u16(head, 26)))
          const sized = !(u16(head, 6) & HAS_DESCRIPTOR)
          remaining = u32(head, 18)
          buf = head.subarray(total)
          head = new Uint8Array(0)
          ;[mode, seen, carry] = [sized ? 'sized' : 'data', 0, new Uint8Array(0)]
          if (sized && remaining === 0) {
            out.push(name)
            mode = 'header'
          }
        } else if (mode === 'sized') {
          const n = Math.min(remaining, buf.length)
          remaining -= n
          buf = buf.subarray(n)
          if (!remaining) {
            out.push(name)
            mode = 'header'
          }
        } else {
          const w = concat(carry, buf)
          const base = seen - carry.length
          let found = -1
          for (let i = 0; i + 16 <= w.length; i++)
            if (u32(w, i) === DESCRIPTOR && u32(w, i + 8) === base + i) {
              found = i
              break
            }
          if (found >= 0) {
            out.push(name)
            mode = 'header'
            buf = w.subarray(found + 16)
          } else {
            const keep = Math.min(15, w.length)
            carry = w.slice(w.length - keep)
            seen = base + w.length
            buf = new Uint8Array(0)
          }
        }
      }
      return out
    },
  }
}

const PAGE = new TextEncoder().encode('/Type /Page')
/** Bytes that would continue a PDF name (/Pages is the page tree, not a page). */
const nameByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)

/** Feed it a PDF's bytes in order; it hands back how many pages each chunk completed. */
export function pdfPages(): { feed(chunk: Uint8Array): number } {
  let carry: Uint8Array = new Uint8Array(0)
  return {
    feed(chunk) {
      const w = concat(carry, chunk)
      let pages = 0
      // A match needs the byte after it; the last PAGE.length bytes wait for the next chunk.
      const last = w.length - PAGE.length
      for (let i = 0; i < last; i++) {
        if (w[i] !== 0x2f) continue
        let j = 1
        while (j < PAGE.length && w[i + j] === PAGE[j]) j++
        if (j === PAGE.length && !nameByte(w[i + j]!)) pages++
      }
      carry = w.slice(Math.max(0, last))
      return pages
    },
  }
}
