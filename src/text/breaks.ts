/**
 * Where a line (or column) may end: Unicode line breaking (UAX #14, the
 * `linebreak` package). For Mongolian that means after spaces and after ᠂ ᠃,
 * never at NNBSP (class GL) and never inside a word; for Chinese, between
 * ideographs but not before closing punctuation.
 */
import LineBreaker from 'linebreak'

export interface Chunk {
  start: number
  /** End of the chunk's content: trailing spaces and the newline excluded. */
  contentEnd: number
  end: number
  /** A hard break (newline) follows this chunk. */
  hard: boolean
}

const TRAILING = /[ \n]+$/

export function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = []
  const breaker = new LineBreaker(text)
  let start = 0
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const slice = text.slice(start, bk.position)
    const trail = TRAILING.exec(slice)?.[0].length ?? 0
    chunks.push({ start, contentEnd: bk.position - trail, end: bk.position, hard: bk.required && slice.endsWith('\n') })
    start = bk.position
  }
  return chunks
}
