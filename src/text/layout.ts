/**
 * The text layout every template uses: itemize by script, pick fonts and
 * shape (prepared.ts, once per text and style), break into lines or columns
 * at this size, and place each run in block coordinates. Vertical Mongolian
 * follows the browser model (`writing-mode: vertical-lr`): the line is shaped
 * horizontally and turned 90° clockwise, columns run top→bottom and follow
 * each other left→right, Han characters stand upright inside, every run
 * centred on the column's central baseline.
 */
import type { FontSet, TextStyle } from '../fonts/font-set.js'
import { visualOrder } from './bidi.js'
import { facePerUnit, inkAcross } from './measure.js'
import type { BreakKind, Chunk } from './breaks.js'
import { prepareText, type ChunkRuns, type ShapedPiece } from './prepared.js'
import { isUprightInVertical } from './script.js'
import { unionBox, type Box } from './shape.js'
import type { Line, Piece, Progression, TextLayout, TextSpec } from './types.js'

const DEFAULT_STYLE: TextStyle = { genre: 'sans', weight: 400 }

/**
 * Column pitch of vertical Chinese, em: clreq and the handbook ask 1.5–2 em so that columns never
 * touch; 1.5 is what Chromium sets for `writing-mode: vertical-rl; line-height: 1.5`. The natural
 * pitch of an upright column is its 1 em cell, which reads as a grid.
 */
export const VERTICAL_CJK_PITCH = 1.5

interface Measured extends ShapedPiece {
  /** px */
  advance: number
  scale: number
  /** Horizontal scale of the glyphs (TextSpec.condense); 1 when not condensed. */
  condense: number
}

/** Combined digits take at most this width of their cell, em. */
const COMBINED_WIDTH = 0.92

/** A mark is full width (and so squeezable) when its advance is at least this much of the em. */
const SQUEEZE_FULL_WIDTH = 0.9

/** A piece's advance in px: it includes the tracking after it (CJK characters only) and the word spacing of a space. */
/** The narrowest condensing TextSpec.condense takes: below it strokes run together. */
const MIN_CONDENSE = 0.3
/** The longest a column's sideways letters are drawn (TextSpec.condense > 1): beyond it a word reads as stretched type. */
export const MAX_STRETCH = 2

/** TextSpec.condense as the layout applies it: a line within [MIN_CONDENSE, 1], a column within [1, MAX_STRETCH]. */
function condenseOf(spec: TextSpec): number {
  if (spec.condense === undefined || !Number.isFinite(spec.condense)) return 1
  return spec.orientation === 'horizontal' ? Math.min(1, Math.max(MIN_CONDENSE, spec.condense)) : Math.min(MAX_STRETCH, Math.max(1, spec.condense))
}

/** The scale along the line a piece takes: upright characters in a column keep their cells. */
const pieceCondense = (p: ShapedPiece, condense: number) => (p.mode === 'upright' ? 1 : condense)

function advanceOf(p: ShapedPiece, fontSize: number, tracking: number, wordSpacing: number, condense = 1): number {
  // Combined digits: their one-em cell is their advance down the column.
  if (p.combined) return fontSize + tracking
  // 标点挤压: a full-width mark next to another gives up the empty half of its cell (prepared.ts).
  const squeeze = p.squeezed !== undefined && p.shaped.advance >= SQUEEZE_FULL_WIDTH * p.font.upem ? 0.5 : 1
  // Condensing narrows the glyphs, not the spacing asked for between them.
  return p.shaped.advance * squeeze * pieceCondense(p, condense) * (fontSize / p.font.upem) + (p.cjk ? tracking : 0) + (p.space ? wordSpacing : 0)
}

function measure(p: ShapedPiece, fontSize: number, tracking: number, wordSpacing: number, condense: number): Measured {
  // Combined digits are narrowed to fit their one-em cell.
  const scale = p.combined ? Math.min(fontSize / p.font.upem, (COMBINED_WIDTH * fontSize) / Math.max(1, p.shaped.advance)) : fontSize / p.font.upem
  return { ...p, scale, condense: pieceCondense(p, condense), advance: advanceOf(p, fontSize, tracking, wordSpacing, condense) }
}

/** The advance of a run of pieces, px, summed in order. */
function advanceSum(pieces: readonly ShapedPiece[], fontSize: number, tracking: number, wordSpacing: number, condense: number): number {
  let sum = 0
  for (const p of pieces) sum += advanceOf(p, fontSize, tracking, wordSpacing, condense)
  return sum
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

interface LineRange {
  start: number
  end: number
  overflows: boolean
  /** What a reader would fault in ending this line here (faultOf; ORPHAN_COST for an orphaned last line); 0 at a hard break. */
  cost: number
}

/**
 * What a break costs, in the unit of the balance term (one em of difference between lines, squared):
 * a phrase break is free; a word break is worth moving about seven characters between lines, so a
 * slogan breaks at its comma (…离不开汉族， / 各少数民族…) rather than inside a clause for balance
 * (…少数民族离不开 / 汉族，…; issue 15, defect 3); a break inside a word is taken only when nothing
 * else fits.
 */
const BREAK_COST: Record<BreakKind, number> = { phrase: 0, word: 50, weak: 65, inside: 100 }
/** A last line of one Mongolian word or ≤ 2 Chinese characters, when a better break exists: above any break's cost. */
const ORPHAN_COST = 200
/** Dominates every other term: the fewest lines come first, then good breaks and balance. */
const LINE_COST = 1e12
const ORPHAN_CJK = 2
/**
 * A justified line's slack weighs this much more: it is spread between the characters, where half
 * an em of gaps reads as a hole, so a break inside a word is preferred to about 1.5 em of spreading.
 */
const JUSTIFIED_SLACK = 25

/**
 * Full-width closing marks whose ink sits in the first half of their cell: at a line's end that blank
 * half may pass the line's end (push-in, 行末点号压缩), so 离不开。 stays on one line instead of pushing
 * 开。 onto the next and leaving a hole.
 */
const HANGING = new Set([...'，。、；：！？）》」』】﹂﹄'])
const HANG_EM = 0.5

function hangOf(text: string, contentEnd: number, runs: readonly ShapedPiece[], fontSize: number): number {
  const last = runs[runs.length - 1]
  // A mark already squeezed (before a mark of the next line) has no blank half left to hang.
  if (!last || last.squeezed !== undefined) return 0
  // In a column the mark's measured ink decides (a column's ？！ fill their cell).
  if (last.mode === 'upright') return last.blank === 'end' ? HANG_EM * fontSize : 0
  return contentEnd > 0 && HANGING.has(text[contentEnd - 1]!) ? HANG_EM * fontSize : 0
}

/** Compiled once: a literal inside the function is compiled on every call where the build lowers `\p{…}`. */
const PUNCTUATION = /\p{P}/u

/**
 * A break as a reader judges it, for trading size against breaks (bilingual.ts): between Mongolian,
 * Tibetan or Latin words (a space, a tsheg) a line ends where it should, free; between Chinese words
 * or inside a word it costs what breaking weighs it at.
 */
function faultOf(text: string, c: Chunk): number {
  if (c.kind === 'word' && !(isUprightInVertical(text.codePointAt(c.contentEnd - 1) ?? 0) && isUprightInVertical(text.codePointAt(c.end) ?? 0))) return 0
  return FAULT[c.kind]
}

/**
 * How a reader faults a break, for that trade: a word torn apart (共同 / 体) is worse than several
 * breaks between words, so it weighs more than breaking's own costs, under which fewer lines with a
 * torn word can beat more lines with whole ones.
 */
const FAULT: Record<BreakKind, number> = { phrase: 0, word: BREAK_COST.word, weak: 150, inside: 300 }

/** One Mongolian (or Latin) word, or at most two Chinese characters. */
function isOrphan(text: string): boolean {
  const t = text.trim()
  if (!t) return false
  const chars = [...t]
  const cjk = chars.filter((c) => isUprightInVertical(c.codePointAt(0)!) && !PUNCTUATION.test(c)).length
  if (cjk > 0) return cjk <= ORPHAN_CJK && chars.every((c) => isUprightInVertical(c.codePointAt(0)!) || PUNCTUATION.test(c))
  // Tibetan separates its words with a tsheg (or a shad), not a space.
  return !/[\s\u0f0b\u0f0d]/.test(t.replace(/[\u0f0b\u0f0d\u0f14]+$/, ''))
}

/**
 * Lines (columns) of a text: the fewest that fit `maxLength`, and among those the breaks with the
 * least cost: good break places (breaks.ts), balanced lengths, no orphan. One paragraph at a time;
 * a newline always breaks. A single unbreakable chunk longer than `maxLength` is a line of its own,
 * flagged as overflowing.
 */
function breakLines(
  text: string,
  chunks: readonly ChunkRuns[],
  fontSize: number,
  maxLength: number | undefined,
  tracking: number,
  wordSpacing: number,
  condense: number,
  indent = 0,
  justified = false,
): LineRange[] {
  if (!chunks.length) return []
  // Per chunk: its advance with the spaces after it, and its length when a line ends after it.
  const full: number[] = []
  const ends: number[] = []
  for (const { chunk: c, content: runs, trail, cjkEnd } of chunks) {
    const content = advanceSum(runs, fontSize, tracking, wordSpacing, condense)
    // Tracking after the last character of a line is not part of the line.
    const trailing = tracking !== 0 && cjkEnd ? tracking : 0
    full.push(content + advanceSum(trail, fontSize, tracking, wordSpacing, condense))
    ends.push(content - trailing - hangOf(text, c.contentEnd, runs, fontSize * condense))
  }
  const lines: LineRange[] = []
  let first = 0
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!.chunk
    if (!c.hard && k < chunks.length - 1) continue
    lines.push(...breakParagraph(text, chunks, full, ends, first, k + 1, fontSize, maxLength, indent, justified))
    // A text ending in a newline still has its (empty) last line, as before.
    if (c.hard && k === chunks.length - 1) lines.push({ start: c.end, end: c.end, overflows: false, cost: 0 })
    first = k + 1
  }
  return lines
}

/** Chunks [from, to) of one paragraph broken into lines (see breakLines). */
function breakParagraph(
  text: string,
  all: readonly ChunkRuns[],
  fullOf: readonly number[],
  endsOf: readonly number[],
  from: number,
  to: number,
  fontSize: number,
  maxLength: number | undefined,
  indent = 0,
  justified = false,
): LineRange[] {
  const n = to - from
  // The paragraph's first line is shorter by its indent (段首空两格).
  const limitFrom = (i: number) => (maxLength ?? Infinity) - (i === 0 ? indent : 0)
  const chunk = (i: number): Chunk => all[from + i]!.chunk
  const lineOf = (i: number, j: number, overflows: boolean, cost = 0): LineRange => ({ start: chunk(i).start, end: chunk(j).contentEnd, overflows, cost })
  if (maxLength === undefined) return [lineOf(0, n - 1, false)]
  // prefix[i]: the full advance of chunks before i.
  const prefix = [0]
  for (let i = 0; i < n; i++) prefix.push(prefix[i]! + fullOf[from + i]!)
  const lengthOf = (i: number, j: number) => prefix[j]! - prefix[i]! + endsOf[from + j]!
  // best[j + 1]: least cost of chunks 0..j broken into lines, the last ending after chunk j.
  const best: number[] = [0]
  const back: number[] = [0]
  for (let j = 0; j < n; j++) {
    let cost = Infinity
    let at = j
    for (let i = j; i >= 0; i--) {
      const length = lengthOf(i, j)
      if (length > limitFrom(i) + 1e-6 && i < j) break
      const slack = Math.max(0, limitFrom(i) - length) / fontSize
      const last = j === n - 1
      // A justified line's slack is spread between its characters; its last line's slack is free (flush start).
      const slackCost = justified ? (last ? 0 : JUSTIFIED_SLACK * slack * slack) : slack * slack
      let c = best[i]! + LINE_COST + slackCost + (last ? 0 : BREAK_COST[chunk(j).kind])
      if (last && i > 0 && isOrphan(text.slice(chunk(i).start, chunk(j).contentEnd))) c += ORPHAN_COST
      if (c < cost) {
        cost = c
        at = i
      }
    }
    best.push(cost)
    back.push(at)
  }
  const out: LineRange[] = []
  for (let j = n - 1; j >= 0;) {
    const i = back[j + 1]!
    const last = j === n - 1
    const cost = last ? (i > 0 && isOrphan(text.slice(chunk(i).start, chunk(j).contentEnd)) ? ORPHAN_COST : 0) : faultOf(text, chunk(j))
    out.unshift(lineOf(i, j, lengthOf(i, j) > limitFrom(i) + 1e-6, cost))
    j = i - 1
  }
  return out
}

export function layoutText(fonts: FontSet, spec: TextSpec): TextLayout {
  const vertical = spec.orientation === 'vertical'
  const style = spec.style ?? DEFAULT_STYLE
  const { fontSize } = spec
  const prepared = prepareText(fonts, spec.text, vertical, style, spec.lang)
  const { text, scripts, lang, baseLevel, primary } = prepared
  const progression: Progression = !vertical ? 'ttb' : (spec.columnProgression ?? (scripts.includes('Mong') ? 'ltr' : 'rtl'))
  // A designer's letter spacing is in em: the same look at every size the fit tries.
  const letterPx = (spec.letterSpacing ?? 0) * fontSize
  const tracking = (spec.tracking ?? 0) + letterPx
  const wordSpacing = (spec.wordSpacing ?? 0) + letterPx
  const condense = condenseOf(spec)
  const runs = prepared.grouping(tracking !== 0, wordSpacing !== 0)
  // 段首空两格 and 两端对齐 are for horizontal left-to-right paragraphs.
  const paragraphLtr = !vertical && baseLevel % 2 === 0
  const indentPx = paragraphLtr ? (spec.firstLineIndent ?? 0) * fontSize : 0
  const justify = spec.justify === true && paragraphLtr && spec.maxLength !== undefined
  const breakAt = (maxLength: number | undefined) => breakLines(text, runs.chunks, fontSize, maxLength, tracking, wordSpacing, condense, indentPx, justify)
  const lineAt = (r: LineRange, grouping: typeof runs, lineTracking: number) => {
    const logical = grouping.line(r.start, r.end).map((p) => measure(p, fontSize, lineTracking, wordSpacing, condense))
    const pieces = baseLevel === 0 && logical.every((p) => p.level === 0) ? logical : visualOrder(logical)
    const last = pieces[pieces.length - 1]
    if (last?.cjk && lineTracking !== 0) pieces[pieces.length - 1] = { ...last, advance: last.advance - lineTracking }
    return { range: r, pieces, length: pieces.reduce((s, p) => s + p.advance, 0) }
  }
  // A justified line is spread by tracking: every CJK character a piece of its own.
  const tracked = justify ? prepared.grouping(true, wordSpacing !== 0) : runs
  const indentOf = (ranges: readonly LineRange[], k: number) => (indentPx > 0 && startsParagraph(text, ranges, k) ? indentPx : 0)
  const { ranges, measure: paragraphMeasure } = justify
    ? justifiedBreaks(text, breakAt, spec.maxLength!, fontSize, (ranges, k) => ({
        length: lineAt(ranges[k]!, runs, tracking).length + indentOf(ranges, k),
        gaps: gapsIn(tracked.line(ranges[k]!.start, ranges[k]!.end)),
      }))
    : { ranges: breakAt(spec.maxLength), measure: spec.maxLength }
  const measuredLines = ranges.map((r, k) => {
    const indent = indentOf(ranges, k)
    const plain = lineAt(r, runs, tracking)
    const line =
      justify && !endsParagraph(text, ranges, k)
        ? justifyLine(plain, paragraphMeasure! - indent, gapsIn(tracked.line(r.start, r.end)), (extra) => lineAt(r, tracked, tracking + extra))
        : plain
    return { ...line, indent, length: line.length + indent }
  })

  // As Chromium does for vertical-lr: every run shares one alphabetic
  // baseline, placed so that the primary font's central baseline (halfway
  // between its ascent and descent; the primary font is the first font
  // drawing its own script) is the column's centre. Rotated runs sit on that
  // baseline; an upright character centres on its own font's central baseline.
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
  const pitch = (emPitch !== undefined ? Math.max(natural, emPitch * fontSize) : natural * (spec.lineHeight ?? 1)) * (spec.lineSpacing ?? 1)
  const mainLength = Math.max(0, ...measuredLines.map((l) => l.length))
  const n = measuredLines.length

  const lines: Line[] = measuredLines.map((ml, i) => {
    const slot = progression === 'rtl' ? n - 1 - i : i
    const crossStart = slot * pitch
    const lead = mainLength - ml.length
    // start and end follow the paragraph: a right-to-left block starts at the right.
    const atEnd = (spec.align ?? 'start') === (baseLevel % 2 === 1 ? 'start' : 'end')
    let m = (spec.align === 'center' ? lead / 2 : atEnd ? lead : 0) + ml.indent
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
    breakCost: ranges.reduce((sum, r) => sum + r.cost, 0),
    scripts,
    lang,
    direction,
  }
  // The primary font's face for its own script; scripts without a reference letter are measured by their ink.
  const face = primary && blockInk ? facePerUnit(fonts.hb, primary, primary.scripts[0]!) : null
  return { ...partial, visualSize: !blockInk ? 0 : face !== null ? face * fontSize : inkAcross({ ...partial, visualSize: 0 }) }
}

/** A justified line spread wider than this per gap, em, reads as a hole (the paragraph is loose). */
const LOOSE_EM = 0.15
const SCAN_STEPS = 40

/**
 * The breaks of a justified paragraph and the measure it is set on. At `maxLength` when that sets
 * well; when a line would be spread loose or a paragraph's last line left an orphan (书。 alone:
 * the justified slack weighs more than the orphan, since the lines that would avoid it are loose),
 * the paragraph is set on the widest narrower measure that sets well without adding a line:
 * 维吾尔语。学校、 / 医院、书。, not 维吾尔语。学校、医院、 / 书。; the block is then narrower than the box.
 * When none does, it stays as it was.
 */
function justifiedBreaks(
  text: string,
  breakAt: (maxLength: number) => LineRange[],
  maxLength: number,
  fontSize: number,
  natural: (ranges: readonly LineRange[], k: number) => { length: number; gaps: number },
): { ranges: LineRange[]; measure: number } {
  const setsWell = (ranges: readonly LineRange[], measure: number) =>
    ranges.every((r, k) => {
      if (r.overflows) return false
      if (endsParagraph(text, ranges, k)) return startsParagraph(text, ranges, k) || !isOrphan(text.slice(r.start, r.end))
      const { length, gaps } = natural(ranges, k)
      return gaps === 0 || (measure - length) / gaps <= LOOSE_EM * fontSize
    })
  const ranges = breakAt(maxLength)
  if (ranges.length < 2 || setsWell(ranges, maxLength)) return { ranges, measure: maxLength }
  // Narrower measures, a quarter em at a time (at most SCAN_STEPS), until one sets well; never one that adds a line.
  const step = Math.max(fontSize / 4, maxLength / SCAN_STEPS)
  for (let measure = maxLength - step; measure > 0; measure -= step) {
    const r = breakAt(measure)
    if (r.length > ranges.length) break
    if (setsWell(r, measure)) return { ranges: r, measure }
  }
  return { ranges, measure: maxLength }
}

/** The line is the first of its paragraph (the text's first, or after a newline). */
function startsParagraph(text: string, ranges: readonly LineRange[], k: number): boolean {
  return k === 0 || text.slice(ranges[k - 1]!.end, ranges[k]!.start).includes('\n')
}

/** The line is the last of its paragraph (the text's last, or before a newline): it stays flush start. */
function endsParagraph(text: string, ranges: readonly LineRange[], k: number): boolean {
  return k === ranges.length - 1 || text.slice(ranges[k]!.end, ranges[k + 1]!.start).includes('\n')
}

/**
 * 两端对齐: a line spread to `target` px across the gaps after its CJK characters (the last
 * character's gap is the line's end, not a gap). Negative when a closing mark hangs past the end
 * (push-in): the line is drawn in by the same share per gap. A line without a gap stays as it is.
 */
function justifyLine<L extends { length: number }>(plain: L, target: number, gaps: number, spread: (extraPerGap: number) => L): L {
  const extra = target - plain.length
  return gaps > 0 && Math.abs(extra) > 1e-6 ? spread(extra / gaps) : plain
}

/** Gaps that tracking widens in a line's tracked pieces (every CJK character a piece of its own): one after each CJK character but the line's last. */
function gapsIn(pieces: readonly { cjk: boolean }[]): number {
  return pieces.filter((p) => p.cjk).length - (pieces[pieces.length - 1]?.cjk ? 1 : 0)
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
    ...(p.condense !== 1 ? { condense: p.condense } : {}),
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
      x0: m + ink.x0 * p.scale * p.condense,
      y0: baseline + ink.y0 * p.scale,
      x1: m + ink.x1 * p.scale * p.condense,
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
    // A mark that gave up the upper half of its cell (标点挤压) is drawn that half higher.
    const top = p.squeezed === 'start' ? m - (p.shaped.advance * p.scale) / 2 : m
    // ttb shaping: origin at the cell's top centre; the glyph's baseline start
    // sits half a cell left and one vertical origin down.
    const cross = p.shaped.crossAdvance * p.scale
    return {
      ...basePiece(p, weight),
      origin: { x: center - cross / 2, y: top + p.shaped.verticalOrigin * p.scale },
      box: { x0: center - cross / 2, y0: m, x1: center + cross / 2, y1: m + p.advance },
      ink: ink && {
        x0: center + ink.x0 * p.scale,
        y0: top + ink.y0 * p.scale,
        x1: center + ink.x1 * p.scale,
        y1: top + ink.y1 * p.scale,
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
      y0: m + ink.x0 * p.scale * p.condense,
      x1: ox - ink.y0 * p.scale,
      y1: m + ink.x1 * p.scale * p.condense,
    },
  }
}
