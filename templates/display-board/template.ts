/**
 * display-board (宣传栏/展板): a publicity board with a title band, an
 * optional subtitle, body text in both scripts — Mongolian columns left of the
 * Chinese paragraph, at one size — and up to four pictures with captions.
 * "主题突出、构图严谨、图文并茂、美观大方": one strong band, a grid, pictures.
 * Pictures come in the POST body as data: URIs; nothing remote is fetched.
 */
import {
  DPI,
  QoyarError,
  canvasRoot,
  defineTemplate,
  inspectImage,
  minorityScale,
  order,
  pxPreset,
  rect,
  signText,
  z,
  type Box,
  type El,
  type ImageInfo,
  type PlacedBlock,
} from '../../src/templates/authoring.js'

const image = z
  .object({
    src: z.string().max(5_000_000).describe('data:image/png;base64,… or data:image/jpeg;base64,…'),
    caption_minority: signText(120).optional(),
    caption_zh: signText(40).optional(),
  })
  .transform((img, ctx) => {
    try {
      return { ...img, info: inspectImage(img.src, 'images[].src') }
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof QoyarError ? e.message : 'invalid image', path: ['src'] })
      return z.NEVER
    }
  })
  .refine((i) => (i.caption_minority === undefined) === (i.caption_zh === undefined), {
    message: 'give the caption in both scripts or in neither',
    path: ['caption_minority'],
  })

const THEMES = {
  red: { band: '#b3001b', accent: '#e8b923', ground: '#fbf6ee', text: '#1f1f1f' },
  blue: { band: '#0b4a8b', accent: '#e8b923', ground: '#f4f7fb', text: '#1f1f1f' },
  green: { band: '#1f6f43', accent: '#e8b923', ground: '#f4f8f3', text: '#1f1f1f' },
} as const

const fields = z
  .object({
    title_minority: signText(200),
    title_zh: signText(40),
    subtitle_minority: signText(300).optional(),
    subtitle_zh: signText(60).optional(),
    body_minority: signText(2000).describe('body text in Mongolian (set in columns)'),
    body_zh: signText(800).describe('body text in Chinese'),
    images: z.array(image).max(4).default([]).describe('up to four pictures, as data: URIs (POST)'),
    theme: z.enum(['red', 'blue', 'green']).default('red'),
    order,
    minorityScale,
  })
  .refine((f) => (f.subtitle_minority === undefined) === (f.subtitle_zh === undefined), {
    message: 'give the subtitle in both scripts or in neither',
    path: ['subtitle_minority'],
  })

type Picture = { info: ImageInfo; caption_minority?: string | undefined; caption_zh?: string | undefined }

/** A picture scaled to fit its cell, centred (object-fit: contain, done here so the PDF sees the same), on a white mat. */
function pictureElements(p: Picture, cell: Box, mat: number): { elements: El[]; box: Box } {
  const scale = Math.min((cell.x1 - cell.x0 - 2 * mat) / p.info.width, (cell.y1 - cell.y0 - 2 * mat) / p.info.height)
  const w = p.info.width * scale
  const h = p.info.height * scale
  const x = cell.x0 + (cell.x1 - cell.x0 - w) / 2
  const y = cell.y0 + (cell.y1 - cell.y0 - h) / 2
  const box = { x0: x - mat, y0: y - mat, x1: x + w + mat, y1: y + h + mat }
  const img = {
    type: 'img',
    props: { src: p.info.src, width: w, height: h, style: { position: 'absolute', left: x, top: y, width: w, height: h } },
  } as unknown as El
  return { elements: [rect(box, { backgroundColor: '#ffffff', boxShadow: '0 2px 6px rgba(0,0,0,0.18)' }), img], box }
}

export const displayBoard = defineTemplate({
  id: 'display-board',
  version: 1,
  title: { zh: '宣传栏 / 展板', en: 'Display board' },
  description: {
    zh: '民族团结进步展示墙、宣传栏、展板：标题色带、蒙汉正文（蒙文竖排在左、汉文在右、字号相等）、最多四幅图片及双语图注；主题突出、构图严谨、图文并茂、美观大方。',
    en: 'Publicity board or display wall: a title band, body text in both scripts (Mongolian columns left of the Chinese, at equal size), up to four pictures with bilingual captions.',
  },
  kind: 'display-board',

  sloganFields: { minority: 'title_minority', zh: 'title_zh' },
  fields,
  presets: [
    { id: 'board-2400x1200', title: { zh: '展板 2400×1200 毫米', en: 'Board 2400×1200 mm' }, widthMm: 2400, heightMm: 1200, dpi: 60 },
    { id: 'board-1200x900', title: { zh: '展板 1200×900 毫米', en: 'Board 1200×900 mm' }, widthMm: 1200, heightMm: 900, dpi: 120 },
    { id: 'board-900x1200', title: { zh: '竖展板 900×1200 毫米', en: 'Portrait board 900×1200 mm' }, widthMm: 900, heightMm: 1200, dpi: 120 },
    { id: 'a1', title: { zh: 'A1 海报 841×594 毫米', en: 'A1 poster 841×594 mm' }, widthMm: 841, heightMm: 594, dpi: 150 },
    { id: 'a3', title: { zh: 'A3 板报 420×297 毫米', en: 'A3 board 420×297 mm' }, widthMm: 420, heightMm: 297, dpi: DPI.print },
    pxPreset('screen-1920x1080', { zh: '屏幕 1920×1080 像素', en: 'Screen 1920×1080 px' }, 1920, 1080),
  ],
  defaultPreset: 'board-1200x900',
  design(f, canvas, kit) {
    const theme = THEMES[f.theme]
    const W = canvas.width
    const H = canvas.height
    const short = Math.min(W, H)
    const m = short * 0.045
    const portrait = H > W
    const bandH = H * (f.subtitle_minority ? 0.24 : 0.19)
    const elements: El[] = [
      rect({ x0: 0, y0: 0, x1: W, y1: bandH }, { backgroundColor: theme.band }),
      rect({ x0: 0, y0: bandH, x1: W, y1: bandH + short * 0.008 }, { backgroundColor: theme.accent }),
    ]
    const blocks: PlacedBlock[] = []
    const add = (p: { elements: El[]; blocks: PlacedBlock[] }) => {
      elements.push(...p.elements)
      blocks.push(...p.blocks)
    }
    const titleBottom = f.subtitle_minority ? bandH * 0.68 : bandH - m * 0.6
    add(
      kit.pair({
        role: 'title',
        minority: { text: f.title_minority, orientation: 'horizontal' as const, style: { genre: 'sans' as const, weight: 700 } },

        zh: { text: f.title_zh, orientation: 'horizontal' as const, style: { genre: 'sans' as const, weight: 700 } },
        arrangement: 'stacked',
        box: { x0: m, y0: m * 0.6, x1: W - m, y1: titleBottom },
        gap: 0.3,
        minInk: short * 0.012,
        maxInk: short * 0.07,
        color: '#ffffff',
      }),
    )
    if (f.subtitle_minority && f.subtitle_zh)
      add(
        kit.pair({
          role: 'subtitle',
          minority: { text: f.subtitle_minority, orientation: 'horizontal' as const, maxLines: 1 },

          zh: { text: f.subtitle_zh, orientation: 'horizontal' as const, maxLines: 1 },
          arrangement: 'side-by-side',
          box: { x0: m, y0: titleBottom + m * 0.2, x1: W - m, y1: bandH - m * 0.4 },
          gap: 1.2,
          minInk: short * 0.008,
          maxInk: short * 0.025,
          color: theme.accent,
        }),
      )

    // Content grid below the band: text on one side (or above), pictures on the other.
    const top = bandH + short * 0.008 + m
    const content: Box = { x0: m, y0: top, x1: W - m, y1: H - m }
    const pictures = f.images as Picture[]
    let textArea = content
    let pictureArea: Box | null = null
    if (pictures.length) {
      if (portrait) {
        const split = content.y0 + (content.y1 - content.y0) * 0.52
        textArea = { ...content, y1: split - m / 2 }
        pictureArea = { ...content, y0: split + m / 2 }
      } else {
        const split = content.x0 + (content.x1 - content.x0) * 0.6
        textArea = { ...content, x1: split - m / 2 }
        pictureArea = { ...content, x0: split + m / 2 }
      }
    }
    // Mongolian columns first (left), the Chinese paragraph after: "蒙文在前".
    const mnShare = 0.42
    const mid = textArea.x0 + (textArea.x1 - textArea.x0) * mnShare
    const bodyOrientation = kit.pairing.minority.native
    const left = { x0: textArea.x0, x1: mid - m / 2 }
    const right = { x0: mid + m / 2, x1: textArea.x1 }
    const [minorityBox, zhBox] = kit.first('side-by-side', { minority: bodyOrientation, zh: 'horizontal' }) === 'minority' ? [left, right] : [right, left]
    add(
      kit.pairInBoxes({
        role: 'body',
        minority: { text: f.body_minority, orientation: bodyOrientation, box: { ...minorityBox, y0: textArea.y0, y1: textArea.y1 } },
        zh: { text: f.body_zh, orientation: 'horizontal', box: { ...zhBox, y0: textArea.y0, y1: textArea.y1 } },
        minInk: Math.max(4, canvas.mm(3)),
        maxInk: short * 0.045,
        color: theme.text,
      }),
    )
    // A thin rule between the two scripts.
    elements.push(rect({ x0: mid - short * 0.001, y0: textArea.y0, x1: mid + short * 0.001, y1: textArea.y1 }, { backgroundColor: theme.accent }))

    if (pictureArea && pictures.length) {
      const cols = pictures.length === 1 ? 1 : 2
      const rows = Math.ceil(pictures.length / cols)
      const cw = (pictureArea.x1 - pictureArea.x0 - (cols - 1) * m * 0.5) / cols
      const ch = (pictureArea.y1 - pictureArea.y0 - (rows - 1) * m * 0.5) / rows
      pictures.forEach((p, i) => {
        const x0 = pictureArea!.x0 + (i % cols) * (cw + m * 0.5)
        const y0 = pictureArea!.y0 + Math.floor(i / cols) * (ch + m * 0.5)
        const captioned = p.caption_minority !== undefined && p.caption_zh !== undefined
        const cell = { x0, y0, x1: x0 + cw, y1: y0 + ch * (captioned ? 0.8 : 1) }
        const pic = pictureElements(p, cell, short * 0.006)
        elements.push(...pic.elements)
        const picBox = { ...cell, y1: pic.box.y1 }
        if (captioned)
          add(
            kit.pair({
              role: `caption-${i + 1}`,
              minority: { text: p.caption_minority!, orientation: 'horizontal' as const, maxLines: 1 },

              zh: { text: p.caption_zh!, orientation: 'horizontal' as const, maxLines: 1 },
              arrangement: 'stacked',
              box: { x0, y0: picBox.y1 + m * 0.2, x1: x0 + cw, y1: y0 + ch },
              gap: 0.3,
              minInk: Math.max(3, canvas.mm(2)),
              maxInk: short * 0.028,
              color: theme.text,
            }),
          )
      })
    }
    return { root: canvasRoot(W, H, theme.ground, elements), blocks, background: theme.ground, areas: [{ id: 'board', box: { x0: 0, y0: 0, x1: W, y1: H } }] }
  },
})
