/**
 * Glyph outlines, read from the shipped font bytes by opentype.js (the copy
 * satori itself drew glyphs with, so a glyph's path is the one satori drew),
 * parsed once per font when it first draws. opentype.js keeps each glyph it
 * has read, so a font holds at most its own glyph count of outlines.
 */
import opentype, { type Font, type PathCommand } from '@shuding/opentype.js'
import type { LoadedFont } from './font-set.js'

export type { PathCommand }

export interface Outline {
  /** In font units, y up. */
  commands: readonly PathCommand[]
  /** The units per em the commands are in (opentype.js reads glyphs to `unitsPerEm || 1000`). */
  unitsPerEm: number
}

const parsed = new WeakMap<LoadedFont, Font>()

function parsedFont(font: LoadedFont): Font {
  let f = parsed.get(font)
  // lowMemory: glyphs are read when first asked for, not all at parse (a CJK face has 30,000).
  if (!f) parsed.set(font, (f = opentype.parse(font.data, { lowMemory: true })))
  return f
}

const EMPTY: Outline = { commands: [], unitsPerEm: 1000 }

/** The outline of glyph `id`; empty for a blank glyph (a space) or an id the font lacks. */
export function glyphOutline(font: LoadedFont, id: number): Outline {
  const path = parsedFont(font).glyphs.get(id)?.path
  return path ? { commands: path.commands, unitsPerEm: path.unitsPerEm || 1000 } : EMPTY
}
