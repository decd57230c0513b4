/**
 * Two scripts set as one unit at one visual size: the pair fitting every
 * bilingual design uses. Both texts get the same ink size across the script
 * (Mongolian never smaller than the Chinese: "字号相等"), as large as the box
 * allows, one above the other (stacked) or side by side, in the order asked.
 */
import type { FontSet, TextStyle } from '../fonts/font-set.js'
import { inkExtentOf, rememberedSize, type FitMemo } from './fit.js'
import { VERTICAL_CJK_PITCH, layoutText } from './layout.js'
import { crossInk } from './measure.js'
import { SCRIPT_PROFILES, languageProfile } from './scripts/profiles.js'
import type { Script } from './script.js'
import type { Align, Box, Orientation, TextLayout, TextSpec } from './types.js'

export interface PairPart {
  /** BCP 47 language of the text ('mn', 'zh', 'ko', 'ug', 'bo'…): its script, shaping and breaking. */
  lang: string
  text: string
  orientation: Orientation
  style?: TextStyle
  /** Lines (columns) allowed; default: wrap as needed. */
  maxLines?: number
  /** Line (column) pitch against the font's natural one; default per script, see PITCH. */
  lineHeight?: number
  /** Scales this part against the shared size (1 = equal; < 1 breaks an equal-size rule on purpose). */
  scale?: number
  /** A wrapped horizontal paragraph justified (两端对齐, TextSpec.justify). */
  justify?: boolean
  /** Its first line indented, em (段首空两格: 2; TextSpec.firstLineIndent). */
  firstLineIndent?: number
  /** A designer's letter spacing, em, and line (column) spacing factor (TextSpec.letterSpacing, lineSpacing). */
  letterSpacing?: number
  lineSpacing?: number
  /**
   * A horizontal part too long for its box on one line at a size is condensed (长字, 장평:
   * TextSpec.condense) down to this width ratio, when its script may be condensed, before it wraps
   * (maxLines > 1) or the pair is set smaller (maxLines 1). Default: never.
   */
  minCondense?: number
}

/** The designer's spacing of a part, as the layout takes it: fitting sizes the text with it. */
const spacingOf = (p: PairPart): Pick<TextSpec, 'letterSpacing' | 'lineSpacing'> => ({
  ...(p.letterSpacing ? { letterSpacing: p.letterSpacing } : {}),
  ...(p.lineSpacing !== undefined && p.lineSpacing !== 1 ? { lineSpacing: p.lineSpacing } : {}),
})

/** The paragraph options of a part, as the layout takes them. */
const paragraphOf = (p: PairPart): Pick<TextSpec, 'justify' | 'firstLineIndent'> => ({
  ...(p.justify ? { justify: true } : {}),
  ...(p.firstLineIndent ? { firstLineIndent: p.firstLineIndent } : {}),
})

type Pitch = Pick<TextSpec, 'lineHeight' | 'pitch'>

/**
 * Line pitch on signs. The fonts' natural pitches are loose for display type
 * (Noto Sans Mongolian 1.75 em, Noto Sans CJK 1.45 em): wrapped sign text sets
 * closer, about 1.3 em, with the gap between the two scripts kept larger.
 * Vertical Chinese and Korean are the exception: their natural pitch is the 1 em
 * cell, so their columns are set 1.5 em apart (clreq 1.5–2 em; Chromium
 * vertical-rl at line-height 1.5). Naskh (1.7 em natural) sets at about 1.3 em,
 * Tibetan (2.8 em natural, room for the tallest stacks) at about 1.7 em.
 */
const PITCH: Partial<Record<Script, Record<Orientation, Pitch>>> = {
  Mong: { horizontal: { lineHeight: 0.75 }, vertical: { lineHeight: 0.75 } },
  Hani: { horizontal: { lineHeight: 0.9 }, vertical: { pitch: VERTICAL_CJK_PITCH } },
  Hang: { horizontal: { lineHeight: 0.9 }, vertical: { pitch: VERTICAL_CJK_PITCH } },
  Arab: { horizontal: { lineHeight: 0.75 }, vertical: { lineHeight: 0.75 } },
  Tibt: { horizontal: { lineHeight: 0.6 }, vertical: { lineHeight: 0.6 } },
}

const scriptOf = (lang: string): Script | undefined => languageProfile(lang)?.script

/** Joined scripts are spread at their spaces (word spacing), never between letters. */
const spreadsByWords = (lang: string) => {
  const s = scriptOf(lang)
  return s !== undefined && SCRIPT_PROFILES[s]?.joined === true
}

/** A part's pitch: the caller's line height when given, else the script's own. */
function pitchOf(p: PairPart, lineHeight: number | undefined): Pitch {
  const given = p.lineHeight ?? lineHeight
  if (given !== undefined) return { lineHeight: given }
  const script = scriptOf(p.lang)
  return (script && PITCH[script]?.[p.orientation]) ?? {}
}

/** Lines are centred; columns start on one top line (首字齐平), never centred one by one. */
export const alongOf = (o: Orientation): Align => (o === 'vertical' ? 'start' : 'center')

export interface PairSpec {
  /** In order: the first part goes above (stacked) or left (side by side). */
  parts: readonly [PairPart, PairPart]
  arrangement: 'stacked' | 'side-by-side'
  box: { width: number; height: number }
  /** Space between the two parts, as a fraction of their visual size. */
  gap?: number
  /** Bounds on the visual (ink) size, px. */
  minInk: number
  maxInk: number
  /** Placement across the arrangement axis. */
  align?: Align
  lineHeight?: number
  /**
   * Spread a one-line part that is shorter than the other part to the other's length (or, with
   * `to: 'box'`, to the box's length: 分散对齐), the Chinese by tracking, the Mongolian by word
   * spacing, at most `maxTracking` em: plaques and 会标 set the Chinese as long as the Mongolian.
   * Only along the texts' lines (stacked horizontal lines, side by side columns); Mongolian letters
   * are never spaced apart.
   */
  spread?: {
    maxTracking: number
    to?: 'partner' | 'box'
    /**
     * With `to: 'box'`: a one-word column of a joined script, which cannot be spread between
     * words, is elongated along its length up to this factor instead (TextSpec.condense > 1, as
     * plaque letterers draw a lone Mongolian word), and both parts reach one common length.
     */
    maxStretch?: number
  }
}

export interface PlacedPart {
  lang: string
  layout: TextLayout
  /** Where the layout's (0,0) goes, relative to the box. */
  x: number
  y: number
  /** The part's painted extent relative to the box. */
  extent: Box
}

export interface PairResult {
  parts: PlacedPart[]
  fits: boolean
  /** The shared visual size, px. */
  ink: number
}

const REFERENCE_SIZE = 100

/** Ink size across the script per px of font size: visual size is linear in font size. */
function inkPerPx(fonts: FontSet, p: PairPart): number {
  const l = layoutText(fonts, { text: p.text, orientation: p.orientation, fontSize: REFERENCE_SIZE, lang: p.lang, ...(p.style ? { style: p.style } : {}) })
  return crossInk(l) / REFERENCE_SIZE || 1
}

/**
 * Trading size for better breaks (TextLayout.breakCost, in layout.ts's fault weights): the whole
 * letter size is worth 400, so a break between two Chinese words (50) is worth about 12 % of it when
 * a phrase break is there at that size, and a torn word (300) everything down to SHRINK_FLOOR. A
 * slogan is set at its comma and a name kept whole before its letters are made as large as a bad
 * break would allow (issue 15, defect 3). Breaks at spaces and phrases cost nothing.
 */
const SIZE_COST = 400
/** Never more than this much smaller than the largest size that fits, for the sake of breaks. */
const SHRINK_FLOOR = 0.6
const SHRINK_STEP = 0.04

/**
 * The visual size in [min, max] to set at: the largest at which `attempt` fits, to a quarter pixel
 * (fitting is monotone in size, so a bisection finds it); then, when `costOf` says its line breaks
 * cost something, a smaller size down to SHRINK_FLOOR whose breaks are better by more than the size
 * it gives up (SIZE_COST). The attempt at `min` is returned (with fits: false) when nothing fits.
 * The size found is remembered for the same input (fit.ts), so a render of it again attempts once.
 */
function largestFitting<T extends { fits: boolean }>(
  min: number,
  max: number,
  attempt: (ink: number) => T,
  memo: FitMemo,
  costOf?: (t: T) => number,
): { best: T; ink: number } {
  let found: T | undefined
  const ink = rememberedSize(memo, () => {
    found = attempt(min)
    let ink = min
    if (!found.fits) return ink
    let lo = min
    let hi = max
    for (let i = 0; i < 24 && hi - lo > 0.25; i++) {
      const mid = (lo + hi) / 2
      const a = attempt(mid)
      if (a.fits) {
        found = a
        ink = mid
        lo = mid
      } else hi = mid
    }
    if (!costOf) return ink
    const largest = ink
    let bestScore = costOf(found)
    let larger = largest
    // Smaller sizes are tried only while what they give up is still less than the best score.
    for (let f = 1 - SHRINK_STEP; SIZE_COST * (1 - f) < bestScore && f >= SHRINK_FLOOR - 1e-9; f -= SHRINK_STEP) {
      const size = largest * f
      if (size < min) break
      const a = attempt(size)
      if (!a.fits) continue
      const cost = costOf(a)
      if (cost + SIZE_COST * (1 - f) >= bestScore) {
        larger = size
        continue
      }
      // Better breaks from here down: the largest size between here and the step above that has them.
      let top = larger
      let bottom = size
      let chosen = a
      for (let i = 0; i < 8 && top - bottom > 0.25; i++) {
        const mid = (top + bottom) / 2
        const m = attempt(mid)
        if (m.fits && costOf(m) <= cost) {
          chosen = m
          bottom = mid
        } else top = mid
      }
      found = chosen
      ink = bottom
      bestScore = costOf(chosen) + SIZE_COST * (1 - bottom / largest)
      larger = size
    }
    return ink
  })
  return { best: found ?? attempt(ink), ink }
}

export function fitPair(fonts: FontSet, spec: PairSpec): PairResult {
  const gap = spec.gap ?? 0.4
  const stacked = spec.arrangement === 'stacked'
  // Ink size per px of font size, per part: visual size is linear in font size.
  const ratios = spec.parts.map((p) => inkPerPx(fonts, p))

  const attempt = (ink: number) => {
    const layouts = spec.parts.map((p, i) => {
      const main = p.orientation === 'vertical' ? spec.box.height : spec.box.width
      const lay = (ratio: number) =>
        layoutText(fonts, {
          text: p.text,
          orientation: p.orientation,
          fontSize: (ink / ratio) * (p.scale ?? 1),
          maxLength: main,
          lang: p.lang,
          ...(p.style ? { style: p.style } : {}),
          ...pitchOf(p, spec.lineHeight),
          ...spacingOf(p),
          align: alongOf(p.orientation),
        })
      const condensed = condensedToFit(fonts, p, (ink / ratios[i]!) * (p.scale ?? 1), main, spec.lineHeight)
      if (condensed) return condensed
      const first = lay(ratios[i]!)
      // Wrapped text: its largest line may carry less ink than the whole text did on one line; size by the lines drawn.
      const drawn = crossInk(first) / ((ink / ratios[i]!) * (p.scale ?? 1))
      return first.lines.length > 1 && drawn > 0 && Math.abs(drawn / ratios[i]! - 1) > 0.005 ? lay(drawn) : first
    })
    const extents = layouts.map(inkExtentOf)
    const sizes = extents.map((e) => ({ w: e.x1 - e.x0, h: e.y1 - e.y0 }))
    const space = gap * ink
    const fits =
      layouts.every((l, i) => !l.overflow && (spec.parts[i]!.maxLines === undefined || l.lines.length <= spec.parts[i]!.maxLines!)) &&
      (stacked
        ? sizes[0]!.h + space + sizes[1]!.h <= spec.box.height && sizes.every((s) => s.w <= spec.box.width)
        : sizes[0]!.w + space + sizes[1]!.w <= spec.box.width && sizes.every((s) => s.h <= spec.box.height))
    return { layouts, extents, sizes, space, fits }
  }

  const { best, ink: bestInk } = largestFitting(spec.minInk, spec.maxInk, attempt, { fonts, key: JSON.stringify(['pair', spec]) }, (a) =>
    a.layouts.reduce((sum, l) => sum + l.breakCost, 0),
  )

  const { space } = best
  const layouts = spec.spread ? spreadParts(fonts, spec, best.layouts) : best.layouts
  const extents = layouts.map(inkExtentOf)
  const sizes = extents.map((e) => ({ w: e.x1 - e.x0, h: e.y1 - e.y0 }))
  const total = stacked ? sizes[0]!.h + space + sizes[1]!.h : sizes[0]!.w + space + sizes[1]!.w
  let along = ((stacked ? spec.box.height : spec.box.width) - total) / 2
  const offsetIn = (room: number) => (spec.align === 'start' ? 0 : spec.align === 'end' ? room : room / 2)
  // Columns side by side start on one top line (首字齐平): the parts move as one block, every
  // layout's top (y = 0, where its columns start) on the same line.
  const columns = !stacked && layouts.every((l) => l.orientation === 'vertical')
  const inkTop = Math.min(...extents.map((e) => e.y0))
  const sharedTop = offsetIn(spec.box.height - (Math.max(...extents.map((e) => e.y1)) - inkTop)) - inkTop
  const parts: PlacedPart[] = layouts.map((layout, i) => {
    const e = extents[i]!
    const s = sizes[i]!
    const across = stacked ? spec.box.width - s.w : spec.box.height - s.h
    const offset = columns ? sharedTop + e.y0 : offsetIn(across)
    const left = stacked ? offset : along
    const top = stacked ? along : offset
    along += (stacked ? s.h : s.w) + space
    return {
      lang: spec.parts[i]!.lang,
      layout,
      x: left - e.x0,
      y: top - e.y0,
      extent: { x0: left, y0: top, x1: left + s.w, y1: top + s.h },
    }
  })
  return { parts, fits: best.fits, ink: bestInk }
}

/**
 * PairPart.minCondense: a horizontal part whose one line is longer than the box at this font size,
 * condensed just enough to fit it (its ink narrows in proportion: every advance and glyph is scaled),
 * at most to minCondense; null when it needs no condensing, its script does not condense, or it may
 * wrap and would need more than minCondense. Its height, and so
 * its visual size, stays what the size asks: when even minCondense is too wide, the pair's fit finds
 * that this size does not fit and tries a smaller one.
 */
function condensedToFit(fonts: FontSet, p: PairPart, fontSize: number, main: number, lineHeight: number | undefined): TextLayout | null {
  if (p.minCondense === undefined || p.minCondense >= 1 || p.orientation !== 'horizontal') return null
  const script = scriptOf(p.lang)
  if (!script || !SCRIPT_PROFILES[script]?.condensable) return null
  const base: TextSpec = {
    text: p.text,
    orientation: p.orientation,
    fontSize,
    lang: p.lang,
    ...(p.style ? { style: p.style } : {}),
    ...pitchOf(p, lineHeight),
    align: alongOf(p.orientation),
  }
  const natural = layoutText(fonts, base)
  const ink = inkExtentOf(natural)
  // Both the line (what breaking measures) and its ink must come within the box.
  const width = Math.max(natural.width, ink.x1 - ink.x0)
  if (width <= main) return null
  // A part that may wrap wraps rather than go narrower than minCondense.
  if (p.maxLines !== 1 && width * p.minCondense > main) return null
  // A hair narrower than the exact ratio, so rounding never makes it wrap.
  const condense = Math.max(p.minCondense, (main / width) * (1 - 1e-4))
  return layoutText(fonts, { ...base, condense, maxLength: main })
}

/**
 * PairSpec.spread: the fitted one-line layouts spread along their line: the Chinese by tracking, the
 * Mongolian by word spacing (never inside a word), each at most `maxTracking` em, to the partner's
 * length or (`to: 'box'`, 分散对齐) to the box's length. With `maxStretch`, a one-word Mongolian
 * column is elongated instead, and both parts go to the longest length they can both reach.
 */
function spreadParts(fonts: FontSet, spec: PairSpec, layouts: readonly TextLayout[]): TextLayout[] {
  const stacked = spec.arrangement === 'stacked'
  const { maxTracking, maxStretch = 1 } = spec.spread!
  const lengthOf = (l: TextLayout, o: Orientation) => {
    const e = inkExtentOf(l)
    return o === 'vertical' ? e.y1 - e.y0 : e.x1 - e.x0
  }
  // Where each part's ink starts along the line (spacing never moves the first letter): the parts
  // share a top line, so each may reach the box's far end measured from the earliest start.
  const startOf = (l: TextLayout) => {
    const e = inkExtentOf(l)
    return l.orientation === 'vertical' ? e.y0 : e.x0
  }
  const earliest = Math.min(...layouts.map(startOf))
  const baseOf = (i: number, l: TextLayout): TextSpec => {
    const p = spec.parts[i]!
    return {
      text: p.text,
      orientation: p.orientation,
      fontSize: l.fontSize,
      lang: p.lang,
      ...(p.style ? { style: p.style } : {}),
      ...pitchOf(p, spec.lineHeight),
      ...spacingOf(p),
      align: alongOf(p.orientation),
    }
  }
  // Length grows linearly with the spacing: one px adds a px per CJK character but the last, or per space.
  const spacing = (i: number, px: number) => (spreadsByWords(spec.parts[i]!.lang) ? { wordSpacing: px } : { tracking: px })
  const plans = layouts.map((l, i) => {
    const p = spec.parts[i]!
    const other = layouts[1 - i]!
    // Lines one above the other, or columns side by side: spreading never widens the arrangement; a condensed line is as long as it may be.
    const along =
      l.lines.length === 1 &&
      !l.lines[0]!.pieces.some((x) => x.condense !== undefined) &&
      stacked === (p.orientation === 'horizontal') &&
      other.orientation === p.orientation
    const length = lengthOf(l, p.orientation)
    const boxLength = p.orientation === 'vertical' ? spec.box.height : spec.box.width
    // A pixel of slack: the spacing's effect on ink is linear only to rounding.
    const room = boxLength - (startOf(l) - earliest) - 1
    const words = spreadsByWords(p.lang)
    // 分散对齐 needs two characters, or Mongolian words; a one-word column can only be elongated.
    const spreads = along && (words ? /\S\s+\S/.test(l.text) : [...l.text.trim()].length > 1)
    const perPx = spreads ? lengthOf(layoutText(fonts, { ...baseOf(i, l), ...spacing(i, 1) }), p.orientation) - length : 0
    const stretches = along && !spreads && words && p.orientation === 'vertical' && maxStretch > 1
    const reach = perPx > 1e-6 ? length + perPx * maxTracking * l.fontSize : stretches ? length * maxStretch : length
    return { l, length, room, perPx, spreads, stretches, reach }
  })
  const to = spec.spread!.to
  const toBox = to === 'box' && plans.every((x) => x.spreads)
  // Elongating: both parts to one length, the longest both reach within the box.
  const together = to === 'box' && !toBox && plans.every((x) => x.spreads || x.stretches) && plans.some((x) => x.stretches)
  const common = Math.min(...plans.map((x) => Math.min(x.reach, x.room)))
  return plans.map((x, i) => {
    const { l, length, perPx } = x
    const target = toBox ? x.room : together ? common : lengthOf(layouts[1 - i]!, spec.parts[i]!.orientation)
    if (target <= length + 0.5) return l
    if (together && x.stretches) return layoutText(fonts, { ...baseOf(i, l), condense: Math.min(maxStretch, target / length) })
    if (perPx <= 1e-6) return l
    return layoutText(fonts, { ...baseOf(i, l), ...spacing(i, Math.min(maxTracking * l.fontSize, (target - length) / perPx)) })
  })
}

/** Free height, as a share of the area's, below which a block counts as filling it (movedAsBlock). */
const FILLED = 0.05

export interface BoxedPart extends PairPart {
  /** The part's own area, relative to nothing: the caller's coordinates. */
  box: Box
  /** Placement inside its box. */
  place?: { x: Align; y: Align }
  /**
   * The part takes, at this edge of its box, only the width its lines (columns) need at the size
   * tried, and the other part's box gives that width and `gap` px up: two texts side by side in one
   * area, split where both fill it (a board's Mongolian columns beside its Chinese paragraph).
   */
  claims?: {
    edge: 'left' | 'right'
    gap: number
    /** More gap, as a share of the visual size tried: a column that stands half its size from its partner (0.5). Default 0. */
    gapPerSize?: number
    /**
     * When the other part (a horizontal paragraph) does not fill its height at the fitted size, it is
     * narrowed until it does, and the gap between the two grows, to at most this many px.
     */
    maxGap?: number
  }
  /** The shortest line (column) the part may have, em: a paragraph narrower than this does not fit. */
  minMeasure?: number
}

/** The other parts' boxes once `claimer` has taken the width its ink needs at its edge. */
function afterClaim(boxes: readonly Box[], claimer: number, claims: NonNullable<BoxedPart['claims']>, ink: Box, size: number): Box[] {
  const own = boxes[claimer]!
  const width = ink.x1 - ink.x0
  const gap = claims.gap + (claims.gapPerSize ?? 0) * size
  return boxes.map((b, i) =>
    i === claimer
      ? b
      : claims.edge === 'left'
        ? { ...b, x0: Math.max(b.x0, own.x0 + width + gap) }
        : { ...b, x1: Math.min(b.x1, own.x1 - width - gap) },
  )
}

/**
 * Two texts in two areas (a display board's Mongolian columns and Chinese
 * paragraph) at one visual size: the largest size at which each fits its own
 * area, the same for both, so neither script is set smaller.
 * `blockY`: the parts, sharing their top line, move down as one block by this share of the height
 * their areas leave free under the taller (0: at the top, 0.5: centred); default 0.
 */
export function fitPairInBoxes(
  fonts: FontSet,
  spec: { parts: readonly BoxedPart[]; minInk: number; maxInk: number; align?: Align; blockY?: number },
): PairResult {
  const ratios = spec.parts.map((p) => inkPerPx(fonts, p))
  const claimer = spec.parts.findIndex((p) => p.claims !== undefined)
  const layAt = (ink: number, p: BoxedPart, i: number, box: Box) =>
    layoutText(fonts, {
      text: p.text,
      orientation: p.orientation,
      fontSize: (ink / ratios[i]!) * (p.scale ?? 1),
      maxLength: p.orientation === 'vertical' ? box.y1 - box.y0 : box.x1 - box.x0,
      lang: p.lang,
      ...(p.style ? { style: p.style } : {}),
      ...pitchOf(p, undefined),
      ...paragraphOf(p),
      ...spacingOf(p),
      align: spec.align ?? 'start',
    })
  const attempt = (ink: number) => {
    const lay = (p: BoxedPart, i: number, box: Box) => layAt(ink, p, i, box)
    let boxes = spec.parts.map((p) => p.box)
    // The claiming part is laid out first: the others' boxes depend on its width.
    const first = claimer >= 0 ? lay(spec.parts[claimer]!, claimer, boxes[claimer]!) : null
    if (first) boxes = afterClaim(boxes, claimer, spec.parts[claimer]!.claims!, inkExtentOf(first), ink)
    const layouts = spec.parts.map((p, i) => (i === claimer ? first! : boxes[i]!.x1 - boxes[i]!.x0 > 0 ? lay(p, i, boxes[i]!) : null))
    if (layouts.some((l) => l === null)) return { layouts: [], extents: [], boxes, fits: false }
    const laid = layouts as TextLayout[]
    const extents = laid.map(inkExtentOf)
    const fits = laid.every((l, i) => {
      const e = extents[i]!
      const b = boxes[i]!
      const measure = spec.parts[i]!.orientation === 'vertical' ? b.y1 - b.y0 : b.x1 - b.x0
      const lines = spec.parts[i]!.maxLines
      return (
        !l.overflow &&
        (lines === undefined || l.lines.length <= lines) &&
        e.x1 - e.x0 <= b.x1 - b.x0 &&
        e.y1 - e.y0 <= b.y1 - b.y0 &&
        measure >= (spec.parts[i]!.minMeasure ?? 0) * l.fontSize
      )
    })
    return { layouts: laid, extents, boxes, fits }
  }
  const { best, ink: bestInk } = largestFitting(spec.minInk, spec.maxInk, attempt, { fonts, key: JSON.stringify(['boxes', spec]) })
  if (best.fits && claimer >= 0) narrowToFill(best, spec.parts, claimer, (p, i, box) => layAt(bestInk, p, i, box))
  const parts: PlacedPart[] = best.layouts.map((layout, i) => {
    const p = { ...spec.parts[i]!, box: best.boxes[i]! }
    const e = best.extents[i]!
    const free = { x: p.box.x1 - p.box.x0 - (e.x1 - e.x0), y: p.box.y1 - p.box.y0 - (e.y1 - e.y0) }
    const off = (a: Align | undefined, room: number) => (a === 'end' ? room : a === 'center' ? room / 2 : 0)
    // A paragraph's lines are measured from its own left edge (an indented first line, justified
    // ends): the layout's origin goes there, not its ink's, placed by its measure (its width).
    const paragraph = p.orientation === 'horizontal' && (p.justify === true || (p.firstLineIndent ?? 0) > 0)
    const left = paragraph ? p.box.x0 + off(p.place?.x, Math.max(0, p.box.x1 - p.box.x0 - layout.width)) + e.x0 : p.box.x0 + off(p.place?.x, free.x)
    const top = p.box.y0 + off(p.place?.y, free.y)
    return { lang: p.lang, layout, x: left - e.x0, y: top - e.y0, extent: { x0: left, y0: top, x1: left + e.x1 - e.x0, y1: top + e.y1 - e.y0 } }
  })
  return { parts: movedAsBlock(parts, best.boxes, spec.blockY ?? 0), fits: best.fits, ink: bestInk }
}

/**
 * The parts moved down together by `share` of the height their boxes leave under the lowest part,
 * less a twentieth of the boxes' height: a block that (nearly) fills its area stays at its top.
 */
function movedAsBlock(parts: PlacedPart[], boxes: readonly Box[], share: number): PlacedPart[] {
  if (share <= 0 || !parts.length) return parts
  const bottom = Math.min(...boxes.map((b) => b.y1))
  const free = bottom - Math.max(...parts.map((p) => p.extent.y1)) - (bottom - Math.max(...boxes.map((b) => b.y0))) * FILLED
  const dy = Math.max(0, free) * Math.min(1, share)
  return parts.map((p) => ({ ...p, y: p.y + dy, extent: { ...p.extent, y0: p.extent.y0 + dy, y1: p.extent.y1 + dy } }))
}

/**
 * BoxedPart.claims.maxGap: each horizontal part beside the claiming one narrowed, at the fitted size,
 * to the shortest measure at which its lines still fit its height (so it fills it), giving up at
 * most maxGap − gap px on the claiming part's side, never below its minMeasure.
 */
function narrowToFill(
  fit: { layouts: TextLayout[]; extents: Box[]; boxes: Box[] },
  parts: readonly BoxedPart[],
  claimer: number,
  lay: (p: BoxedPart, i: number, box: Box) => TextLayout,
): void {
  const claims = parts[claimer]!.claims!
  if (claims.maxGap === undefined || claims.maxGap <= claims.gap) return
  parts.forEach((p, i) => {
    if (i === claimer || p.orientation !== 'horizontal') return
    const box = fit.boxes[i]!
    const height = box.y1 - box.y0
    const width = box.x1 - box.x0
    const narrowest = Math.max((p.minMeasure ?? 0) * fit.layouts[i]!.fontSize, width - (claims.maxGap! - claims.gap))
    const at = (w: number): Box => (claims.edge === 'left' ? { ...box, x0: box.x1 - w } : { ...box, x1: box.x0 + w })
    const fits = (l: TextLayout) => {
      const e = inkExtentOf(l)
      return !l.overflow && e.y1 - e.y0 <= height
    }
    // Bisection on the measure (lines only grow as it shrinks), to a pixel.
    let lo = narrowest
    let hi = width
    let best: TextLayout | null = null
    if (lo >= hi) return
    const first = lay(p, i, at(lo))
    if (fits(first)) best = first
    else
      while (hi - lo > 1) {
        const mid = (lo + hi) / 2
        const l = lay(p, i, at(mid))
        if (fits(l)) {
          hi = mid
          best = l
        } else lo = mid
      }
    if (!best) return
    const w = best === first ? narrowest : hi
    fit.layouts[i] = best
    fit.extents[i] = inkExtentOf(best)
    fit.boxes[i] = at(w)
  })
}
