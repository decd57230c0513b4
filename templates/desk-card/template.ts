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
  minorityScale,
  order,
  rect,
  signText,
  z,
  type Box,
  type Canvas,
  type DesignKit,
  type El,
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
 * Across a meeting table (1–3 m). The issue asks names ≥ 30 mm; with a title under it, two names at
 * equal size stacked on a 90–100 mm face reach ≈ 20 mm (Mongolian line ≈ 1.2 × its x-height of ink,
 * gap, Chinese, in the ≈ 50 mm above a title band of 8 mm lines), so the floor is 16 mm, titles 8 mm;
 * without a title the name reaches ≈ 30 mm.
 * The small place card (席卡, 100×50) is read at arm's length: 8 mm names, 3 mm titles.
 */
const CARD_LETTERS = { name: 16, title: 8 }
const PLACE_CARD_LETTERS = { name: 8, title: 3 }

/** A column is kept while it sets the name at least this fraction of the line layout's size. */
const COLUMN_AT = 0.9

type Layout = 'column' | 'line'

interface Face {
  elements: El[]
  blocks: PlacedBlock[]
  /** The layout the Mongolian name took, and why when it was not the one asked for. */
  layout: Layout
}

/** One face's design, in face coordinates. */
function face(f: Fields, w: number, h: number, canvas: Canvas, kit: DesignKit, faceId: string): Face {
  const m = h * 0.08
  const style = { genre: 'sans' as const, weight: 700 }
  const titleStyle = { genre: 'sans' as const, weight: 400 }
  const hasTitle = f.title_minority !== undefined && f.title_zh !== undefined
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
  // The title sits at the foot, as tall as it needs (up to half the face), with a clear band of space
  // above it; the name takes what is left. Fitted once for its height, then again in a box that tight.
  const foot = h - m * 0.75
  let title: ReturnType<typeof titleIn> | null = null
  if (hasTitle) {
    const probe = titleIn({ x0: m, y0: h * 0.5, x1: w - m, y1: foot })
    const top = Math.min(...probe.blocks.map((b) => b.extent.y0))
    const bottom = Math.max(...probe.blocks.map((b) => b.extent.y1))
    // A pixel of slack so the same size fits again.
    title = titleIn({ x0: m, y0: foot - (bottom - top) - 1, x1: w - m, y1: foot })
  }
  const titleTop = title ? Math.min(...title.blocks.map((b) => b.extent.y0)) : h
  const nameBox: Box = { x0: m, y0: m, x1: w - m, y1: title ? titleTop - h * 0.06 : h - m }
  const nameIn = (layout: Layout) => {
    const column = layout === 'column'
    return kit.pair({
      role: 'name',
      face: faceId,
      minority: { text: f.name_minority, orientation: column ? ('vertical' as const) : ('horizontal' as const), style, ...(column ? { maxLines: 1 } : {}) },

      zh: { text: f.name_zh, orientation: 'horizontal' as const, style, maxLines: 1 },
      arrangement: column ? 'side-by-side' : 'stacked',
      box: nameBox,
      gap: column ? 0.5 : 0.4,
      minInk: canvas.mm(8),
      ...minLetterOf(canvas, 'name'),
      maxInk: h * 0.5,
      color: f.color,
    })
  }
  const sizeOf = (p: { blocks: PlacedBlock[] }) => Math.max(...p.blocks.map((b) => b.layout.visualSize))
  let layout: Layout
  let name
  if (f.minorityLayout !== 'auto') {
    layout = f.minorityLayout
    name = nameIn(layout)
  } else if (kit.pairing.minority.native !== 'vertical') {
    // Scripts written in rows (Korean, Uyghur, Tibetan) set the name as a line.
    layout = 'line'
    name = nameIn(layout)
  } else {
    // A column unless the Mongolian name is long: then the line sets the name clearly larger, or alone fits.
    const column = fitsOrNull(() => nameIn('column'))
    const line = fitsOrNull(() => nameIn('line'))
    if (column && (!line || sizeOf(column) >= sizeOf(line) * COLUMN_AT)) {
      layout = 'column'
      name = column
    } else {
      layout = 'line'
      name = line ?? nameIn('column')
    }
  }
  const elements = [...name.elements]
  const blocks = [...name.blocks]
  if (title) {
    elements.push(...title.elements)
    blocks.push(...title.blocks)
  }
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
  version: 3,
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
      minLetterMm: CARD_LETTERS,
    },
    {
      id: 'face-210x90',
      title: { zh: '桌签 210×90 毫米（整张 210×180）', en: 'Face 210×90 mm (sheet 210×180)' },
      widthMm: 210,
      heightMm: 180,
      dpi: DPI.print,
      minLetterMm: CARD_LETTERS,
    },
    {
      id: 'face-100x50',
      title: { zh: '小桌签（席卡）100×50 毫米（整张 100×100）', en: 'Small place card, face 100×50 mm (sheet 100×100)' },
      widthMm: 100,
      heightMm: 100,
      dpi: DPI.print,
      minLetterMm: PLACE_CARD_LETTERS,
    },
    {
      id: 'face-250x120',
      title: { zh: '桌签 250×120 毫米（整张 250×240）', en: 'Face 250×120 mm (sheet 250×240)' },
      widthMm: 250,
      heightMm: 240,
      dpi: DPI.print,
      minLetterMm: CARD_LETTERS,
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
