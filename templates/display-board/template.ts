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
  type DesignKit,
  type El,
  type ImageInfo,
  type PlacedBlock,
} from '../../src/templates/authoring.js'
import { objectPosition, pictureGrid, type Grid } from './grid.js'

const unit = z.number().min(0).max(1)

const image = z
  .object({
    src: z.string().max(5_000_000).describe('data:image/png;base64,… or data:image/jpeg;base64,…'),
    caption_minority: signText(120).optional(),
    caption_zh: signText(40).optional(),
    focus: z
      .object({ x: unit, y: unit })
      .default({ x: 0.5, y: 0.5 })
      .describe('focal point, 0..1 from the left and the top: kept as near the frame’s centre as the crop allows (default the centre)'),
    fit: z
      .enum(['cover', 'contain'])
      .default('cover')
      .describe('cover: the picture fills its frame, cropped around the focal point; contain: the whole picture, inside its frame'),
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

type Picture = {
  info: ImageInfo
  caption_minority?: string | undefined
  caption_zh?: string | undefined
  focus: { x: number; y: number }
  fit: 'cover' | 'contain'
}

/**
 * A picture in its frame: a white mat with a soft shadow, the picture inside it cover-cropped around
 * its focal point (or contained), by satori's object-fit, which clips it to the frame: the SVG, the
 * PNG and the PDF fast path all draw that clip.
 */
function pictureElements(p: Picture, frame: Box, mat: number): El[] {
  const inner = { width: frame.x1 - frame.x0 - 2 * mat, height: frame.y1 - frame.y0 - 2 * mat }
  const at = objectPosition(p.info, inner, p.focus, p.fit)
  const img = {
    type: 'img',
    props: {
      src: p.info.src,
      width: inner.width,
      height: inner.height,
      style: {
        position: 'absolute',
        left: frame.x0 + mat,
        top: frame.y0 + mat,
        width: inner.width,
        height: inner.height,
        objectFit: p.fit,
        objectPosition: `${at.x}% ${at.y}%`,
        // An (identity) transform makes satori clip the picture to its box without its overflow mask:
        // resvg 2.6.2 panics, aborting the process, on that mask nested in the canvas's when a cropped
        // picture reaches far past the canvas (a tall picture focused at its foot).
        transform: 'scale(1)',
      },
    },
  }
  return [rect(frame, { backgroundColor: '#ffffff', boxShadow: '0 2px 6px rgba(0,0,0,0.18)' }), img]
}

/**
 * Every caption at one size (the smallest any of them needs to fit its band), its first line a
 * fixed distance under its frame, centred on it.
 */
function captions(
  kit: DesignKit,
  pictures: readonly Picture[],
  grid: Grid,
  band: { gap: number; height: number; minInk: number; maxInk: number },
  color: string,
): { elements: El[]; blocks: PlacedBlock[] } {
  const request = (i: number, ink: { minInk: number; maxInk: number }, y0: number) => ({
    role: `caption-${i + 1}`,
    minority: { text: pictures[i]!.caption_minority!, orientation: 'horizontal' as const, maxLines: 1 },
    zh: { text: pictures[i]!.caption_zh!, orientation: 'horizontal' as const, maxLines: 1 },
    arrangement: 'stacked' as const,
    box: { x0: grid.frames[i]!.x0, y0, x1: grid.frames[i]!.x1, y1: y0 + band.height },
    gap: 0.3,
    ...ink,
    color,
  })
  const withCaption = pictures.map((p, i) => i).filter((i) => pictures[i]!.caption_minority !== undefined)
  const sized = withCaption.map((i) => kit.pair(request(i, { minInk: band.minInk, maxInk: band.maxInk }, grid.frames[i]!.y1 + band.gap)))
  const ink = Math.min(...sized.flatMap((c) => c.blocks.map((b) => b.layout.visualSize)))
  const out = { elements: [] as El[], blocks: [] as PlacedBlock[] }
  for (const i of withCaption) {
    const want = grid.frames[i]!.y1 + band.gap
    const fixed = { minInk: ink, maxInk: ink }
    let placed = kit.pair(request(i, fixed, want))
    // Centred in its band by the pair fitting: moved up so its first line's ink starts at the band's top.
    const inkTop = Math.min(...placed.blocks.map((b) => b.extent.y0))
    if (inkTop - want > 0.5) placed = kit.pair(request(i, fixed, want - (inkTop - want)))
    out.elements.push(...placed.elements)
    out.blocks.push(...placed.blocks)
  }
  return out
}

/**
 * The body's largest visual size against the title's: a fifth below it, so the
 * title stays the first thing read (主题突出) while a short body grows to fill its area.
 */
const BODY_TO_TITLE = 0.8
/** Share of the free height above a body that does not fill its area: a little above the middle. */
const OPTICAL_CENTRE = 0.42

export const displayBoard = defineTemplate({
  id: 'display-board',
  version: 4,
  title: { zh: '宣传栏 / 展板', en: 'Display board' },
  description: {
    zh: '民族团结进步展示墙、宣传栏、展板：标题色带、{abbr}正文（{beside}，{size}）、最多四幅图片及双语图注；主题突出、构图严谨、图文并茂、美观大方。',
    en: 'Publicity board or display wall: a title band, body text in both scripts ({beside}, {size}), up to four pictures with bilingual captions.',
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

    // Below the band: the text, and the pictures in a grid at its side (landscape) or below it (portrait).
    const top = bandH + short * 0.008 + m
    const content: Box = { x0: m, y0: top, x1: W - m, y1: H - m }
    const pictures = f.images as Picture[]
    const captioned = pictures.some((p) => p.caption_minority !== undefined)
    // One caption style: one size for every caption, two lines (the two scripts) under each frame.
    const captionInk = short * 0.018
    const captionGap = captionInk * 0.5
    const captionH = captioned ? captionGap + captionInk * 3.6 : 0
    const gap = m * 0.5
    let textArea = content
    let grid: Grid | null = null
    if (pictures.length) {
      // The most the pictures may take; what their frames do not use goes back to the text.
      const share = 0.45
      if (portrait) {
        const area = { ...content, y0: content.y1 - (content.y1 - content.y0) * share }
        grid = pictureGrid(pictures.length, area, gap, captionH, 'width', { x: 'center', y: 'end' })
        textArea = { ...content, y1: grid.bounds.y0 - m }
      } else {
        const area = { ...content, x0: content.x1 - (content.x1 - content.x0) * share }
        grid = pictureGrid(pictures.length, area, gap, captionH, 'height', { x: 'end', y: 'start' })
        textArea = { ...content, x1: grid.bounds.x0 - m }
      }
    }
    // The body: Mongolian columns first (left: "蒙文在前") taking the width they need, the Chinese
    // paragraph the rest, justified with its first line indented two characters; one size for both,
    // the largest at which both fit, so both fill the area. Below the title's size (主题突出).
    const titleInk = Math.min(...blocks.filter((b) => b.role === 'title').map((b) => b.layout.visualSize))
    const bodyOrientation = kit.pairing.minority.native
    const minorityFirst = kit.first('side-by-side', { minority: bodyOrientation, zh: 'horizontal' }) === 'minority'
    const columns = bodyOrientation === 'vertical'
    const mid = textArea.x0 + (textArea.x1 - textArea.x0) / 2
    const half = (first: boolean): Box => (first ? { ...textArea, x1: mid - m / 2 } : { ...textArea, x0: mid + m / 2 })
    // Two blocks narrower than their halves stand against the rule between them, on the board's axis.
    const towardRule = (first: boolean) => ({ place: { x: first ? ('end' as const) : ('start' as const), y: 'start' as const } })
    const body = kit.pairInBoxes({
      role: 'body',
      minority: columns
        ? { text: f.body_minority, orientation: bodyOrientation, box: textArea, claims: { edge: minorityFirst ? 'left' : 'right', gap: m, maxGap: 3 * m } }
        : { text: f.body_minority, orientation: bodyOrientation, box: half(minorityFirst), ...towardRule(minorityFirst) },
      zh: {
        text: f.body_zh,
        orientation: 'horizontal',
        box: columns ? textArea : half(!minorityFirst),
        ...(columns ? {} : towardRule(!minorityFirst)),
        justify: true,
        firstLineIndent: 2,
        // A justified paragraph narrower than this spreads its characters into holes.
        minMeasure: 10,
      },
      minInk: Math.max(4, canvas.mm(3)),
      maxInk: titleInk * BODY_TO_TITLE,
      // A short body, set as large as the hierarchy allows, sits at the area's optical centre; beside
      // or above pictures it keeps the top line it shares with their grid.
      blockY: grid ? 0 : OPTICAL_CENTRE,
      color: theme.text,
    })
    add(body)
    // A thin rule halfway between the two scripts, as tall as the body (the text area, when it fills it).
    const [a, b] = body.blocks.map((x) => x.extent).sort((p, q) => p.x0 - q.x0)
    const rule = columns && a && b ? (a.x1 + b.x0) / 2 : mid
    const ruleY0 = Math.min(...body.blocks.map((x) => x.extent.y0))
    const ruleY1 = Math.max(...body.blocks.map((x) => x.extent.y1))
    elements.push(rect({ x0: rule - short * 0.001, y0: ruleY0, x1: rule + short * 0.001, y1: ruleY1 }, { backgroundColor: theme.accent }))

    if (grid) {
      pictures.forEach((p, i) => elements.push(...pictureElements(p, grid!.frames[i]!, short * 0.006)))
      const bodyInk = Math.min(...body.blocks.map((x) => x.layout.visualSize))
      add(
        captions(
          kit,
          pictures,
          grid,
          { gap: captionGap, height: captionH - captionGap, maxInk: Math.min(captionInk, bodyInk * 0.85), minInk: Math.max(3, canvas.mm(2)) },
          theme.text,
        ),
      )
    }
    return {
      root: canvasRoot(W, H, theme.ground, elements),
      blocks,
      background: theme.ground,
      areas: [
        { id: 'board', box: { x0: 0, y0: 0, x1: W, y1: H } },
        // The text area and the picture frames, for overlays and tests.
        { id: 'body', box: textArea },
        ...(grid?.frames.map((box, i) => ({ id: `picture-${i + 1}`, box })) ?? []),
      ],
    }
  },
})
