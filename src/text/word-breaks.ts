/**
 * CSS `word-break: keep-all` over UAX #14 break opportunities: Korean is set
 * with words kept whole, so a line may end only after a space (or at a hard
 * break), never between two syllables.
 */
import type { Chunk } from './breaks.js'

export function keepAll(chunks: readonly Chunk[]): Chunk[] {
  const out: Chunk[] = []
  let pending: Chunk | null = null
  for (const c of chunks) {
    const merged: Chunk = pending ? { start: pending.start, contentEnd: c.contentEnd, end: c.end, hard: c.hard, kind: c.kind } : c
    // A chunk without trailing space ends between two letters: keep it with the next.
    if (merged.contentEnd === merged.end && !merged.hard) pending = merged
    else {
      out.push(merged)
      pending = null
    }
  }
  if (pending) out.push(pending)
  return out
}
