import type { TextStyle } from '../fonts/font-set.js'
import type { Script } from './script.js'
import type { Box } from './shape.js'

export type { Box }
export type Orientation = 'vertical' | 'horizontal'
/** Where the lines of a block follow each other: columns left→right (Mongolian), right→left (Chinese), or rows top→bottom. */
export type Progression = 'ltr' | 'rtl' | 'ttb'
export type Align = 'start' | 'center' | 'end'

export interface TextSpec {
  text: string
  orientation: Orientation
  /** Font size in px (the em). */
  fontSize: number
  style?: TextStyle
  /** Longest line (horizontal) or column (vertical) in px before wrapping; none = no wrap. */
  maxLength?: number
  /** Multiplier on the natural line (column) pitch of the fonts used; 1 = CSS `normal`. */
  lineHeight?: number
  /**
   * Line (column) pitch in em, instead of `lineHeight`; never under the natural pitch, so lines
   * never overlap. Default for vertical text without Mongolian: VERTICAL_CJK_PITCH.
   */
  pitch?: number
  /** Placement of shorter lines along the main axis of the block. */
  align?: Align
  /**
   * Extra space after each CJK character (Han, kana, hangul, CJK punctuation), px: the letter-spacing
   * of spaced-out Chinese on plaques and banners. Cursive scripts (Mongolian) are never spaced: it
   * would tear their joined letters apart. Default 0.
   */
  tracking?: number
  /**
   * BCP 47 language of the text (`ko`, `ug`, `kk`, `bo`, `mn`, `zh`…): shaping language for its own
   * script, line breaking (Korean keeps words whole) and paragraph direction. Default: from the
   * first script of the text.
   */
  lang?: string
  /** Extra space at each space between words, px: how a Mongolian line is spread (分散对齐) without tearing its letters. Default 0. */
  wordSpacing?: number
  /** Vertical only: which way columns follow each other. Default: ltr when the text has Mongolian, else rtl. */
  columnProgression?: 'ltr' | 'rtl'
  /**
   * Horizontal left-to-right text with `maxLength` only: 两端对齐. Every line but the last of its
   * paragraph is spread (or, for a line whose closing mark hangs, drawn in) to `maxLength` across
   * the gaps after its CJK characters; the last line stays flush start. Joined scripts are never
   * spread between letters (no gap follows a non-CJK character). Default false.
   */
  justify?: boolean
  /** Horizontal left-to-right text only: the first line of each paragraph starts this many em in (段首空两格: 2). Default 0. */
  firstLineIndent?: number
  /**
   * A designer's letter spacing, em (CSS `letter-spacing`): added after each CJK character (as
   * `tracking`) and at each space (as `wordSpacing`), so joined scripts (Mongolian, Uyghur) are
   * spaced between words, never inside one. Scales with the font size. Default 0.
   */
  letterSpacing?: number
  /** A designer's line (column) spacing: a factor on the pitch the block would otherwise have. Default 1. */
  lineSpacing?: number
  /**
   * The glyphs scaled along the line, their size across it kept. Horizontal text: narrower only
   * (长字, the condensed characters of a long authority name on a red header), at least 0.3. A
   * column: its sideways runs (Mongolian) longer only, at most 2 (the letterer's elongated stems on
   * a standing plaque, where a one-word name cannot be spread between words); upright characters
   * keep their cells. Sizes the rules compare are across the line (visualSize), so this never
   * changes them. 1 = as designed, the default.
   */
  condense?: number
}

/**
 * One run drawn in one font and one way:
 * - `horizontal`: shaped left→right, drawn as is;
 * - `rotated`: shaped left→right, turned 90° clockwise about its origin (Mongolian, Latin and digits in a vertical line);
 * - `upright`: one character standing in a vertical line (Han, CJK punctuation), vertical alternates on.
 */
export interface Piece {
  text: string
  fontId: string
  script: Script
  mode: 'horizontal' | 'rotated' | 'upright'
  fontSize: number
  weight: number
  /** Start of the baseline in block px; the glyphs run from here along +x (horizontal, upright) or +y (rotated). */
  origin: { x: number; y: number }
  /** Advance along the line in px. */
  advance: number
  /** The piece's em box in block px. */
  box: Box
  /** Drawn ink in block px, or null for blank runs. */
  ink: Box | null
  /** OpenType features satori must apply so that it draws what was measured. */
  features: string | null
  /** Horizontal scale the glyphs are drawn at (TextSpec.condense), when condensed; `advance` is the condensed one. */
  condense?: number
  /** The font's hhea ascent/descent in px: the renderer places satori's baseline with them. */
  ascent: number
  descent: number
}

export interface Line {
  /** UTF-16 offsets of this line in the normalised text. */
  start: number
  end: number
  text: string
  /** The line's box in block px (a column's box for vertical text). */
  box: Box
  /** Laid-out length along the main axis, px. */
  length: number
  ink: Box | null
  pieces: Piece[]
  /** True when a single unbreakable word is longer than maxLength. */
  overflows: boolean
}

export interface TextLayout {
  text: string
  orientation: Orientation
  progression: Progression
  fontSize: number
  width: number
  height: number
  lines: Line[]
  ink: Box | null
  /** Some line is longer than maxLength (an unbreakable word). */
  overflow: boolean
  /**
   * What a reader would fault in its line breaks, in breaking's own weights (layout.ts BREAK_COST):
   * 0 when every line ends at a phrase, a space or a hard break; more for a break between two Chinese
   * words, inside a word, and for an orphan.
   */
  breakCost: number
  /** How large the letters look, px: the Mongolian x-height or the Chinese character face (measure.ts). 0 for blank text. */
  visualSize: number
  scripts: Script[]
  /** The language the block was set in (the request's, or the default for its script). */
  lang: string
  /** Paragraph direction: rtl for Uyghur and Kazakh lines, whose pieces are in visual order, left to right. */
  direction: 'ltr' | 'rtl'
}
