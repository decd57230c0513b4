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
import { chunksOf } from './breaks.js'
import { isDefaultIgnorable, isUprightInVertical, itemizeScripts, type Script } from './script.js'
import { SCRIPT_PROFILES, defaultLanguage, languageProfile, primaryLanguage } from './scripts/profiles.js'
import { shape, unionBox, type Box } from './shape.js'
import { keepAll } from './word-breaks.js'
import type { Line, Piece, Progression, TextLayout, TextSpec } from './types.js'

const DEFAULT_STYLE: TextStyle = { genre: 'sans', weight: 400 }

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
  /** A space: right-to-left runs are cut at spaces so that each drawn run is one word. */
  space: boolean
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
  for (const run of itemizeScripts(text)) {
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
        const font = fonts.resolve(cp, run.script, style)
        if (!font) uncovered.push({ codePoint: formatCodePoint(cp), char: String.fromCodePoint(cp), index: i })
        else atoms.push({ start: i, end, script: run.script, font, mode: modeOf(cp, vertical), cjk: isUprightInVertical(cp), level: 0, space: cp === 0x20 || cp === 0xa0 })
      }
      i = end
    }
  }
  if (uncovered.length) throw new UncoveredCodePointsError(uncovered)
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
}

/**
 * Groups atoms of [start, end) into drawable runs: same font and mode; upright
 * characters one each, and with tracking every CJK character one each.
 */
function piecesIn(atoms: readonly Atom[], start: number, end: number, tracked = false, wordsApart = false): RawPiece[] {
  const out: RawPiece[] = []
  let prev: Atom | undefined
  for (const a of atoms) {
    if (a.end <= start || a.start >= end) continue
    const last = out[out.length - 1]
    const alone = a.mode === 'upright' || (tracked && a.cjk)
    // Right-to-left runs (and languages whose spaces satori cannot shape) are drawn one word at a time.
    const cut = (a.level % 2 === 1 || wordsApart) && prev !== undefined && prev.space !== a.space
    prev = a
    const sameDirection = last !== undefined && last.level === a.level && !cut
    if (last && !alone && !(tracked && last.cjk) && sameDirection && last.mode === a.mode && last.font === a.font && last.script === a.script && last.end === a.start) {
      last.end = a.end
    } else out.push({ start: a.start, end: a.end, font: a.font, script: a.script, mode: a.mode, cjk: a.cjk, level: a.level })
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

/**
 * A piece's advance includes the tracking after it (CJK characters only).
 * Right-to-left pieces carry their mirrored brackets; the language reaches
 * HarfBuzz for pieces in the language's own script.
 */
function measure(fonts: FontSet, text: string, raw: RawPiece, fontSize: number, tracking = 0, lang?: LangOf): Measured {
  const logical = text.slice(raw.start, raw.end)
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
  return { ...raw, text: t, shaped, scale, advance: shaped.advance * scale + (raw.cjk ? tracking : 0) }
}

/** Half of the cross-axis extent a piece needs around its line's centre (vertical) — or its ascent/descent (horizontal). */
function crossExtent(m: Measured): { ascent: number; descent: number } {
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
): LineRange[] {
  const lines: LineRange[] = []
  let cur: (LineRange & { length: number }) | null = null
  const advanceOf = (start: number, end: number) =>
    piecesIn(atoms, start, end, tracking !== 0, wordsApart).reduce((sum, p) => sum + measure(fonts, text, p, fontSize, tracking, lang).advance, 0)
  // Tracking after the last character of a line is not part of the line.
  const trailing = (end: number) => (tracking !== 0 && atoms.some((a) => a.end === end && a.cjk) ? tracking : 0)
  const chunks = chunksOf(text)
  for (const chunk of wordsWhole ? keepAll(chunks) : chunks) {
    const content = advanceOf(chunk.start, chunk.contentEnd)
    const full = content + advanceOf(chunk.contentEnd, chunk.end)
    const ends = content - trailing(chunk.contentEnd)
    if (cur && maxLength !== undefined && cur.length + ends > maxLength && cur.end > cur.start) {
      lines.push(cur)
      cur = null
    }
    if (!cur) cur = { start: chunk.start, end: chunk.contentEnd, overflows: false, length: 0 }
    cur.overflows ||= maxLength !== undefined && cur.length + ends > maxLength + 1e-6
    cur.end = chunk.contentEnd
    cur.length += full
    if (chunk.hard) {
      lines.push(cur)
      cur = { start: chunk.end, end: chunk.end, overflows: false, length: 0 }
    }
  }
  if (cur) lines.push(cur)
  return lines
}

export function layoutText(fonts: FontSet, spec: TextSpec): TextLayout {
  const text = normalizeText(spec.text)
  const vertical = spec.orientation === 'vertical'
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
  const ranges = breakLines(fonts, text, atoms, fontSize, spec.maxLength, tracking, langProfile?.breaks === 'keep-all', langOf, wordsApart)
  const measuredLines = ranges.map((r) => {
    const logical = piecesIn(atoms, r.start, r.end, tracking !== 0, wordsApart).map((p) => measure(fonts, text, p, fontSize, tracking, langOf))
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
        const c = primaryShift + uprightCentre(p)
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
  const pitch = natural * (spec.lineHeight ?? 1)
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

  return {
    text,
    orientation: spec.orientation,
    progression,
    fontSize,
    width: vertical ? n * pitch : mainLength,
    height: vertical ? mainLength : n * pitch,
    lines,
    ink: lines.reduce<Box | null>((acc, l) => unionBox(acc, l.ink), null),
    overflow: lines.some((l) => l.overflows),
    scripts,
    lang,
    direction: baseLevel % 2 === 1 ? 'rtl' : 'ltr',
  }
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
    features: p.mode === 'upright' ? 'vert' : null,
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
