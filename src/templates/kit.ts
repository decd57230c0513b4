/**
 * The design kit templates are handed: bilingual pairs and single blocks
 * fitted by the text layout, turned into satori elements and recorded as
 * placed blocks for rule checks. Templates call this; they never size type.
 */
import type { FontSet, TextStyle } from '../fonts/font-set.js'
import { QoyarError, TextDoesNotFitError } from '../errors.js'
import { alongOf, fitPair, fitPairInBoxes, type BoxedPart, type PairPart, type PairResult, type PairSpec } from '../text/bilingual.js'
import { textElements, type El } from '../text/elements.js'
import { fitText, inkExtentOf } from '../text/fit.js'
import type { Align, Box, Orientation } from '../text/types.js'
import { MINORITY, firstOf, type OrderChoice, type PairRole, type Pairing } from './pairing.js'
import { tuningOf, type Tuning } from './tune.js'
import type { Canvas, PlacedBlock } from './types.js'

export interface Placed {
  blocks: PlacedBlock[]
  elements: El[]
}

/** The smallest letter a text may have on print, mm (its viewing distance); raises minInk, never lowers it. */
interface MinLetter {
  minLetterMm?: number
}

/** One text of a pair as a template asks for it; the kit gives it its language, order and scale. */
export type PairText = Omit<PairPart, 'lang' | 'scale'>

export interface PairRequest extends Omit<PairSpec, 'box' | 'parts'>, MinLetter {
  role: string
  minority: PairText
  zh: PairText
  box: Box
  color: string
  face?: string
}

export type BoxedText = Omit<BoxedPart, 'lang' | 'scale'>

export interface BoxedPairRequest extends MinLetter {
  role: string
  minority: BoxedText
  zh: BoxedText
  minInk: number
  maxInk: number
  align?: Align
  /** The parts move down as one block by this share of the height left free under them (fitPairInBoxes). */
  blockY?: number
  color: string
  face?: string
}

export interface TextRequest extends MinLetter {
  role: string
  /** Which of the pair's languages the text is in. */
  lang: PairRole
  text: string
  orientation: Orientation
  box: Box
  style?: TextStyle
  minSize: number
  maxSize: number
  color: string
  align?: Align
  /** Horizontal/vertical placement of the block inside the box. */
  place?: { x: Align; y: Align }
  wrap?: boolean
  face?: string
}

export interface DesignKit {
  fonts: FontSet
  /** The region's two languages: a template reads `pairing.minority.native` to choose columns or lines. */
  pairing: Pairing
  /** Which part goes first (above when stacked, left side by side) for texts set this way. */
  first(arrangement: 'stacked' | 'side-by-side', orientations: Record<PairRole, Orientation>): PairRole
  pair(req: PairRequest): Placed
  /** Two texts, each in its own area, at one visual size. */
  pairInBoxes(req: BoxedPairRequest): Placed
  text(req: TextRequest): Placed
}

const offsetBox = (b: Box, x: number, y: number): Box => ({ x0: b.x0 + x, y0: b.y0 + y, x1: b.x1 + x, y1: b.y1 + y })

function alignIn(free: number, a: Align | undefined): number {
  return a === 'start' ? 0 : a === 'end' ? free : free / 2
}

/** Placed pair parts (their x, y and extents already on the canvas) as blocks and elements. */
function placedParts(result: PairResult, role: string, color: string, face: string | undefined, minLetterMm: number | undefined, dx = 0, dy = 0): Placed {
  const blocks: PlacedBlock[] = []
  const elements: El[] = []
  for (const p of result.parts) {
    const x = dx + p.x
    const y = dy + p.y
    blocks.push({
      role,
      lang: p.lang,
      layout: p.layout,
      x,
      y,
      extent: offsetBox(p.extent, dx, dy),
      ...(face ? { face } : {}),
      ...(minLetterMm !== undefined ? { minLetterMm } : {}),
    })
    elements.push(...textElements(p.layout, { x, y, color }))
  }
  return { blocks, elements }
}

/** A request's minimum letter for a role, from the canvas's preset (none when it has none). */
export function minLetterOf(canvas: Pick<Canvas, 'minLetterMm'>, role: string): MinLetter {
  const mm = canvas.minLetterMm[role]
  return mm !== undefined ? { minLetterMm: mm } : {}
}

/** What the kit needs of the canvas: mm for minimum letter sizes, and whether it is print. */
export type KitCanvas = Pick<Canvas, 'mm' | 'medium'>

/** The request's say on the pair: a forced order, and the own script's scale (fields.ts). */
export interface PairChoices {
  order?: OrderChoice | undefined
  minorityScale?: number | undefined
  /** The designer's tuning of blocks (tune.ts): applied to every block the kit lays out. */
  tuning?: Tuning | undefined
}

/**
 * A tuned size below the block's floor (its minimum letter on print, else the template's smallest
 * size): a 422 saying both, never a sign set smaller than its rules allow.
 */
function tunedTooSmall(role: string, size: number, at: string, floor: string, box: { width: number; height: number }): QoyarError {
  const params = { role, size: String(size), at, floor }
  return new QoyarError(
    'tune_below_minimum',
    422,
    `The ${role} at ${size} of its fitted size would be ${at}, below the ${floor} this sign allows; choose a size factor closer to 1.`,
    { role, size, at, floor, box: { width: Math.round(box.width), height: Math.round(box.height) } },
    params,
  )
}

export function createKit(fonts: FontSet, canvas: KitCanvas, pairing: Pairing, choices: PairChoices = {}): DesignKit {
  const tuning = choices.tuning ?? tuningOf(undefined)
  const langOf = (role: PairRole) => (role === MINORITY ? pairing.minority.lang : pairing.zh.lang)
  /** A block's spacing as the layout takes it: only what differs from the default, so untuned inputs stay as they were. */
  const spacingOf = (block: string, lang: string): Pick<PairPart, 'letterSpacing' | 'lineSpacing'> => {
    const s = tuning.spacing(block, lang)
    return { ...(s.letterSpacing ? { letterSpacing: s.letterSpacing } : {}), ...(s.lineSpacing !== 1 ? { lineSpacing: s.lineSpacing } : {}) }
  }
  const partOf = <T extends PairText>(block: string, role: PairRole, t: T): T & Pick<PairPart, 'lang' | 'scale' | 'letterSpacing' | 'lineSpacing'> => ({
    ...t,
    lang: langOf(role),
    ...(role === MINORITY && choices.minorityScale !== undefined && choices.minorityScale !== 1 ? { scale: choices.minorityScale } : {}),
    ...spacingOf(block, langOf(role)),
  })
  const first = (arrangement: 'stacked' | 'side-by-side', orientations: Record<PairRole, Orientation>) =>
    firstOf(pairing, arrangement, orientations, choices.order)
  /** The two texts in the order the pack (or the request) puts them. */
  const ordered = <T extends PairText>(block: string, arrangement: 'stacked' | 'side-by-side', minority: T, zh: T) => {
    const m = partOf(block, MINORITY, minority)
    const z = partOf(block, 'zh', zh)
    return first(arrangement, { minority: minority.orientation, zh: zh.orientation }) === MINORITY ? ([m, z] as const) : ([z, m] as const)
  }
  const minLetterApplies = (req: MinLetter) => req.minLetterMm !== undefined && canvas.medium === 'print'
  /** The request's floor in px: its own minInk, raised to its minimum letter on print. */
  const floorOf = (req: MinLetter & { minInk: number }) => (minLetterApplies(req) ? Math.max(req.minInk, canvas.mm(req.minLetterMm!)) : req.minInk)
  const mmOf = (px: number) => Math.round((px / canvas.mm(1)) * 10) / 10
  /**
   * The pair's visual size once tuned: the fitted size times the role's factor, the same for both
   * scripts (equal size stays), refused below the floor. null when untuned.
   */
  const tunedInk = (role: string, fitted: number, floor: number, box: { width: number; height: number }): number | null => {
    const size = tuning.size(role)
    if (size === 1) return null
    const ink = fitted * size
    if (ink < floor - 1e-6) throw tunedTooSmall(role, size, `${mmOf(ink)} mm`, `${mmOf(floor)} mm`, box)
    return ink
  }
  /** A tuned layout that (by a rare wrap effect) does not fit at the smaller size is a 422 too, never drawn. */
  const refitted = (role: string, result: PairResult, box: { width: number; height: number }): PairResult => {
    if (result.fits) return result
    throw new TextDoesNotFitError(
      `The ${role} does not fit its area at its tuned size; choose a size factor closer to 1.`,
      { role, box, size: tuning.size(role) },
      { role, width: Math.round(box.width), height: Math.round(box.height) },
    )
  }
  /**
   * Too small for its viewing distance: a 422 that says the letter size the sign needs and the one
   * the text would fit at (fitsAt: null when it fits at no size down to the template's own floor).
   */
  const tooSmall = (role: string, req: MinLetter, fitsAt: number | null, box: { width: number; height: number }) =>
    new TextDoesNotFitError(
      `The ${role} needs letters of at least ${req.minLetterMm} mm to be read at this sign's distance; ${fitsAt === null ? 'it does not fit at any size' : `it fits only at ${mmOf(fitsAt)} mm`}. Shorten it or choose a larger sign.`,
      { role, box, minLetterMm: req.minLetterMm, fitsAtMm: fitsAt === null ? null : mmOf(fitsAt) },
      { role, width: Math.round(box.width), height: Math.round(box.height) },
    )
  return {
    fonts,
    pairing,
    first,
    pairInBoxes(req) {
      const spec = {
        parts: [partOf(req.role, MINORITY, req.minority), partOf(req.role, 'zh', req.zh)],
        minInk: req.minInk,
        maxInk: req.maxInk,
        ...(req.align ? { align: req.align } : {}),
        ...(req.blockY !== undefined ? { blockY: req.blockY } : {}),
      }
      let result = fitPairInBoxes(fonts, { ...spec, minInk: floorOf(req) })
      if (!result.fits) {
        const b = req.minority.box
        const width = Math.round(b.x1 - b.x0)
        const height = Math.round(b.y1 - b.y0)
        if (minLetterApplies(req)) {
          const low = fitPairInBoxes(fonts, spec)
          throw tooSmall(req.role, req, low.fits ? low.ink : null, { width, height })
        }
        throw new TextDoesNotFitError(
          `The ${req.role} does not fit its areas even at the smallest size; shorten it or choose a larger size.`,
          { role: req.role, boxes: [req.minority.box, req.zh.box], minInk: req.minInk },
          { role: req.role, width, height },
        )
      }
      const b = req.minority.box
      const tuned = tunedInk(req.role, result.ink, floorOf(req), { width: b.x1 - b.x0, height: b.y1 - b.y0 })
      // Smaller than fitted fits: the areas are laid out again at exactly that size.
      if (tuned !== null)
        result = refitted(req.role, fitPairInBoxes(fonts, { ...spec, minInk: tuned, maxInk: tuned }), { width: b.x1 - b.x0, height: b.y1 - b.y0 })
      return placedParts(result, req.role, req.color, req.face, minLetterApplies(req) ? req.minLetterMm : undefined)
    },
    pair(req) {
      const box = { width: req.box.x1 - req.box.x0, height: req.box.y1 - req.box.y0 }
      const { minority, zh, role: _role, color: _color, face: _face, minLetterMm: _min, ...layout } = req
      const spec: PairSpec = { ...layout, parts: ordered(req.role, req.arrangement, minority, zh), box }
      let result = fitPair(fonts, { ...spec, minInk: floorOf(req) })
      if (!result.fits) {
        if (minLetterApplies(req)) {
          const low = fitPair(fonts, spec)
          throw tooSmall(req.role, req, low.fits ? low.ink : null, box)
        }
        throw new TextDoesNotFitError(
          `The ${req.role} does not fit its ${Math.round(box.width)}×${Math.round(box.height)} px area even at the smallest size; shorten it or choose a larger size.`,
          {
            role: req.role,
            box,
            minInk: req.minInk,
          },
          { role: req.role, width: Math.round(box.width), height: Math.round(box.height) },
        )
      }
      const tuned = tunedInk(req.role, result.ink, floorOf(req), box)
      if (tuned !== null) result = refitted(req.role, fitPair(fonts, { ...spec, minInk: tuned, maxInk: tuned }), box)
      return placedParts(result, req.role, req.color, req.face, minLetterApplies(req) ? req.minLetterMm : undefined, req.box.x0, req.box.y0)
    },
    text(req) {
      const box = { width: req.box.x1 - req.box.x0, height: req.box.y1 - req.box.y0 }
      const spec = {
        text: req.text,
        orientation: req.orientation,
        lang: langOf(req.lang),
        ...(req.style ? { style: req.style } : {}),
        align: req.align ?? alongOf(req.orientation),
        ...spacingOf(req.role, langOf(req.lang)),
      }
      const wrap = req.wrap ?? true
      let r = fitText(fonts, spec, box, { minSize: req.minSize, maxSize: req.maxSize, wrap })
      const size = tuning.size(req.role)
      if (r.fits && size !== 1) {
        const tuned = r.fontSize * size
        if (tuned < req.minSize - 1e-6) throw tunedTooSmall(req.role, size, `${Math.round(tuned * 10) / 10} px`, `${req.minSize} px`, box)
        r = fitText(fonts, spec, box, { minSize: tuned, maxSize: tuned, wrap, step: 0.01 })
      }
      if (!r.fits)
        throw new TextDoesNotFitError(
          `The ${req.role} (${langOf(req.lang)}) does not fit its ${Math.round(box.width)}×${Math.round(box.height)} px area even at ${req.minSize} px.`,
          {
            role: req.role,
            lang: langOf(req.lang),
            box,
          },
          { role: req.role, width: Math.round(box.width), height: Math.round(box.height) },
        )
      const e = inkExtentOf(r.layout)
      const left = req.box.x0 + alignIn(box.width - (e.x1 - e.x0), req.place?.x)
      const top = req.box.y0 + alignIn(box.height - (e.y1 - e.y0), req.place?.y)
      const x = left - e.x0
      const y = top - e.y0
      const block: PlacedBlock = {
        role: req.role,
        lang: langOf(req.lang),
        layout: r.layout,
        x,
        y,
        extent: offsetBox(e, x, y),
        ...(req.face ? { face: req.face } : {}),
      }
      return { blocks: [block], elements: textElements(r.layout, { x, y, color: req.color }) }
    },
  }
}

/**
 * Placed blocks moved by (dx, dy) as they were set and drawn again there: a design placing a text it
 * has fitted (a name on one axis with its title), never refitting or resizing it.
 */
export function movedBlocks(blocks: readonly PlacedBlock[], dx: number, dy: number, color: string): Placed {
  const moved = blocks.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy, extent: offsetBox(b.extent, dx, dy) }))
  return { blocks: moved, elements: moved.flatMap((b) => textElements(b.layout, { x: b.x, y: b.y, color })) }
}

/** A plain positioned box, for backgrounds, rules and frames. */
export function rect(box: Box, style: Record<string, string | number>, children: El[] = []): El {
  return {
    type: 'div',
    props: {
      style: {
        position: 'absolute',
        display: 'flex',
        boxSizing: 'border-box',
        left: box.x0,
        top: box.y0,
        width: box.x1 - box.x0,
        height: box.y1 - box.y0,
        ...style,
      },
      children,
    },
  }
}

/** A picture (a checked data: URI) drawn into a box, as satori's own img element. */
export function picture(src: string, box: Box): El {
  const [width, height] = [box.x1 - box.x0, box.y1 - box.y0]
  return { type: 'img', props: { src, width, height, style: { position: 'absolute', left: box.x0, top: box.y0, width, height } } }
}

export function canvasRoot(width: number, height: number, background: string, children: El[]): El {
  return {
    type: 'div',
    props: { style: { display: 'flex', position: 'relative', width, height, backgroundColor: background, overflow: 'hidden' }, children },
  }
}
