/**
 * desk-card (桌签): a tent card printed on one sheet: two faces, the upper
 * one turned 180° so that both read upright once folded along the line
 * between them. The Mongolian name stands as a vertical column left of the
 * Chinese ("蒙文在前", the native direction of the script) or as a line
 * above it ("蒙文在上"); both are what 第三条 allows.
 */
import {
  fitsOrNull,
  DPI,
  canvasRoot,
  defineTemplate,
  hexColor,
  minLetterOf,
  movedBlocks,
  minorityScale,
  order,
  QoyarError,
  rect,
  signText,
  z,
  type Box,
  type Canvas,
  type DesignKit,
  type El,
  type Placed,
  type PlacedBlock,
} from '../../src/templates/authoring.js'

const optionalText = (max: number) => signText(max).optional()

const fields = z
  .object({
    name_minority: signText(80).describe('name in Mongolian'),
    name_zh: signText(16).describe('name in Chinese'),
    title_minority: optionalText(120).describe('title or organisation in Mongolian'),
    title_zh: optionalText(40).describe('title or organisation in Chinese'),
    minorityLayout: z
      .enum(['auto', 'column', 'line'])
      .default('auto')
      .describe('Mongolian name as a vertical column left of the Chinese, as a line above it, or auto: a column unless the name is long, then a line'),
    background: hexColor.default('#ffffff'),
    color: hexColor.default('#1a1a1a').describe('name colour'),
    accent: hexColor.default('#c8102e').describe('title and frame colour'),
    frame: z.enum(['line', 'none']).default('line'),
    order,
    minorityScale,
  })
  .refine((f) => (f.title_minority === undefined) === (f.title_zh === undefined), {
    message: 'give the title in both scripts or in neither',
    path: ['title_minority'],
  })

type Fields = z.output<typeof fields>

/**
 * Letter floors (mm), per face, read across a meeting table (1–3 m). The issue asks names ≥ 30 mm; what
 * the two layouts reach with a title (measured, Noto Sans Mongolian and Noto Sans CJK Bold; m = 0.08 h
 * top margin, the title stands on the foot 0.06 h from the bottom edge, a clear band of 0.06 h above it):
 * - Column (a one-word Mongolian name): the column runs from the top margin to the foot, 0.86 h, and is
 *   about 2.5 × the name's size long for a four- or five-letter word (ᠪᠠᠲᠤ, ᠪᠠᠶᠠᠷ; ᠮᠥᠩᠬᠡ 3.6 ×), so
 *   ᠪᠠᠲᠤ 巴图 is 31.9 mm on 200×100, 28.7 mm on 210×90, 38.3 mm on 250×120 (the title beside the
 *   column does not shorten it).
 * - Line (a long or two-word Mongolian name): the Mongolian line (1.05–1.35 × the size of ink, with its
 *   tails), 0.4 × the size of gap and the Chinese line (1.05 ×) share 0.86 h with the clear band and the
 *   title (19–24 mm for two 8 mm lines, ≈ 30 mm for three): on 200×100 ᠸᠠᠩ ᠵᠢᠶᠠᠨᠭᠦᠸᠧ 王建国 under a
 *   one-line title is (86 − 6 − 24) / 2.75 ≈ 20.4 mm, under a title whose Chinese takes two lines 16.1 mm;
 *   ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ 萨仁格日勒 under 教师 24.5 mm.
 * So 30 mm holds for one-word names on 200×100 and 250×120, not for long names under a title. A floor
 * above what the hardest of those cases (a two-word Mongolian name under a two-line title) reaches would
 * refuse ordinary cards, so each floor is that, rounded down, and never below the one before: 16 mm on
 * 200×100 (16.1), 16 on 210×90 (13.1 there: such a card stays a 422, as it was), 19 on 250×120 (19.3,
 * was 16); titles 8 mm. The small place card (席卡, 100×50) is read at arm's length: 8 mm names (8.0),
 * 3 mm titles.
 */
const LETTERS = {
  'face-200x100': { name: 16, title: 8 },
  'face-210x90': { name: 16, title: 8 },
  'face-250x120': { name: 19, title: 8 },
  'face-100x50': { name: 8, title: 3 },
} as const

/** A column is kept while it sets the name at least this fraction of the line layout's size. */
const COLUMN_AT = 0.9

type Layout = 'column' | 'line'

interface Face {
  elements: El[]
  blocks: PlacedBlock[]
  /** The layout the Mongolian name took, and why when it was not the one asked for. */
  layout: Layout
}

/**
 * A layout tried as one of two: null when its text does not fit, or when a designer's size factor would
 * take it below its floor (the other layout may still take it); the one chosen says why when neither can.
 */
function settable<T>(fit: () => T): T | null {
  try {
    return fitsOrNull(fit)
  } catch (e) {
    if (e instanceof QoyarError && e.code === 'tune_below_minimum') return null
    throw e
  }
}

/** The box around placed blocks' ink. */
const extentOf = (...ps: Placed[]): Box => {
  const bs = ps.flatMap((p) => p.blocks.map((b) => b.extent))
  return {
    x0: Math.min(...bs.map((b) => b.x0)),
    y0: Math.min(...bs.map((b) => b.y0)),
    x1: Math.max(...bs.map((b) => b.x1)),
    y1: Math.max(...bs.map((b) => b.y1)),
  }
}

const sizeOf = (p: Placed) => Math.max(...p.blocks.map((b) => b.layout.visualSize))

/** One face's design, in face coordinates. */
function face(f: Fields, w: number, h: number, canvas: Canvas, kit: DesignKit, faceId: string): Face {
  const m = h * 0.08
  const style = { genre: 'sans' as const, weight: 700 }
  const titleStyle = { genre: 'sans' as const, weight: 400 }
  const hasTitle = f.title_minority !== undefined && f.title_zh !== undefined
  // The title stands on the foot, with a clear band of space between it and the name.
  const foot = h - m * 0.75
  const clear = h * 0.06
  const titleIn = (box: Box) =>
    kit.pair({
      role: 'title',
      face: faceId,
      minority: { text: f.title_minority!, orientation: 'horizontal' as const, style: titleStyle, maxLines: 2 },

      zh: { text: f.title_zh!, orientation: 'horizontal' as const, style: titleStyle, maxLines: 2 },
      arrangement: 'stacked',
      box,
      gap: 0.35,
      minInk: canvas.mm(3),
      ...minLetterOf(canvas, 'title'),
      // No larger than its floor (or 8 % of the face): the name gets the room.
      maxInk: Math.max(canvas.mm(canvas.minLetterMm.title ?? 0), h * 0.08),
      color: f.accent,
    })
  /**
   * The title between x0 and x1 on the foot, as tall as it needs (up to `top`): fitted once for its
   * height, then again in a box that tight.
   */
  const titleBetween = (x0: number, x1: number, top: number): Placed => {
    const e = extentOf(titleIn({ x0, y0: top, x1, y1: foot }))
    // A pixel of slack so the same size fits again.
    return titleIn({ x0, y0: foot - (e.y1 - e.y0) - 1, x1, y1: foot })
  }
  const nameBounds = { minInk: canvas.mm(8), ...minLetterOf(canvas, 'name'), maxInk: h * 0.5, color: f.color }

  /** Line layout, and column layout without a title: the two names as one pair above the title, which spans the face. */
  const pairLayout = (layout: Layout): Placed[] => {
    // Across the face, up to half its height.
    const title = hasTitle ? titleBetween(m, w - m, h * 0.5) : null
    const column = layout === 'column'
    const name = kit.pair({
      role: 'name',
      face: faceId,
      minority: { text: f.name_minority, orientation: column ? ('vertical' as const) : ('horizontal' as const), style, maxLines: 1 },
      zh: { text: f.name_zh, orientation: 'horizontal' as const, style, maxLines: 1 },
      arrangement: column ? 'side-by-side' : 'stacked',
      box: { x0: m, y0: m, x1: w - m, y1: title ? extentOf(title).y0 - clear : h - m },
      gap: column ? 0.5 : 0.4,
      ...nameBounds,
    })
    return title ? [name, title] : [name]
  }

  /**
   * Column layout with a title: the Mongolian name one column at its side from the top margin to the
   * foot, the Chinese name beside it with the title under it (spanning the Chinese side only, centred
   * on the Chinese name, or the name on it), the whole centred on the face. The column's length, not
   * the face's height less the title's, bounds the name. null when it does not fit this way.
   */
  const columnWithTitle = (): Placed[] | null => {
    const left = kit.first('side-by-side', { minority: 'vertical', zh: 'horizontal' }) !== 'zh'
    const content: Box = { x0: m, y0: m, x1: w - m, y1: foot }
    const nameIn = (zhBox: Box) =>
      fitsOrNull(() =>
        kit.pairInBoxes({
          role: 'name',
          face: faceId,
          minority: {
            text: f.name_minority,
            orientation: 'vertical',
            style,
            maxLines: 1,
            box: content,
            place: { x: left ? 'start' : 'end', y: 'start' },
            // The column stands half the name's size from the Chinese.
            claims: { edge: left ? 'left' : 'right', gap: 0, gapPerSize: 0.5 },
          },
          zh: { text: f.name_zh, orientation: 'horizontal', style, maxLines: 1, box: zhBox, place: { x: left ? 'start' : 'end', y: 'center' } },
          ...nameBounds,
        }),
      )
    const zhOf = (name: Placed) => name.blocks.find((b) => b.layout.orientation === 'horizontal')!.extent
    // The title's height bounds the Chinese name, the column's width the title: a first estimate of
    // the title across the face, then again on the Chinese side, until its height settles. It may
    // stand as high as leaves the name its floor.
    const titleTop = m + canvas.mm(canvas.minLetterMm.name ?? 8) + clear
    let title = fitsOrNull(() => titleBetween(m, w - m, titleTop))
    let name: Placed | null = null
    let zhBox = content
    for (let i = 0; i < 3 && title; i++) {
      const top = extentOf(title).y0
      zhBox = { ...content, y1: top - clear }
      name = nameIn(zhBox)
      if (!name) return null
      const zh = zhOf(name)
      const next = fitsOrNull(() => (left ? titleBetween(zh.x0, w - m, titleTop) : titleBetween(m, zh.x1, titleTop)))
      const settled = next !== null && extentOf(next).y0 >= top - 0.5
      title = next
      if (settled) break
    }
    if (!title || !name || extentOf(title).y0 < zhOf(name).y1 + clear - 1) return null
    // The Chinese name where it reads with the column: level with its middle, as without a title,
    // but no lower than the clear band above the title; and on one axis with the title (a title
    // wider than the name takes the name to its middle). Moved there as it was set.
    const columnBlock = name.blocks.find((b) => b.layout.orientation === 'vertical')!
    const zhBlock = name.blocks.find((b) => b !== columnBlock)!
    const column = columnBlock.extent
    const zh = zhBlock.extent
    const titleBox = extentOf(title)
    const zhHeight = zh.y1 - zh.y0
    const top = Math.max(m, Math.min((column.y0 + column.y1 - zhHeight) / 2, titleBox.y0 - clear - zhHeight))
    const wider = Math.max(0, (titleBox.x1 - titleBox.x0 - (zh.x1 - zh.x0)) / 2)
    const zhDx = left ? wider : -wider
    const titleDx = (zh.x0 + zh.x1) / 2 + zhDx - (titleBox.x0 + titleBox.x1) / 2
    // The whole centred across the face.
    const x0 = Math.min(column.x0, zh.x0 + zhDx, titleBox.x0 + titleDx)
    const x1 = Math.max(column.x1, zh.x1 + zhDx, titleBox.x1 + titleDx)
    const dx = (w - x0 - x1) / 2
    const columnAt = movedBlocks([columnBlock], dx, 0, f.color)
    const zhAt = movedBlocks([zhBlock], dx + zhDx, top - zh.y0, f.color)
    return [{ blocks: [...columnAt.blocks, ...zhAt.blocks], elements: [...columnAt.elements, ...zhAt.elements] }, movedBlocks(title.blocks, dx + titleDx, 0, f.accent)]
  }

  const layoutOf = (layout: Layout): Placed[] => (layout === 'column' && hasTitle ? (columnWithTitle() ?? pairLayout('column')) : pairLayout(layout))
  let layout: Layout
  let parts: Placed[]
  if (f.minorityLayout !== 'auto') {
    layout = f.minorityLayout
    parts = layoutOf(layout)
  } else if (kit.pairing.minority.native !== 'vertical') {
    // Scripts written in rows (Korean, Uyghur, Tibetan) set the name as a line.
    layout = 'line'
    parts = layoutOf(layout)
  } else {
    // A column unless the Mongolian name is long: then the line sets the name clearly larger, or alone fits.
    const column = settable(() => layoutOf('column'))
    const line = settable(() => layoutOf('line'))
    if (column && (!line || sizeOf(column[0]!) >= sizeOf(line[0]!) * COLUMN_AT)) {
      layout = 'column'
      parts = column
    } else {
      layout = 'line'
      // Neither fits: the line's refusal, which says the size the name would fit at.
      parts = line ?? layoutOf('line')
    }
  }
  const elements = parts.flatMap((p) => p.elements)
  const blocks = parts.flatMap((p) => p.blocks)
  if (f.frame === 'line') {
    const inset = h * 0.03
    elements.unshift(rect({ x0: inset, y0: inset, x1: w - inset, y1: h - inset }, { border: `${Math.max(1, h * 0.006)}px solid ${f.accent}` }))
  }
  return { elements, blocks, layout }
}

/** A block's extent after its face is turned 180° about the face centre. */
function turned(b: PlacedBlock, w: number, h: number): PlacedBlock {
  return {
    ...b,
    extent: { x0: w - b.extent.x1, y0: h - b.extent.y1, x1: w - b.extent.x0, y1: h - b.extent.y0 },
    rotation: 180,
    frame: { x0: 0, y0: 0, x1: w, y1: h },
  }
}

const shift = (b: PlacedBlock, dy: number): PlacedBlock => ({ ...b, y: b.y + dy, extent: { ...b.extent, y0: b.extent.y0 + dy, y1: b.extent.y1 + dy } })

export const deskCard = defineTemplate({
  id: 'desk-card',
  version: 4,
  title: { zh: '桌签', en: 'Desk name card' },
  description: {
    zh: '会议桌签（双面折叠）：一张纸上两面，上面一面旋转180°，沿中线折叠后两面都正向可读；名字横排时{above}，{columns|竖排名字}，{size}。',
    en: 'Folded tent name card: one sheet, two faces, the upper face turned 180° so both read upright after folding on the middle line; names in lines with {above}, {columns|names in columns}, {size}.',
  },
  kind: 'desk-card',
  brandColors: { primary: 'accent' },

  fields,
  presets: [
    // Presets are the whole sheet: two faces one above the other.
    {
      id: 'face-200x100',
      title: { zh: '桌签 200×100 毫米（整张 200×200）', en: 'Face 200×100 mm (sheet 200×200)' },
      widthMm: 200,
      heightMm: 200,
      dpi: DPI.print,
      minLetterMm: LETTERS['face-200x100'],
    },
    {
      id: 'face-210x90',
      title: { zh: '桌签 210×90 毫米（整张 210×180）', en: 'Face 210×90 mm (sheet 210×180)' },
      widthMm: 210,
      heightMm: 180,
      dpi: DPI.print,
      minLetterMm: LETTERS['face-210x90'],
    },
    {
      id: 'face-100x50',
      title: { zh: '小桌签（席卡）100×50 毫米（整张 100×100）', en: 'Small place card, face 100×50 mm (sheet 100×100)' },
      widthMm: 100,
      heightMm: 100,
      dpi: DPI.print,
      minLetterMm: LETTERS['face-100x50'],
    },
    {
      id: 'face-250x120',
      title: { zh: '桌签 250×120 毫米（整张 250×240）', en: 'Face 250×120 mm (sheet 250×240)' },
      widthMm: 250,
      heightMm: 240,
      dpi: DPI.print,
      minLetterMm: LETTERS['face-250x120'],
    },
  ],
  defaultPreset: 'face-200x100',
  design(f, canvas: Canvas, kit) {
    const w = canvas.width
    const h = canvas.height / 2
    // The back face is the same design; it is laid out once and drawn twice.
    const front = face(f, w, h, canvas, kit, 'front')
    const faceEl = (top: number, turn: boolean, children: El[]): El =>
      rect({ x0: 0, y0: top, x1: w, y1: top + h }, turn ? { transform: 'rotate(180deg)' } : {}, children)
    const fold = rect({ x0: 0, y0: h - 0.5, x1: w, y1: h + 0.5 }, { borderTop: `${Math.max(1, canvas.mm(0.3))}px dashed #9a9a9a` })
    return {
      root: canvasRoot(w, canvas.height, f.background, [faceEl(0, true, front.elements), faceEl(h, false, front.elements), fold]),
      blocks: [...front.blocks.map((b) => ({ ...turned(b, w, h), face: 'back' })), ...front.blocks.map((b) => shift(b, h))],
      background: f.background,
      ...(f.minorityLayout === 'auto' && front.layout === 'line' && kit.pairing.minority.native === 'vertical'
        ? { adjustments: [{ field: 'minorityLayout', value: 'line', reason: 'the Mongolian name is long: as a line it is set larger than as one column' }] }
        : {}),
      areas: [
        { id: 'back', box: { x0: 0, y0: 0, x1: w, y1: h } },
        { id: 'front', box: { x0: 0, y0: h, x1: w, y1: 2 * h } },
      ],
    }
  },
})
