/**
 * What layoutText works out once per text, orientation, style and language, whatever the font
 * size: which font and drawing mode every code point takes, the bidi levels, the break chunks and
 * the runs of each chunk and line shaped by HarfBuzz in font units. Fitting lays one text out at
 * a dozen sizes; only the sums in px, the line breaking and the placing depend on the size.
 * Kept per font set in a bounded lru-cache.
 */
import { memoPerOwner } from './memo.js'
import type { FontSet, LoadedFont, TextStyle } from '../fonts/font-set.js'
import { QoyarError, UncoveredCodePointsError, formatCodePoint, type UncoveredCodePoint } from '../errors.js'
import { embeddingLevels, mirrored, needsBidi, shapesRightToLeft } from './bidi.js'
import { chunksOf, type Chunk } from './breaks.js'
import { isDefaultIgnorable, isUprightInVertical, itemizeScripts, scriptOf, type Script } from './script.js'
import { SCRIPT_PROFILES, defaultLanguage, languageProfile, primaryLanguage } from './scripts/profiles.js'
import { shape, type Shaped } from './shape.js'
import type { Piece } from './types.js'
import { keepAll } from './word-breaks.js'

type Mode = Piece['mode']

/** A half of a full-width cell along the line: the one nearer the line's start or its end. */
export type CellHalf = 'start' | 'end'

/** One code point (with any controls that ride on it) and how it is drawn. */
export interface Atom {
  start: number
  end: number
  script: Script
  font: LoadedFont
  mode: Mode
  /** A CJK character (one that stands upright in vertical text): what tracking spaces. */
  cjk: boolean
  /** Bidi embedding level (UAX #9); 0 outside horizontal right-to-left text. */
  level: number
  /** A space: right-to-left runs are cut at spaces so that each drawn run is one word; word spacing widens it. */
  space: boolean
  /**
   * Punctuation or a symbol (no letter, mark or digit): right-to-left runs are cut around it, since
   * satori would draw a word's trailing full stop on the word's right, where a left-to-right line ends.
   */
  neutral: boolean
  /** Full-width punctuation next to more punctuation, set half width (标点挤压): the half of its cell it gives up. */
  squeezed?: CellHalf
  /** An upright mark of a column: the half of its cell its ink leaves blank (measured, see blankHalfOf). */
  blank?: CellHalf
  /** Digits set side by side in one upright cell of a vertical CJK line (纵中横). */
  combined?: boolean
}

/** A letter, mark, digit or space: anything else is punctuation or a symbol (Atom.neutral). Compiled once. */
const WORDLIKE = /[\p{L}\p{M}\p{N}\s]/u

/**
 * 标点挤压 (GB/T 15834, clreq 3.1.6): two full-width punctuation marks side by side leave a full-width
 * hole ("”（", "）、", "》（"). The first, when its ink sits in the left half of its cell (closing
 * brackets and quotes, and the ，。、 of simplified Chinese fonts), is set half width. Centred marks
 * (：；？！) keep their cell. The advance is halved where it is measured (layout.ts), once the shaped
 * advance shows a full-width glyph. Columns: squeezeColumnPunctuation.
 */
const SQUEEZABLE = new Set('，。、）」』》〉】〕〗〙”’')
const PUNCTUATION_AFTER = new Set('，。、）」』》〉】〕〗〙”’（「『《〈【〔〖〘“‘：；？！')

function squeezePunctuation(text: string, atoms: Atom[]): void {
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i]!
    const b = atoms[i + 1]!
    if (a.mode === 'horizontal' && b.start === a.end && SQUEEZABLE.has(text.slice(a.start, a.end)) && PUNCTUATION_AFTER.has(text.slice(b.start, b.end)))
      a.squeezed = 'end'
  }
}

/** Full-width marks of a column: the marks above and the vertical quotation marks (verticalForms). */
const COLUMN_MARKS = new Set([...PUNCTUATION_AFTER, ...'﹁﹂﹃﹄'])
/** A mark is full width when its advance down the column is at least this much of the em. */
const FULL_WIDTH = 0.9

/**
 * Where an upright mark's ink sits in its cell, from its glyph bounds as HarfBuzz shapes it down the
 * column (what satori draws): the vertical forms differ per mark and per face (﹂ ︶ ︾ 、 。 ink the
 * top half, ﹁ ︵ ︽ the bottom half, ︓ ︔ ︖ ︕ span the middle and have no blank half).
 */
function blankHalfOf(fonts: FontSet, text: string, a: Atom): CellHalf | undefined {
  if (a.mode !== 'upright' || a.combined || !COLUMN_MARKS.has(text.slice(a.start, a.end))) return undefined
  const s = shape(fonts.hb, a.font, text.slice(a.start, a.end), true)
  if (!s.ink || s.advance < FULL_WIDTH * a.font.upem) return undefined
  const half = s.advance / 2
  if (s.ink.y1 <= half) return 'end'
  if (s.ink.y0 >= half) return 'start'
  return undefined
}

/**
 * 标点挤压 in a column: of two full-width marks one above the other, the first gives up its lower
 * half when its ink leaves that half blank (﹂︵, ︶、, 。﹂, ︾，); otherwise the second gives up its
 * upper half when that is blank (︓﹁). Marks whose ink spans their cell keep it.
 */
function squeezeColumnPunctuation(fonts: FontSet, text: string, atoms: Atom[]): void {
  for (const a of atoms) {
    const blank = blankHalfOf(fonts, text, a)
    if (blank) a.blank = blank
  }
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i]!
    const b = atoms[i + 1]!
    const marks =
      b.start === a.end &&
      a.mode === 'upright' &&
      b.mode === 'upright' &&
      COLUMN_MARKS.has(text.slice(a.start, a.end)) &&
      COLUMN_MARKS.has(text.slice(b.start, b.end))
    if (!marks) continue
    if (a.blank === 'end' && a.squeezed === undefined) a.squeezed = 'end'
    else if (b.blank === 'start' && a.squeezed !== 'end') b.squeezed = 'start'
  }
}

/** At most this many digits stand side by side in one cell (纵中横); longer numbers turn with the line. */
const COMBINED_DIGITS = 2
const isDigit = (text: string, a: Atom) => a.end - a.start === 1 && text[a.start]! >= '0' && text[a.start]! <= '9'

/**
 * 纵中横 (text-combine-upright: digits 2): one or two digits between upright characters of a vertical
 * line stand side by side in one cell; longer numbers turn with the line, as Chromium's
 * `text-combine-upright: digits 2` does.
 */
function combineDigits(text: string, atoms: Atom[]): void {
  for (let i = 0; i < atoms.length;) {
    if (!isDigit(text, atoms[i]!) || atoms[i]!.mode !== 'rotated') {
      i++
      continue
    }
    let j = i
    while (j < atoms.length && isDigit(text, atoms[j]!) && atoms[j]!.font === atoms[i]!.font && (j === i || atoms[j - 1]!.end === atoms[j]!.start)) j++
    const before = atoms[i - 1]
    const after = atoms[j]
    const uprightAround =
      (before !== undefined || after !== undefined) &&
      (before === undefined || (before.mode === 'upright' && before.end === atoms[i]!.start)) &&
      (after === undefined || (after.mode === 'upright' && after.start === atoms[j - 1]!.end))
    if (j - i <= COMBINED_DIGITS && uprightAround) for (let k = i; k < j; k++) atoms[k] = { ...atoms[k]!, mode: 'upright', combined: true }
    i = j
  }
}

/**
 * Newlines normalised (U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR too: a designer's
 * manual break, whichever way the text arrives), tabs as spaces, trailing line ends dropped.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/\n+$/, '')
}

/**
 * Assigns a font and a drawing mode to every code point. Throws
 * UncoveredCodePointsError listing every code point no font covers: tofu is
 * never drawn.
 */
export function atomize(fonts: FontSet, text: string, vertical: boolean, style: TextStyle): Atom[] {
  const atoms: Atom[] = []
  const uncovered: UncoveredCodePoint[] = []
  const runs = itemizeScripts(text)
  // Digits and Latin in a Mongolian text take the weight the Mongolian is actually drawn in (its font
  // may have no bold), so the weight does not change inside 2026 ᠣᠨ ᠤ.
  // A run of Mongolian takes in the digits and spaces around it (2026 ᠣᠨ ᠤ is one run): the weight
  // is that of its first Mongolian letter, and every character of another script in it takes it.
  const letter = [...text].find((ch) => scriptOf(ch.codePointAt(0)!) === 'Mong')
  const mnWeight = letter ? fonts.resolve(letter.codePointAt(0)!, 'Mong', style)?.weight : undefined
  const besideMongolian: TextStyle = mnWeight !== undefined ? { ...style, weight: mnWeight } : style
  for (const run of runs) {
    for (let i = run.start; i < run.end;) {
      const cp = text.codePointAt(i)!
      const end = i + (cp > 0xffff ? 2 : 1)
      const prev = atoms[atoms.length - 1]
      const joinsPrev = prev !== undefined && prev.end === i && prev.script === run.script
      if (cp === 0x0a) {
        // Line ends are handled by breaking, never drawn.
      } else if (isDefaultIgnorable(cp) || (joinsPrev && isControlRidingOnPrevious(cp) && prev.font.codepoints.has(cp))) {
        // Shaping controls stay in their neighbour's run so HarfBuzz sees them.
        if (prev && prev.end === i) prev.end = end
      } else {
        const font = fonts.resolve(cp, run.script, scriptOf(cp) === 'Mong' || isUprightInVertical(cp) ? style : besideMongolian)
        if (!font) uncovered.push({ codePoint: formatCodePoint(cp), char: String.fromCodePoint(cp), index: i })
        else
          atoms.push({
            start: i,
            end,
            script: run.script,
            font,
            mode: modeOf(cp, vertical),
            cjk: isUprightInVertical(cp),
            level: 0,
            space: cp === 0x20 || cp === 0xa0,
            neutral: !WORDLIKE.test(String.fromCodePoint(cp)),
          })
      }
      i = end
    }
  }
  if (uncovered.length) throw new UncoveredCodePointsError(uncovered)
  if (vertical) {
    combineDigits(text, atoms)
    squeezeColumnPunctuation(fonts, text, atoms)
  } else squeezePunctuation(text, atoms)
  return atoms
}

/** NNBSP and combining marks must stay in the run before them. */
function isControlRidingOnPrevious(cp: number): boolean {
  return cp === 0x202f || (cp >= 0x0300 && cp <= 0x036f)
}

function modeOf(cp: number, vertical: boolean): Mode {
  if (!vertical) return 'horizontal'
  return isUprightInVertical(cp) ? 'upright' : 'rotated'
}

export interface RawPiece {
  start: number
  end: number
  font: LoadedFont
  script: Script
  mode: Mode
  cjk: boolean
  level: number
  combined?: boolean
  space?: boolean
  squeezed?: CellHalf
  blank?: CellHalf
}

/**
 * Groups atoms of [start, end) into drawable runs: same font and mode; upright
 * characters one each, and with tracking every CJK character one each.
 */
export function piecesIn(atoms: readonly Atom[], start: number, end: number, tracked = false, wordsApart = false, spaced = false): RawPiece[] {
  const out: RawPiece[] = []
  let prev: Atom | undefined
  for (const a of atoms) {
    if (a.end <= start || a.start >= end) continue
    const last = out[out.length - 1]
    const alone = (a.mode === 'upright' && !a.combined) || (tracked && a.cjk) || (spaced && a.space) || a.squeezed !== undefined
    // Right-to-left runs (and languages whose spaces satori cannot shape) are drawn one word at a time.
    const cut =
      ((a.level % 2 === 1 || wordsApart) && prev !== undefined && prev.space !== a.space) ||
      (a.level % 2 === 1 && prev !== undefined && prev.neutral !== a.neutral)
    prev = a
    const sameDirection = last !== undefined && last.level === a.level && !cut
    // Combined digits share one cell: one piece.
    const joins = a.combined ? last?.combined === true : !last?.combined
    if (
      last &&
      !alone &&
      joins &&
      sameDirection &&
      !(tracked && last.cjk) &&
      !(spaced && last.space) &&
      last.squeezed === undefined &&
      last.mode === a.mode &&
      last.font === a.font &&
      last.script === a.script &&
      last.end === a.start
    ) {
      last.end = a.end
    } else
      out.push({
        start: a.start,
        end: a.end,
        font: a.font,
        script: a.script,
        mode: a.mode,
        cjk: a.cjk,
        level: a.level,
        ...(a.combined ? { combined: true } : {}),
        ...(a.space ? { space: true } : {}),
        ...(a.squeezed ? { squeezed: a.squeezed } : {}),
        ...(a.blank ? { blank: a.blank } : {}),
      })
  }
  return out
}

/** A piece as HarfBuzz shaped it, in font units: what measuring it at any size starts from. */
export interface ShapedPiece extends RawPiece {
  /** The text drawn: right-to-left pieces carry their mirrored brackets. */
  text: string
  shaped: Shaped
}

/** The HarfBuzz language for a piece of a script, if any. */
export type LangOf = (script: Script) => string | undefined

/**
 * Right-to-left pieces carry their mirrored brackets; the language reaches HarfBuzz for pieces in the
 * language's own script.
 */
function shapePiece(fonts: FontSet, text: string, raw: RawPiece, lang: LangOf): ShapedPiece {
  const logical = text.slice(raw.start, raw.end)
  // Combined digits are shaped horizontally and narrowed to their cell when measured.
  if (raw.combined) return { ...raw, text: logical, shaped: shape(fonts.hb, raw.font, logical, false) }
  // HarfBuzz mirrors the brackets of a run it shapes right to left; a bracket standing alone is shaped left to right.
  const t = raw.level % 2 === 1 && !shapesRightToLeft(logical) ? mirrored(logical) : logical
  const vertical = raw.mode === 'upright'
  const tag = lang(raw.script)
  const language = tag ? { language: tag, script: raw.script } : undefined
  let shaped = shape(fonts.hb, raw.font, t, vertical, language)
  if (language && shaped.ink) {
    // satori 0.63 passes no language to HarfBuzz: where the language's forms differ
    // (Noto Sans CJK KR's Korean punctuation), measure what satori will draw.
    const plain = shape(fonts.hb, raw.font, t, vertical)
    if (plain.signature !== shaped.signature) shaped = plain
  }
  return { ...raw, text: t, shaped }
}

/**
 * Quotation marks of vertical Chinese (GB/T 15834): “” ‘’ become ﹁﹂ ﹃﹄, which stand in the column,
 * instead of curly quotes turned sideways. Only next to a character that stands upright: quotes in a
 * Mongolian column turn with the line, as Mongolian sets them.
 */
const VERTICAL_QUOTES: Readonly<Record<string, { form: string; opens: boolean }>> = {
  '“': { form: '﹁', opens: true },
  '”': { form: '﹂', opens: false },
  '‘': { form: '﹃', opens: true },
  '’': { form: '﹄', opens: false },
}

export function verticalForms(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const q = VERTICAL_QUOTES[text[i]!]
    const neighbour = q ? text.codePointAt(q.opens ? i + 1 : i - 1) : undefined
    out += q && neighbour !== undefined && isUprightInVertical(neighbour) ? q.form : text[i]!
  }
  return out
}

/** Scripts whose vertical setting is not settled are refused, with the reason, rather than guessed. */
function refuseVertical(scripts: readonly Script[], lang: string): void {
  const refused = scripts.filter((s) => SCRIPT_PROFILES[s]?.vertical === 'refused')
  if (refused.length)
    throw new QoyarError(
      'vertical_not_supported',
      422,
      `Vertical ${refused.map((s) => SCRIPT_PROFILES[s]!.name.en).join(', ')} text is not supported yet: how Xinjiang's standing signs set the Arabic script vertically has not been researched. Use orientation=horizontal.`,
      { scripts: refused, lang },
      { scripts_zh: refused.map((s) => SCRIPT_PROFILES[s]!.name.zh).join('、'), scripts_en: refused.map((s) => SCRIPT_PROFILES[s]!.name.en).join(', ') },
    )
}

/** A break chunk's runs: its content, and the spaces after it. */
export interface ChunkRuns {
  chunk: Chunk
  content: readonly ShapedPiece[]
  trail: readonly ShapedPiece[]
  /** Its content ends on a CJK character (tracking after the last character is not part of a line). */
  cjkEnd: boolean
}

/** The runs of a text grouped one way: with tracking, every CJK character alone; with word spacing, every space alone. */
export interface Grouping {
  chunks: readonly ChunkRuns[]
  /** The shaped runs of the line [start, end). */
  line(start: number, end: number): readonly ShapedPiece[]
}

export interface PreparedText {
  /** Normalised (and in vertical text with vertical quotation marks): offsets into it are the layout's. */
  text: string
  scripts: Script[]
  lang: string
  /** Bidi paragraph level: 1 for a right-to-left paragraph. */
  baseLevel: number
  /** The font whose central baseline is the column's centre: the first drawing its own script. */
  primary: LoadedFont | undefined
  grouping(tracked: boolean, spaced: boolean): Grouping
}

/** A rough upper bound of what a prepared text holds per UTF-16 unit (atoms, runs of up to four groupings, cached lines). */
const BYTES_PER_UNIT = 2048
const MAX_BYTES = 16 * 1024 * 1024
const preparedOf = memoPerOwner<PreparedText>(MAX_BYTES, (p, key) => key.length * 2 + p.text.length * BYTES_PER_UNIT + 1024)

/** The size-independent half of layoutText, cached. Throws what layoutText throws for the text (uncovered code points, refused vertical scripts). */
export function prepareText(fonts: FontSet, source: string, vertical: boolean, style: TextStyle, requestedLang: string | undefined): PreparedText {
  const key = `${vertical ? 'v' : 'h'}\0${style.genre}\0${style.weight}\0${requestedLang ?? ''}\0${source}`
  return preparedOf(fonts, key, () => prepareUncached(fonts, source, vertical, style, requestedLang))
}

function prepareUncached(fonts: FontSet, source: string, vertical: boolean, style: TextStyle, requestedLang: string | undefined): PreparedText {
  // One UTF-16 unit for one: offsets into the text stay the same.
  const text = vertical ? verticalForms(normalizeText(source)) : normalizeText(source)
  const atoms = atomize(fonts, text, vertical, style)
  const scripts = [...new Set(atoms.map((a) => a.script))]
  const lang = requestedLang ?? defaultLanguage(scripts)
  const langProfile = languageProfile(lang)
  const primaryLang = primaryLanguage(lang)
  const langOf: LangOf = (script) => (langProfile?.script === script ? primaryLang : undefined)
  if (vertical) refuseVertical(scripts, lang)
  // Horizontal right-to-left text: levels per atom; the paragraph runs the way its language (or its first strong character) does.
  const paragraphDirection = langProfile ? (SCRIPT_PROFILES[langProfile.script]?.direction ?? 'ltr') : 'ltr'
  let baseLevel = 0
  if (!vertical && needsBidi(text)) {
    const { levels, base } = embeddingLevels(text, paragraphDirection === 'rtl' ? 'rtl' : 'auto')
    baseLevel = base
    for (const a of atoms) a.level = levels[a.start] ?? base
  }
  // Languages whose spaces satori cannot shape are drawn a word at a time.
  const wordsApart = langProfile?.wordsDrawnApart === true
  const all = chunksOf(text)
  const chunks = langProfile?.breaks === 'keep-all' ? keepAll(all) : all
  const groupings = new Map<string, Grouping>()
  const grouping = (tracked: boolean, spaced: boolean): Grouping => {
    const key = `${tracked}${spaced}`
    let g = groupings.get(key)
    if (!g) {
      g = groupingOf(fonts, text, atoms, chunks, langOf, tracked, wordsApart, spaced)
      groupings.set(key, g)
    }
    return g
  }
  const primary = atoms.find((a) => a.font.scripts[0] === a.script)?.font ?? atoms[0]?.font
  return { text, scripts, lang, baseLevel, primary, grouping }
}

function groupingOf(
  fonts: FontSet,
  text: string,
  atoms: readonly Atom[],
  chunks: readonly Chunk[],
  langOf: LangOf,
  tracked: boolean,
  wordsApart: boolean,
  spaced: boolean,
): Grouping {
  const runsOf = (start: number, end: number) => piecesIn(atoms, start, end, tracked, wordsApart, spaced).map((p) => shapePiece(fonts, text, p, langOf))
  const chunkRuns = chunks.map((chunk) => ({
    chunk,
    content: runsOf(chunk.start, chunk.contentEnd),
    trail: runsOf(chunk.contentEnd, chunk.end),
    cjkEnd: atoms.some((a) => a.end === chunk.contentEnd && a.cjk),
  }))
  // Lines repeat from size to size; a text's cached lines hold at most a few times its pieces.
  const lines = new Map<string, readonly ShapedPiece[]>()
  const maxPieces = 4 * atoms.length + 64
  let pieces = 0
  return {
    chunks: chunkRuns,
    line(start, end) {
      const key = `${start}:${end}`
      let runs = lines.get(key)
      if (!runs) {
        runs = runsOf(start, end)
        if (pieces + runs.length > maxPieces) {
          lines.clear()
          pieces = 0
        }
        lines.set(key, runs)
        pieces += runs.length
      }
      return runs
    },
  }
}
