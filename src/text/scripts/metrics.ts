/**
 * Each script's own ink extent across the line, per em, measured from the
 * shipped face on the script's sample letters: Arabic from its ascenders and
 * descenders, Tibetan from its stacks, Han and Hangul from the character
 * body. Size checks and pair fitting compare scripts by these, not by em.
 */
import type { FontSet } from '../../fonts/font-set.js'
import { layoutText } from '../layout.js'
import type { Script } from '../script.js'
import { SCRIPT_PROFILES } from './profiles.js'

const EM = 100

export interface ScriptInk {
  /** Ink extent across a horizontal line, in em (top of the tallest letter to the bottom of the deepest). */
  across: number
  /** Ink above the baseline and below it, in em. */
  above: number
  below: number
}

const cache = new WeakMap<FontSet, Map<Script, ScriptInk | null>>()

/** The script's ink across a horizontal line, or null when the script has no profile or no ink. */
export function scriptInk(fonts: FontSet, script: Script): ScriptInk | null {
  let perSet = cache.get(fonts)
  if (!perSet) cache.set(fonts, (perSet = new Map()))
  if (perSet.has(script)) return perSet.get(script)!
  const profile = SCRIPT_PROFILES[script]
  let result: ScriptInk | null = null
  if (profile) {
    const layout = layoutText(fonts, { text: profile.sample, orientation: 'horizontal', fontSize: EM, lang: profile.lang })
    const line = layout.lines[0]
    const baseline = line?.pieces.find((p) => p.ink)?.origin.y
    if (line?.ink && baseline !== undefined)
      result = { across: (line.ink.y1 - line.ink.y0) / EM, above: (baseline - line.ink.y0) / EM, below: (line.ink.y1 - baseline) / EM }
  }
  perSet.set(script, result)
  return result
}
