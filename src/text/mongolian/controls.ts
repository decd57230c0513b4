/** The Mongolian joining controls: one definition for the checker, the Menksoft converter and the tests. */

/** U+180E MONGOLIAN VOWEL SEPARATOR: joins a separated final ᠠ/ᠡ or a suffix to its stem (GB/T 25914-2023). */
export const MVS = '\u180E'
/** U+202F NARROW NO-BREAK SPACE: the older connector before a suffix (Unicode §13.5). */
export const NNBSP = '\u202F'
