/**
 * Menksoft legacy glyph codes to standard Unicode (GB/T 25914-2023, UTN #57).
 * A Menksoft code names a drawn shape; Unicode names the letter and lets the
 * font choose the shape. So a code becomes its letter, plus a control only
 * where the shape is not the one the standard's shaping would choose by
 * itself: MVS before a separated final ᠠ/ᠡ, and GA/QA, whose shapes depend on
 * the word's gender (vowel harmony). Learnt from suragch/mongol_code 1.0.5
 * (CC0); written anew.
 */
import { MENKSOFT_FIRST, MENKSOFT_GLYPHS, MENKSOFT_LAST, MENKSOFT_LETTERS } from './menksoft-glyphs.js'
import type { Position } from './variants.js'
import { MVS } from './controls.js'

const FVS1 = '\u180B'
const FVS2 = '\u180C'
const FVS3 = '\u180D'
const FVS4 = '\u180F'

/** Menksoft's two space glyphs: a no-break one (before a suffix: MVS today) and a plain one. */
const NO_BREAK_SPACE = 0xe263
const SPACE = 0xe262

const PUNCTUATION: ReadonlyMap<number, string> = new Map([
  [0xe234, '\u1800'], // birga
  [0xe235, '\u1801'], // ellipsis
  [0xe236, '\u1802'], // comma
  [0xe237, '\u1803'], // full stop
  [0xe238, '\u1804'], // colon
  [0xe239, '\u1805'], // four dots
  [0xe23a, '\u1806'], // Todo soft hyphen
  [0xe23b, '\u1807'], // Sibe syllable boundary marker
  [0xe23c, '\u1808'], // Manchu comma
  [0xe23d, '\u1809'], // Manchu full stop
  [0xe23e, '\u180A'], // nirugu
  [0xe23f, '\u1800\u180B'], // birga with ornament
  [0xe240, '\u1800\u180C'], // rotated birga
  [0xe241, '\u1800\u180D'], // double birga with ornament
  [0xe242, '\u1800\u180F'], // triple birga with ornament
  [0xe243, '\u00B7'],
  ...Array.from({ length: 10 }, (_, d): [number, string] => [0xe244 + d, String.fromCharCode(0x1810 + d)]),
  [0xe24e, '\u2048'], // ?!
  [0xe24f, '\u2049'], // !?
  [0xe250, '\uFF01'],
  [0xe251, '\uFF1F'],
  [0xe252, '\uFF1B'],
  [0xe253, '\uFF08'],
  [0xe254, '\uFF09'],
  [0xe255, '\u3008'],
  [0xe256, '\u3009'],
  [0xe257, '\uFE39'],
  [0xe258, '\uFE3A'],
  [0xe259, '\u300A'],
  [0xe25a, '\u300B'],
  [0xe25b, '\uFE41'],
  [0xe25c, '\uFE42'],
  [0xe25d, '\uFF0C'],
  [0xe25e, '\u00D7'],
  [0xe25f, '\u203B'],
  [0xe260, '\u2013'],
  [0xe261, '\u2014'],
])

export function isMenksoft(cp: number): boolean {
  return cp >= MENKSOFT_FIRST && cp <= MENKSOFT_LAST
}

type Gender = 'masculine' | 'feminine' | 'neutral'

const BACK = new Set(['ᠠ', 'ᠣ', 'ᠤ'])
const FRONT = new Set(['ᠡ', 'ᠥ', 'ᠦ', 'ᠧ'])
const VOWELS = new Set([...BACK, ...FRONT, 'ᠢ'])
const ROUNDED = new Set(['ᠣ', 'ᠤ', 'ᠥ', 'ᠦ'])

function genderOf(letters: readonly string[]): Gender {
  if (letters.some((l) => BACK.has(l))) return 'masculine'
  if (letters.some((l) => FRONT.has(l))) return 'feminine'
  return 'neutral'
}

function isLetterCode(cp: number | undefined): cp is number {
  return cp !== undefined && cp >= MENKSOFT_LETTERS && cp <= MENKSOFT_LAST
}

/** Glyphs drawn only as word ends, and only as word starts: a word boundary hides between the two. */
const glyphsOnly = (allowed: readonly string[]) =>
  new Set([...MENKSOFT_GLYPHS].filter(([, g]) => Object.keys(g.forms).length > 0 && Object.keys(g.forms).every((f) => allowed.includes(f))).map(([cp]) => cp))
const CLOSING = glyphsOnly(['fina', 'isol'])
const OPENING = glyphsOnly(['init', 'isol'])
const closesWord = (cp: number) => CLOSING.has(cp)
const opensWord = (cp: number) => OPENING.has(cp)

const STRAIGHT_YA = 0xe321
const LONG_TOOTH_I = new Set([0xe27e, 0xe27f])

/**
 * A vowel, then a straight tooth (ᠶ's or ᠢ's), then a medial ᠢ: Menksoft's
 * two shapes of the diphthong ai/ei/ui, which Unicode writes with one ᠢ
 * (the font draws the double tooth itself).
 */
function diphthongs(codes: readonly number[]): { codes: number[]; collapsed: Set<number> } {
  const out: number[] = []
  // Indices (in the output) of an ᠢ whose double tooth Menksoft drew with two codes.
  const collapsed = new Set<number>()
  for (let i = 0; i < codes.length; i++) {
    const cp = codes[i]!
    const medialI = LONG_TOOTH_I.has(codes[i + 1] ?? -1) && i + 1 < codes.length - 1
    const afterVowel = VOWELS.has(MENKSOFT_GLYPHS.get(codes[i - 1] ?? -1)?.letter ?? '')
    if ((cp === STRAIGHT_YA || LONG_TOOTH_I.has(cp)) && medialI && afterVowel && i > 0) {
      collapsed.add(out.length)
      continue
    }
    out.push(cp)
  }
  return { codes: out, collapsed }
}

/** One Menksoft word (letters only) to Unicode. `afterMvs`: the word is a suffix. */
function convertWord(input: readonly number[], afterMvs: boolean): string {
  const { codes, collapsed } = diphthongs(input)
  const letters = codes.map((cp) => MENKSOFT_GLYPHS.get(cp)?.letter ?? '')
  const gender = genderOf(letters)
  let out = ''
  for (let i = 0; i < codes.length; i++) {
    const cp = codes[i]!
    const glyph = MENKSOFT_GLYPHS.get(cp)
    if (!glyph) continue
    const position: Position = codes.length === 1 ? 'isol' : i === 0 ? 'init' : i === codes.length - 1 ? 'fina' : 'medi'
    // The glyph's own tags for the position it stands in (a glyph drawn for another form keeps its first tags).
    const tags = glyph.forms[position] ?? Object.values(glyph.forms)[0] ?? ''
    const has = (tag: string) => tags.split('+').includes(tag)
    const next = letters[i + 1]
    const prev = letters[i - 1]
    let letter = glyph.letter
    let suffix = ''
    let prefix = ''
    if ((letter === 'ᠠ' || letter === 'ᠡ') && position === 'fina' && has('mvs')) prefix = MVS
    else if ((letter === 'ᠠ' || letter === 'ᠡ') && position === 'isol' && !afterMvs) suffix = has('fvs1') ? FVS1 : has('fvs2') ? FVS2 : ''
    else if (!afterMvs && position === 'fina' && i === 1 && ROUNDED.has(letter) && !VOWELS.has(prev ?? '') && !tags.includes('fvs')) {
      // After an initial consonant the standard marks a final o/u/ö/ü (UTN #57 step 1); Menksoft's plain shape needs the selector back.
      suffix = letter === 'ᠣ' || letter === 'ᠤ' ? FVS2 : FVS3
    } else if (!afterMvs && (letter === 'ᠳ' || letter === 'ᠲ') && has('fvs1') && (position === 'medi' ? (letter === 'ᠳ') !== VOWELS.has(next ?? '') : true)) {
      // The shape the syllable would not choose: ᠳ's D where T/Dd is due (initial, final, medial before a consonant), ᠲ's T before a vowel.
      suffix = FVS1
    } else if (!afterMvs && letter === 'ᠶ' && cp === STRAIGHT_YA) {
      suffix = FVS1 // the straight tooth: UTN #57 y with FVS1 (I)
    } else if (
      letter === 'ᠢ' &&
      position === 'medi' &&
      LONG_TOOTH_I.has(cp) &&
      VOWELS.has(prev ?? '') &&
      !collapsed.has(i) &&
      !(i === 1 && (prev === 'ᠥ' || prev === 'ᠦ'))
    ) {
      // One long tooth after a vowel, where the standard would draw the double tooth (ᠨᠠᠢ᠍ᠮᠠ); not after an initial ö/ü, whose form ends in I already.
      suffix = FVS3
    } else if (letter === 'ᠬ') {
      // Dotted masculine QA is a GA; a plain QA shape before a consonant is a GA.
      if (has('fvs1')) letter = 'ᠭ'
      else if (position === 'medi' && !tags.includes('fvs') && next !== undefined && !VOWELS.has(next)) letter = 'ᠭ'
      else if (position === 'medi' && has('fvs2') && gender === 'masculine' && next !== undefined && !VOWELS.has(next)) {
        letter = 'ᠭ'
        suffix = FVS2
      } else if (gender === 'masculine' && !(next !== undefined && (FRONT.has(next) || next === 'ᠢ'))) {
        // The feminine shape where the word's gender would choose the masculine one.
        suffix = has('fvs4') ? FVS4 : has('fvs2') ? FVS2 : ''
      }
    } else if (letter === 'ᠭ') {
      if ((position === 'init' || position === 'isol') && has('fvs1'))
        letter = 'ᠬ' // undotted masculine GA shape is a QA
      else if (position === 'fina') {
        if (has('fvs3')) suffix = FVS3
        else if (has('fvs1') && gender !== 'masculine') suffix = FVS1
        else if (!has('fvs1') && gender === 'masculine') suffix = FVS2
      } else if (position === 'medi' && has('fvs2') && gender === 'masculine') {
        // The feminine shape in a masculine word, beside a vowel and not before ᠡ-class or ᠢ.
        const besideVowel = (prev !== undefined && VOWELS.has(prev)) || (next !== undefined && VOWELS.has(next))
        if (besideVowel && next !== undefined && !FRONT.has(next) && next !== 'ᠢ') suffix = FVS2
      }
    }
    out += prefix + letter + suffix
  }
  return out
}

/**
 * Converts every Menksoft code in `text`; everything else passes through.
 * Menksoft's no-break space before a suffix becomes MVS, the connector the
 * 2023 standard chooses; a word boundary Menksoft left implicit (a final
 * shape followed by an initial one) becomes a space.
 */
export function convertMenksoft(text: string): string {
  let out = ''
  let word: number[] = []
  let afterMvs = false
  const flush = () => {
    if (!word.length) return
    // Split where a closing shape meets an opening one: two words typed without a space.
    let start = 0
    for (let i = 1; i <= word.length; i++) {
      if (i === word.length || (closesWord(word[i - 1]!) && opensWord(word[i]!))) {
        out += (start > 0 ? ' ' : '') + convertWord(word.slice(start, i), afterMvs && start === 0)
        start = i
      }
    }
    word = []
    afterMvs = false
  }
  const cps = Array.from(text, (ch) => ch.codePointAt(0)!)
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!
    if (isLetterCode(cp)) {
      word.push(cp)
      continue
    }
    flush()
    if (cp === NO_BREAK_SPACE || cp === SPACE) {
      const suffixFollows = cp === NO_BREAK_SPACE && isLetterCode(cps[i + 1])
      out += suffixFollows ? MVS : ' '
      afterMvs = suffixFollows
      continue
    }
    out += PUNCTUATION.get(cp) ?? String.fromCodePoint(cp)
  }
  flush()
  return out
}
