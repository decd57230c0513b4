/**
 * The text layout every template uses: itemize by script, pick fonts,
 * break into lines or columns, shape, and place each run in block
 * coordinates. Vertical Mongolian follows the browser model
 * (`writing-mode: vertical-lr`): the line is shaped horizontally and turned
 * 90° clockwise, columns run top→bottom and follow each other left→right,
 * Han characters stand upright inside, every run centred on the column's
 * central baseline.
 */
import type { FontSet, LoadedFont, TextStyle } from '../fonts/font-set.js'
import { UncoveredCodePointsError, formatCodePoint, type UncoveredCodePoint } from '../errors.js'
import { QoyarError } from '../errors.js'
import { embeddingLevels, mirrored, needsBidi, shapesRightToLeft, visualOrder } from './bidi.js'
import { facePerUnit, inkAcross } from './measure.js'
import { chunksOf, type BreakKind, type Chunk } from './breaks.js'
import { isDefaultIgnorable, isUprightInVertical, itemizeScripts, type Script } from './script.js'
import { SCRIPT_PROFILES, defaultLanguage, languageProfile, primaryLanguage } from './scripts/profiles.js'
import { shape, unionBox, type Box } from './shape.js'
import { keepAll } from './word-breaks.js'
import type { Line, Piece, Progression, TextLayout, TextSpec } from './types.js'

const DEFAULT_STYLE: TextStyle = { genre: 'sans', weight: 400 }

/**
 * Column pitch of vertical Chinese, em: clreq and the handbook ask 1.5–2 em so that columns never
 * touch; 1.5 is what Chromium sets for `writing-mode: vertical-rl; line-height: 1.5`. The natural
 * pitch of an upright column is its 1 em cell, which reads as a grid.
 */
export const VERTICAL_CJK_PITCH = 1.5

type Mode = Piece['mode']

/** One code point (with any controls that ride on it) and how it is drawn. */
interface Atom {
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
  /** Digits set side by side in one upright cell of a vertical CJK line (纵中横). */
  combined?: boolean
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

/** Newlines normalised, tabs as spaces, trailing line ends dropped. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/\n+$/, '')
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
  const mongolian = runs.find((r) => r.script === 'Mong')
  const mnWeight = mongolian ? fonts.resolve(text.codePointAt(mongolian.start)!, 'Mong', style)?.weight : undefined
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
        const font = fonts.resolve(cp, run.script, run.script === 'Mong' || isUprightInVertical(cp) ? style : besideMongolian)
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
            neutral: !/[\p{L}\p{M}\p{N}\s]/u.test(String.fromCodePoint(cp)),
          })
      }
      i = end
    }
  }
  if (uncovered.length) throw new UncoveredCodePointsError(uncovered)
  if (vertical) combineDigits(text, atoms)
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

interface RawPiece {
  start: number
  end: number
  font: LoadedFont
  script: Script
  mode: Mode
  cjk: boolean
  level: number
  combined?: boolean
  space?: boolean
}

/**
 * Groups atoms of [start, end) into drawable runs: same font and mode; upright
 * characters one each, and with tracking every CJK character one each.
 */
function piecesIn(atoms: readonly Atom[], start: number, end: number, tracked = false, wordsApart = false, spaced = false): RawPiece[] {
  const out: RawPiece[] = []
  let prev: Atom | undefined
  for (const a of atoms) {
    if (a.end <= start || a.start >= end) continue
    const last = out[out.length - 1]
    const alone = (a.mode === 'upright' && !a.combined) || (tracked && a.cjk) || (spaced && a.space)
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
      })
  }
  return out
}

interface Measured extends RawPiece {
  text: string
  /** px */
  advance: number
  scale: number
  shaped: ReturnType<typeof shape>
}

/** Combined digits take at most this width of their cell, em. */
const COMBINED_WIDTH = 0.92

/**
 * A piece's advance includes the tracking after it (CJK characters only) and the word spacing of a space.
 * Right-to-left pieces carry their mirrored brackets; the language reaches HarfBuzz for pieces in the
 * language's own script.
 */
function measure(fonts: FontSet, text: string, raw: RawPiece, fontSize: number, tracking = 0, wordSpacing = 0, lang?: LangOf): Measured {
  const logical = text.slice(raw.start, raw.end)
  if (raw.combined) {
    // Shaped horizontally, narrowed to fit its one-em cell, which is its advance down the column.
    const shaped = shape(fonts.hb, raw.font, logical, false)
    const scale = Math.min(fontSize / raw.font.upem, (COMBINED_WIDTH * fontSize) / Math.max(1, shaped.advance))
    return { ...raw, text: logical, shaped, scale, advance: fontSize + tracking }
  }
  // HarfBuzz mirrors the brackets of a run it shapes right to left; a bracket standing alone is shaped left to right.
  const t = raw.level % 2 === 1 && !shapesRightToLeft(logical) ? mirrored(logical) : logical
  const vertical = raw.mode === 'upright'
  const tag = lang?.(raw.script)
  const language = tag ? { language: tag, script: raw.script } : undefined
  let shaped = shape(fonts.hb, raw.font, t, vertical, language)
  if (language && shaped.ink) {
    // satori 0.63 passes no language to HarfBuzz: where the language's forms differ
    // (Noto Sans CJK KR's Korean punctuation), measure what satori will draw.
    const plain = shape(fonts.hb, raw.font, t, vertical)
    if (plain.signature !== shaped.signature) shaped = plain
  }
  const scale = fontSize / raw.font.upem
  return { ...raw, text: t, shaped, scale, advance: shaped.advance * scale + (raw.cjk ? tracking : 0) + (raw.space ? wordSpacing : 0) }
}

/** Half of the cross-axis extent a piece needs around its line's centre (vertical) — or its ascent/descent (horizontal). */
function crossExtent(m: Measured): { ascent: number; descent: number } {
  if (m.combined) {
    const half = m.advance / 2
    return { ascent: half, descent: half }
  }
  if (m.mode === 'upright') {
    const half = (m.shaped.crossAdvance * m.scale) / 2
    return { ascent: half, descent: half }
  }
  return { ascent: m.font.hhea.ascender * m.scale, descent: -m.font.hhea.descender * m.scale }
}

/** The HarfBuzz language for a piece of a script, if any. */
type LangOf = (script: Script) => string | undefined

interface LineRange {
  start: number
  end: number
  overflows: boolean
}

/**
 * What a break costs, in the unit of the balance term (one em of difference between lines, squared):
 * a phrase break is free, a word break is worth moving about three characters between lines, a
 * break inside a word is taken only when nothing else fits.
 */
const BREAK_COST: Record<BreakKind, number> = { phrase: 0, word: 10, weak: 25, inside: 60 }
/** A last line of one Mongolian word or ≤ 2 Chinese characters, when a better break exists. */
const ORPHAN_COST = 80
/** Dominates every other term: the fewest lines come first, then good breaks and balance. */
const LINE_COST = 1e12
const ORPHAN_CJK = 2

/**
 * Full-width closing marks whose ink sits in the first half of their cell: at a line's end that blank
 * half may pass the line's end (push-in, 行末点号压缩), so 离不开。 stays on one line instead of pushing
 * 开。 onto the next and leaving a hole.
 */
const HANGING = new Set([...'，。、；：！？）》」』】﹂﹄'])
const HANG_EM = 0.5

function hangOf(text: string, contentEnd: number, fontSize: number): number {
  return contentEnd > 0 && HANGING.has(text[contentEnd - 1]!) ? HANG_EM * fontSize : 0
}

/** One Mongolian (or Latin) word, or at most two Chinese characters. */
function isOrphan(text: string): boolean {
  const t = text.trim()
  if (!t) return false
  const chars = [...t]
  const cjk = chars.filter((c) => isUprightInVertical(c.codePointAt(0)!) && !/\p{P}/u.test(c)).length
  if (cjk > 0) return cjk <= ORPHAN_CJK && chars.every((c) => isUprightInVertical(c.codePointAt(0)!) || /\p{P}/u.test(c))
  return !/\s/.test(t)
}

/**
 * Lines (columns) of a text: the fewest that fit `maxLength`, and among those the breaks with the
 * least cost: good break places (breaks.ts), balanced lengths, no orphan. One paragraph at a time;
 * a newline always breaks. A single unbreakable chunk longer than `maxLength` is a line of its own,
 * flagged as overflowing.
 */
function breakLines(
  fonts: FontSet,
  text: string,
  atoms: readonly Atom[],
  fontSize: number,
  maxLength: number | undefined,
  tracking = 0,
  wordsWhole = false,
  lang?: LangOf,
  wordsApart = false,
  wordSpacing = 0,
): LineRange[] {
  const advanceOf = (start: number, end: number) =>
    piecesIn(atoms, start, end, tracking !== 0, wordsApart, wordSpacing !== 0).reduce(
      (sum, p) => sum + measure(fonts, text, p, fontSize, tracking, wordSpacing, lang).advance,
      0,
    )
  // Tracking after the last character of a line is not part of the line.
  const trailing = (end: number) => (tracking !== 0 && atoms.some((a) => a.end === end && a.cjk) ? tracking : 0)
  const all = chunksOf(text)
  const chunks = wordsWhole ? keepAll(all) : all
  if (!chunks.length) return []
  const measured = chunks.map((c) => {
    const content = advanceOf(c.start, c.contentEnd)
    return { ...c, full: content + advanceOf(c.contentEnd, c.end), ends: content - trailing(c.contentEnd) - hangOf(text, c.contentEnd, fontSize) }
  })
  const lines: LineRange[] = []
  let first = 0
  for (let k = 0; k < measured.length; k++) {
    if (!measured[k]!.hard && k < measured.length - 1) continue
    lines.push(...breakParagraph(text, measured.slice(first, k + 1), fontSize, maxLength))
    if (measured[k]!.hard) {
      const end = measured[k]!.end
      // A text ending in a newline still has its (empty) last line, as before.
      if (k === measured.length - 1) lines.push({ start: end, end, overflows: false })
    }
    first = k + 1
  }
  return lines
}

function breakParagraph(
  text: string,
  chunks: readonly (Chunk & { full: number; ends: number })[],
  fontSize: number,
  maxLength: number | undefined,
): LineRange[] {
  const n = chunks.length
  const lineOf = (i: number, j: number, overflows: boolean): LineRange => ({ start: chunks[i]!.start, end: chunks[j]!.contentEnd, overflows })
  if (maxLength === undefined) return [lineOf(0, n - 1, false)]
  // prefix[i]: the full advance of chunks before i.
  const prefix = [0]
  for (const c of chunks) prefix.push(prefix[prefix.length - 1]! + c.full)
  const lengthOf = (i: number, j: number) => prefix[j]! - prefix[i]! + chunks[j]!.ends
  // best[j + 1]: least cost of chunks 0..j broken into lines, the last ending after chunk j.
  const best: number[] = [0]
  const from: number[] = [0]
  for (let j = 0; j < n; j++) {
    let cost = Infinity
    let at = j
    for (let i = j; i >= 0; i--) {
      const length = lengthOf(i, j)
      if (length > maxLength + 1e-6 && i < j) break
      const slack = Math.max(0, maxLength - length) / fontSize
      const last = j === n - 1
      let c = best[i]! + LINE_COST + slack * slack + (last ? 0 : BREAK_COST[chunks[j]!.kind])
      if (last && i > 0 && isOrphan(text.slice(chunks[i]!.start, chunks[j]!.contentEnd))) c += ORPHAN_COST
      if (c < cost) {
        cost = c
        at = i
      }
    }
    best.push(cost)
    from.push(at)
  }
  const out: LineRange[] = []
  for (let j = n - 1; j >= 0;) {
    const i = from[j + 1]!
    out.unshift(lineOf(i, j, lengthOf(i, j) > maxLength + 1e-6))
    j = i - 1
  }
  return out
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

export function layoutText(fonts: FontSet, spec: TextSpec): TextLayout {
  const vertical = spec.orientation === 'vertical'
  // One UTF-16 unit for one: offsets into the text stay the same.
  const text = vertical ? verticalForms(normalizeText(spec.text)) : normalizeText(spec.text)
  const style = spec.style ?? DEFAULT_STYLE
  const { fontSize } = spec
  const atoms = atomize(fonts, text, vertical, style)
  const scripts = [...new Set(atoms.map((a) => a.script))]
  const progression: Progression = !vertical ? 'ttb' : (spec.columnProgression ?? (scripts.includes('Mong') ? 'ltr' : 'rtl'))
  const lang = spec.lang ?? defaultLanguage(scripts)
  const langProfile = languageProfile(lang)
  const langOf: LangOf = (script) => (langProfile?.script === script ? primaryLanguage(lang) : undefined)
  if (vertical) refuseVertical(scripts, lang)
  // Horizontal right-to-left text: levels per atom; the paragraph runs the way its language (or its first strong character) does.
  const paragraphDirection = langProfile ? (SCRIPT_PROFILES[langProfile.script]?.direction ?? 'ltr') : 'ltr'
  let baseLevel = 0
  if (!vertical && needsBidi(text)) {
    const { levels, base } = embeddingLevels(text, paragraphDirection === 'rtl' ? 'rtl' : 'auto')
    baseLevel = base
    for (const a of atoms) a.level = levels[a.start] ?? base
  }

  const tracking = spec.tracking ?? 0
  const wordsApart = langProfile?.wordsDrawnApart === true
  const wordSpacing = spec.wordSpacing ?? 0
  const ranges = breakLines(fonts, text, atoms, fontSize, spec.maxLength, tracking, langProfile?.breaks === 'keep-all', langOf, wordsApart, wordSpacing)
  const measuredLines = ranges.map((r) => {
    const logical = piecesIn(atoms, r.start, r.end, tracking !== 0, wordsApart, wordSpacing !== 0).map((p) =>
      measure(fonts, text, p, fontSize, tracking, wordSpacing, langOf),
    )
    const pieces = baseLevel === 0 && logical.every((p) => p.level === 0) ? logical : visualOrder(logical)
    const last = pieces[pieces.length - 1]
    if (last?.cjk && tracking !== 0) pieces[pieces.length - 1] = { ...last, advance: last.advance - tracking }
    return { range: r, pieces, length: pieces.reduce((s, p) => s + p.advance, 0) }
  })

  // As Chromium does for vertical-lr: every run shares one alphabetic
  // baseline, placed so that the primary font's central baseline (halfway
  // between its ascent and descent; the primary font is the first font
  // drawing its own script) is the column's centre. Rotated runs sit on that
  // baseline; an upright character centres on its own font's central baseline.
  const primary = atoms.find((a) => a.font.scripts[0] === a.script)?.font ?? atoms[0]?.font
  const primaryShift = primary ? ((-primary.hhea.descender - primary.hhea.ascender) / 2) * (fontSize / primary.upem) : 0
  // One pitch for every line of the block, so lines are evenly spaced.
  let ascent = 0
  let descent = 0
  for (const l of measuredLines)
    for (const p of l.pieces) {
      const e = crossExtent(p)
      if (vertical && p.mode === 'upright') {
        // Combined digits centre on the column's centre line itself.
        const c = p.combined ? 0 : primaryShift + uprightCentre(p)
        ascent = Math.max(ascent, c + e.ascent)
        descent = Math.max(descent, e.descent - c)
      } else if (vertical) {
        // Measured from the centre line: right of it (ascent side) and left of it.
        ascent = Math.max(ascent, primaryShift + e.ascent)
        descent = Math.max(descent, e.descent - primaryShift)
      } else {
        ascent = Math.max(ascent, e.ascent)
        descent = Math.max(descent, e.descent)
      }
    }
  if (ascent + descent === 0) {
    // Blank text still has a line box: use the em.
    ascent = descent = fontSize / 2
  }
  const natural = ascent + descent
  const emPitch = spec.pitch ?? (spec.lineHeight === undefined && vertical && !scripts.includes('Mong') ? VERTICAL_CJK_PITCH : undefined)
  const pitch = emPitch !== undefined ? Math.max(natural, emPitch * fontSize) : natural * (spec.lineHeight ?? 1)
  const mainLength = Math.max(0, ...measuredLines.map((l) => l.length))
  const n = measuredLines.length

  const lines: Line[] = measuredLines.map((ml, i) => {
    const slot = progression === 'rtl' ? n - 1 - i : i
    const crossStart = slot * pitch
    const lead = mainLength - ml.length
    // start and end follow the paragraph: a right-to-left block starts at the right.
    const atEnd = (spec.align ?? 'start') === (baseLevel % 2 === 1 ? 'start' : 'end')
    let m = spec.align === 'center' ? lead / 2 : atEnd ? lead : 0
    const pieces: Piece[] = []
    let lineInk: Box | null = null
    for (const p of ml.pieces) {
      const piece = vertical
        ? placeVertical(p, style.weight, crossStart + (pitch - natural) / 2 + descent, primaryShift, m)
        : placeHorizontal(p, style.weight, crossStart + (pitch - natural) / 2 + ascent, m)
      pieces.push(piece)
      lineInk = unionBox(lineInk, piece.ink)
      m += p.advance
    }
    const box: Box = vertical
      ? { x0: crossStart, y0: 0, x1: crossStart + pitch, y1: mainLength }
      : { x0: 0, y0: crossStart, x1: mainLength, y1: crossStart + pitch }
    return {
      start: ml.range.start,
      end: ml.range.end,
      text: text.slice(ml.range.start, ml.range.end),
      box,
      length: ml.length,
      ink: lineInk,
      pieces,
      overflows: ml.range.overflows,
    }
  })

  const blockInk = lines.reduce<Box | null>((acc, l) => unionBox(acc, l.ink), null)
  const direction: TextLayout['direction'] = baseLevel % 2 === 1 ? 'rtl' : 'ltr'
  const partial = {
    text,
    orientation: spec.orientation,
    progression,
    fontSize,
    width: vertical ? n * pitch : mainLength,
    height: vertical ? mainLength : n * pitch,
    lines,
    ink: blockInk,
    overflow: lines.some((l) => l.overflows),
    scripts,
    lang,
    direction,
  }
  // The primary font's face for its own script; scripts without a reference letter are measured by their ink.
  const face = primary && blockInk ? facePerUnit(fonts.hb, primary, primary.scripts[0]!) : null
  return { ...partial, visualSize: !blockInk ? 0 : face !== null ? face * fontSize : inkAcross({ ...partial, visualSize: 0 }) }
}

/** Scripts whose vertical setting is not settled are refused, with the reason, rather than guessed. */
function refuseVertical(scripts: readonly Script[], lang: string): void {
  const refused = scripts.filter((s) => SCRIPT_PROFILES[s]?.vertical === 'refused')
  if (refused.length)
    throw new QoyarError(
      'vertical_not_supported',
      422,
      `Vertical ${refused.join(', ')} text is not supported yet: how Xinjiang's standing signs set the Arabic script vertically has not been researched. Use orientation=horizontal.`,
      { scripts: refused, lang },
      { scripts: refused.join(', ') },
    )
}

function basePiece(p: Measured, weight: number): Omit<Piece, 'origin' | 'box' | 'ink'> {
  return {
    text: p.text,
    fontId: p.font.id,
    script: p.script,
    mode: p.mode,
    fontSize: p.scale * p.font.upem,
    weight,
    advance: p.advance,
    features: p.mode === 'upright' && !p.combined ? 'vert' : null,
    ascent: p.font.hhea.ascender * p.scale,
    descent: -p.font.hhea.descender * p.scale,
  }
}

function placeHorizontal(p: Measured, weight: number, baseline: number, m: number): Piece {
  const { ascent, descent } = crossExtent(p)
  const ink = p.shaped.ink
  return {
    ...basePiece(p, weight),
    origin: { x: m, y: baseline },
    box: { x0: m, y0: baseline - ascent, x1: m + p.advance, y1: baseline + descent },
    ink: ink && {
      x0: m + ink.x0 * p.scale,
      y0: baseline + ink.y0 * p.scale,
      x1: m + ink.x1 * p.scale,
      y1: baseline + ink.y1 * p.scale,
    },
  }
}

/** Where an upright character's centre sits right of the shared baseline: its font's central baseline. */
function uprightCentre(p: Measured): number {
  return ((p.font.hhea.ascender + p.font.hhea.descender) / 2) * p.scale
}

function placeVertical(p: Measured, weight: number, columnCentre: number, baselineShift: number, m: number): Piece {
  const ink = p.shaped.ink
  if (p.combined) {
    // Centred in its cell on the column's centre line, drawn as a horizontal run.
    const width = p.shaped.advance * p.scale
    const baseline = m + p.advance / 2 - (ink ? ((ink.y0 + ink.y1) / 2) * p.scale : 0)
    const x = columnCentre - width / 2
    return {
      ...basePiece(p, weight),
      origin: { x, y: baseline },
      box: { x0: columnCentre - p.advance / 2, y0: m, x1: columnCentre + p.advance / 2, y1: m + p.advance },
      ink: ink && { x0: x + ink.x0 * p.scale, y0: baseline + ink.y0 * p.scale, x1: x + ink.x1 * p.scale, y1: baseline + ink.y1 * p.scale },
    }
  }
  if (p.mode === 'upright') {
    const center = columnCentre + baselineShift + uprightCentre(p)
    // ttb shaping: origin at the cell's top centre; the glyph's baseline start
    // sits half a cell left and one vertical origin down.
    const cross = p.shaped.crossAdvance * p.scale
    return {
      ...basePiece(p, weight),
      origin: { x: center - cross / 2, y: m + p.shaped.verticalOrigin * p.scale },
      box: { x0: center - cross / 2, y0: m, x1: center + cross / 2, y1: m + p.advance },
      ink: ink && {
        x0: center + ink.x0 * p.scale,
        y0: m + ink.y0 * p.scale,
        x1: center + ink.x1 * p.scale,
        y1: m + ink.y1 * p.scale,
      },
    }
  }
  // Rotated 90° clockwise: a point (x, y) of the horizontal run lands at
  // (origin.x - y, origin.y + x). The baseline sits `baselineShift` left of
  // the centre line (the primary font's central baseline on the centre).
  const { ascent, descent } = crossExtent(p)
  const ox = columnCentre + baselineShift
  return {
    ...basePiece(p, weight),
    origin: { x: ox, y: m },
    box: { x0: ox - descent, y0: m, x1: ox + ascent, y1: m + p.advance },
    ink: ink && {
      x0: ox - ink.y1 * p.scale,
      y0: m + ink.x0 * p.scale,
      x1: ox - ink.y0 * p.scale,
      y1: m + ink.x1 * p.scale,
    },
  }
}
