/**
 * Glyph outlines, read from the shipped font bytes by opentype.js (the copy
 * satori itself drew glyphs with, so a glyph's path is the one satori drew),
 * parsed when a font first draws.
 *
 * Bounded two ways: the outlines drawn are kept in one memo for every font,
 * sized in bytes (lru-cache), and opentype.js, which keeps every glyph it has read for
 * the life of its parse, is parsed afresh once it has read READS_PER_PARSE
 * glyphs. Without that, text made to touch every glyph of a CJK face (30,000)
 * would hold them all.
 */
import opentype, { type Font, type PathCommand } from '@shuding/opentype.js'
import { LRUCache } from 'lru-cache'
import type { LoadedFont } from './font-set.js'

export type { PathCommand }

export interface Outline {
  /** In font units, y up. */
  commands: readonly PathCommand[]
  /** The units per em the commands are in (opentype.js reads glyphs to `unitsPerEm || 1000`). */
  unitsPerEm: number
}

/** Bytes of outlines kept, every font together: a CJK glyph is ≈ 3 KB of command objects, so ≈ 4,000 glyphs. */
export const OUTLINE_MEMO_BYTES = 12 * 1024 * 1024
/** Glyphs one opentype.js parse may read before it is let go (a parse takes ≈ 1-30 ms; misses are rare once the memo is warm). */
export const READS_PER_PARSE = 2048

/** A command object's bytes, roughly (V8 object header and up to six doubles), and an outline's own. */
const COMMAND_BYTES = 80
const OUTLINE_BYTES = 64

const outlineMemo = new LRUCache<number, Outline>({
  maxSize: OUTLINE_MEMO_BYTES,
  sizeCalculation: (o) => OUTLINE_BYTES + o.commands.length * COMMAND_BYTES,
})

interface Parse {
  font: Font
  reads: number
}
const parses = new WeakMap<LoadedFont, Parse>()
const stats = { parses: 0, reads: 0 }

function parseOf(font: LoadedFont): Parse {
  let p = parses.get(font)
  if (!p || p.reads >= READS_PER_PARSE) {
    // lowMemory: glyphs are read when first asked for, not all at parse (a CJK face has 30,000).
    p = { font: opentype.parse(font.data, { lowMemory: true }), reads: 0 }
    parses.set(font, p)
    stats.parses++
  }
  return p
}

const ordinals = new WeakMap<LoadedFont, number>()
let fontsSeen = 0
function ordinalOf(font: LoadedFont): number {
  let n = ordinals.get(font)
  if (n === undefined) ordinals.set(font, (n = ++fontsSeen))
  return n
}

const EMPTY: Outline = { commands: [], unitsPerEm: 1000 }

/** The outline of glyph `id`; empty for a blank glyph (a space) or an id the font lacks. */
export function glyphOutline(font: LoadedFont, id: number): Outline {
  // A number, not a string: this runs for every glyph drawn. Glyph ids are 16-bit.
  const key = ordinalOf(font) * 65536 + id
  const kept = outlineMemo.get(key)
  if (kept) return kept
  const p = parseOf(font)
  p.reads++
  stats.reads++
  const path = p.font.glyphs.get(id)?.path
  const outline = path ? { commands: path.commands, unitsPerEm: path.unitsPerEm || 1000 } : EMPTY
  outlineMemo.set(key, outline)
  return outline
}

/** opentype.js parses and glyph reads (memo misses) so far, every font together: for tests of the bounds. */
export const outlineStats = (): { parses: number; reads: number } => ({ ...stats })
