/**
 * Case suffixes and particles written apart from their stem, after U+180E MVS
 * (GB/T 25914-2023) or U+202F NNBSP (Unicode core spec §13.5). UTN #57's
 * particle dictionary (shaping step 3) lists the ones that take special
 * forms; the rest are the common case endings of the issue's list. Data.
 */
export type Harmony = 'back' | 'front' | 'neutral'

export interface Suffix {
  text: string
  /** The vowel class of the suffix: it must agree with its stem's (back ᠠ ᠣ ᠤ, front ᠡ ᠥ ᠦ). */
  harmony: Harmony
  /** In UTN #57's particle dictionary: after MVS it takes a form other than the word-initial one. */
  particleForm: boolean
  /** Also written as a word of its own after a space (a pronoun, a question particle): no suffix-space finding. */
  standalone: boolean
}

const suffix = (text: string, harmony: Harmony, particleForm: boolean, standalone = false): Suffix => ({ text, harmony, particleForm, standalone })

export const SUFFIXES: readonly Suffix[] = [
  // Genitive.
  suffix('ᠤᠨ', 'back', true),
  suffix('ᠦᠨ', 'front', true),
  suffix('ᠶᠢᠨ', 'neutral', true),
  suffix('ᠢᠨ', 'neutral', false),
  suffix('ᠤ', 'back', true),
  suffix('ᠦ', 'front', true),
  // Accusative.
  suffix('ᠢ', 'neutral', true),
  suffix('ᠶᠢ', 'neutral', true),
  // Dative-locative.
  suffix('ᠳᠤ', 'back', true),
  suffix('ᠲᠤ', 'back', true),
  suffix('ᠳᠦ', 'front', true),
  suffix('ᠲᠦ', 'front', true),
  suffix('ᠳᠤᠷ', 'back', true),
  suffix('ᠲᠤᠷ', 'back', false),
  suffix('ᠳᠦᠷ', 'front', true),
  suffix('ᠲᠦᠷ', 'front', true),
  suffix('ᠳᠠ', 'back', false),
  suffix('ᠳᠡ', 'front', false),
  // Ablative.
  suffix('ᠠᠴᠠ', 'back', true),
  suffix('ᠡᠴᠡ', 'front', false),
  suffix('ᠠᠴᠠᠭᠠᠨ', 'back', true),
  // Instrumental.
  suffix('ᠪᠠᠷ', 'back', false),
  suffix('ᠪᠡᠷ', 'front', false),
  suffix('ᠢᠶᠠᠷ', 'back', true),
  suffix('ᠢᠶᠡᠷ', 'front', true),
  // Comitative.
  suffix('ᠲᠠᠢ', 'back', false),
  suffix('ᠲᠡᠢ', 'front', false),
  // Reflexive possessive.
  suffix('ᠪᠠᠨ', 'back', false),
  suffix('ᠪᠡᠨ', 'front', false),
  suffix('ᠢᠶᠠᠨ', 'back', true),
  suffix('ᠢᠶᠡᠨ', 'front', true),
  // Directive.
  suffix('ᠳᠠᠭᠠᠨ', 'back', true),
  suffix('ᠳᠡᠭᠡᠨ', 'front', true),
  // Plural and particles of UTN #57's dictionary.
  suffix('ᠤᠳ', 'back', true),
  suffix('ᠦᠳ', 'front', true),
  suffix('ᠳᠤᠨᠢ', 'back', true),
  suffix('ᠳᠦᠨᠢ', 'front', true),
  suffix('ᠲᠦᠨᠢ', 'front', true),
  suffix('ᠳᠠᠬᠢ', 'back', true),
  suffix('ᠳᠡᠬᠢ', 'front', true),
  suffix('ᠶᠦᠭᠡᠨ', 'front', true),
  suffix('ᠶᠤᠭᠠᠨ', 'back', false),
  suffix('ᠶᠦᠮ', 'front', true),
  // Further suffixes written after MVS in GB/T 25914-2023 text (the suffix tests of suragch/mongol_code 1.0.5).
  suffix('ᠯᠤᠭ', 'back', false), // ᠯᠤᠭ᠎ᠠ: with its own chachlag
  suffix('ᠯᠦᠭᠡ', 'front', true),
  suffix('ᠲᠠᠢᠭᠠᠨ', 'back', false),
  suffix('ᠲᠡᠢᠭᠡᠨ', 'front', false),
  suffix('ᠲᠠᠭᠠᠨ', 'back', false),
  suffix('ᠲᠡᠭᠡᠨ', 'front', false),
  suffix('ᠡᠴᠡᠭᠡᠨ', 'front', false),
  suffix('ᠨᠤᠭᠤᠳ', 'back', false),
  suffix('ᠨᠦᠭᠦᠳ', 'front', true),
  suffix('ᠨᠠᠷ', 'back', false),
  suffix('ᠨᠡᠷ', 'front', false),
  suffix('ᠢᠨᠦ', 'front', false),
  // Also words of their own: accepted after MVS, not required there.
  suffix('ᠮᠠᠨᠢ', 'back', false, true),
  suffix('ᠮᠢᠨᠢ', 'neutral', false, true),
  suffix('ᠤᠤ', 'back', false, true),
  suffix('ᠦᠦ', 'front', false, true),
]

export const SUFFIX_TEXTS: ReadonlyMap<string, Suffix> = new Map(SUFFIXES.map((s) => [s.text, s]))
