/**
 * meeting-banner (会标): the long red backdrop across the front of a meeting
 * hall. The meeting title in both scripts, Mongolian line above Chinese at one
 * visual size, as large as the cloth allows; under it, smaller, an optional
 * organiser line and date line (each in both scripts). Chinese in a bold
 * serif (标宋 style, as 会标 are set); Mongolian has only its sans face.
 */
import {
  fitsOrNull,
  canvasRoot,
  defineTemplate,
  hexColor,
  minLetterOf,
  minorityScale,
  order,
  pxPreset,
  rect,
  signText,
  z,
  type Align,
  type Box,
  type DesignKit,
  type Placed,
} from '../../src/templates/authoring.js'

const optionalText = (max: number) => signText(max).optional()
const both = (a: unknown, b: unknown) => (a === undefined) === (b === undefined)

const fields = z
  .object({
    title_minority: signText(300).describe('meeting title in Mongolian'),
    title_zh: signText(80).describe('meeting title in Chinese'),
    organiser_minority: optionalText(200).describe('organiser in Mongolian'),
    organiser_zh: optionalText(60).describe('organiser in Chinese'),
    date_minority: optionalText(120).describe('date (or date and place) in Mongolian'),
    date_zh: optionalText(60).describe('date (or date and place) in Chinese'),
    background: hexColor.default('#c8102e').describe('cloth colour'),
    color: hexColor.default('#ffffff').describe('title colour (white; #ffd400 for yellow)'),
    subColor: hexColor.optional().describe('organiser and date colour; default: the title colour'),
    frame: z.enum(['none', 'line']).default('none').describe('a thin line inside the edge of the cloth, in the lettering colour'),
    order,
    minorityScale,
  })
  .refine((f) => both(f.organiser_minority, f.organiser_zh), { message: 'give the organiser in both scripts or in neither', path: ['organiser_minority'] })
  .refine((f) => both(f.date_minority, f.date_zh), { message: 'give the date in both scripts or in neither', path: ['date_minority'] })

type Fields = z.output<typeof fields>

/** 会标 are set in a bold serif (标宋); Mongolian falls back to its only face, drawn bold. */
const TITLE_STYLE = { genre: 'serif' as const, weight: 700 }
const SUB_STYLE = { genre: 'serif' as const, weight: 700 }

/** Read across a hall at 15–30 m: title letters at least 150 mm (handbook §4, 25 mm per 3 m). */
const HALL_LETTERS = { title: 150 }

/** One line is kept while it sets the title at least this fraction of the two-line size. */
const ONE_LINE_AT = 0.85

/** The shared visual size of a placed pair (its Chinese ink across the line). */
const sizeOf = (p: Placed) => Math.max(...p.blocks.filter((b) => b.lang === 'zh').map((b) => b.layout.visualSize))
/** Top and bottom of a placed pair's ink. */
const spanOf = (p: Placed): [number, number] => [Math.min(...p.blocks.map((b) => b.extent.y0)), Math.max(...p.blocks.map((b) => b.extent.y1))]

function subPair(
  f: Fields,
  kit: DesignKit,
  role: string,
  mn: string,
  zh: string,
  box: Box,
  align: Align,
  maxInk: number,
  minInk: number,
  color: string,
): Placed {
  return kit.pair({
    align,
    role,
    minority: { text: mn, orientation: 'horizontal' as const, style: SUB_STYLE, maxLines: 1 },

    zh: { text: zh, orientation: 'horizontal' as const, style: SUB_STYLE, maxLines: 1 },
    arrangement: 'stacked',
    box,
    gap: 0.35,
    minInk,
    maxInk,
    color: color,
  })
}

export const meetingBanner = defineTemplate({
  id: 'meeting-banner',
  version: 3,
  title: { zh: '会标', en: 'Meeting banner' },
  description: {
    zh: '会场主席台上方的红底会标：会议名称{above}，{size}，汉文标宋（粗宋体）；其下可加主办单位、日期（各{abbr}两行，字号较小）。白字或黄字。',
    en: 'The red backdrop above a meeting hall stage: the meeting title with {above}, {size}, Chinese in a bold serif; below it, smaller, an optional organiser and date (each in both scripts). White or yellow lettering.',
  },
  kind: 'meeting-banner',

  sloganFields: { minority: 'title_minority', zh: 'title_zh' },
  brandColors: { primary: 'background', onPrimary: 'color' },
  fields,
  presets: [
    // Hall backdrops print from SVG/PDF; the PNG is a preview at a dpi within 8,000 px a side.
    {
      id: 'hall-8000x1500',
      title: { zh: '会标 8000×1500 毫米', en: 'Hall backdrop 8000×1500 mm' },
      widthMm: 8000,
      heightMm: 1500,
      dpi: 25,
      minLetterMm: HALL_LETTERS,
    },
    {
      id: 'hall-12000x2000',
      title: { zh: '会标 12000×2000 毫米', en: 'Hall backdrop 12000×2000 mm' },
      widthMm: 12000,
      heightMm: 2000,
      dpi: 16,
      minLetterMm: HALL_LETTERS,
    },
    {
      id: 'hall-6000x1200',
      title: { zh: '会标 6000×1200 毫米', en: 'Hall backdrop 6000×1200 mm' },
      widthMm: 6000,
      heightMm: 1200,
      dpi: 30,
      minLetterMm: HALL_LETTERS,
    },
    pxPreset('screen-1920x360', { zh: '屏幕 1920×360 像素', en: 'Screen 1920×360 px' }, 1920, 360),
  ],
  defaultPreset: 'hall-8000x1500',
  design(f, canvas, kit) {
    const { width: w, height: h } = canvas
    const subColor = f.subColor ?? f.color
    const subs: [string, string, string][] = []
    if (f.organiser_minority !== undefined && f.organiser_zh !== undefined) subs.push(['organiser', f.organiser_minority, f.organiser_zh])
    if (f.date_minority !== undefined && f.date_zh !== undefined) subs.push(['date', f.date_minority, f.date_zh])
    // Cloth margins: a tenth of the height top and bottom, more at the long ends
    // (the ends of a hall backdrop are often hidden by curtains or pillars).
    const my = h * 0.1
    const mx = Math.max(h * 0.3, w * 0.05)
    const safe: Box = { x0: mx, y0: my, x1: w - mx, y1: h - my }
    const safeH = safe.y1 - safe.y0
    const titleIn = (box: Box, maxLines: number) =>
      kit.pair({
        role: 'title',
        minority: { text: f.title_minority, orientation: 'horizontal' as const, style: TITLE_STYLE, maxLines },

        zh: { text: f.title_zh, orientation: 'horizontal' as const, style: TITLE_STYLE, maxLines },
        arrangement: 'stacked',
        box,
        gap: 0.45,
        // A short Chinese title spaced out towards the width of the Mongolian line.
        spread: { maxTracking: 0.5 },
        minInk: Math.max(6, h * 0.03),
        ...minLetterOf(canvas, 'title'),
        maxInk: h,
        color: f.color,
      })
    // One line a script, as 会标 are lettered, unless two balanced lines (title and subtitle at 暨, ——
    // or a space, which the breaking prefers) set it clearly larger: wrap before shrinking.
    const title = (box: Box): Placed => {
      const two = titleIn(box, 2)
      const one = fitsOrNull(() => titleIn(box, 1))
      return one && sizeOf(one) >= sizeOf(two) * ONE_LINE_AT ? one : two
    }
    const placed: Placed[] = []
    if (subs.length === 0) placed.push(title(safe))
    else {
      // The title first, in the upper three fifths; the smaller lines (at most
      // 42% of its size) a clear gap below it; then the whole group centred on the cloth.
      const titleBox: Box = { ...safe, y1: safe.y0 + safeH * 0.6 }
      const probe = title(titleBox)
      const ink = sizeOf(probe)
      const [t0, t1] = spanOf(probe)
      const gap = ink * 0.6
      // Two smaller lines flank the centre line: organiser ending, date starting a little off it.
      const cx = (safe.x0 + safe.x1) / 2
      const aside = ink * 0.8
      const band = (y0: number, y1: number): [Box, Align][] =>
        subs.length === 2
          ? [
              [{ x0: safe.x0, y0, x1: cx - aside, y1 }, 'end'],
              [{ x0: cx + aside, y0, x1: safe.x1, y1 }, 'start'],
            ]
          : [[{ x0: safe.x0, y0, x1: safe.x1, y1 }, 'center']]
      const minInk = Math.min(Math.max(4, h * 0.015), ink * 0.42)
      const sub = (boxes: [Box, Align][], maxInk: number, min: number) =>
        subs.map(([role, mn, zh], i) => subPair(f, kit, role, mn, zh, boxes[i]![0], boxes[i]![1], maxInk, min, subColor))
      // Both smaller lines at one size: the smaller of their fits.
      const first = sub(band(t1 + gap, safe.y1), ink * 0.42, minInk)
      const subInk = Math.min(...first.map(sizeOf))
      const sized = sub(band(t1 + gap, safe.y1), subInk, Math.min(minInk, subInk))
      const subH = Math.max(...sized.map((p) => spanOf(p)[1] - spanOf(p)[0]))
      const top = safe.y0 + (safeH - (t1 - t0 + gap + subH)) / 2
      const dy = top - t0
      placed.push(title({ ...titleBox, y0: titleBox.y0 + dy, y1: titleBox.y1 + dy }))
      // A pixel of slack so the same size fits again.
      const y0 = top + (t1 - t0) + gap
      placed.push(...sub(band(y0 - 1, y0 + subH + 1), subInk, Math.min(minInk, subInk * 0.98)))
    }
    const elements = placed.flatMap((p) => p.elements)
    if (f.frame === 'line') {
      const inset = h * 0.04
      elements.unshift(rect({ x0: inset, y0: inset, x1: w - inset, y1: h - inset }, { border: `${Math.max(1, h * 0.006)}px solid ${f.color}` }))
    }
    return {
      root: canvasRoot(w, h, f.background, elements),
      blocks: placed.flatMap((p) => p.blocks),
      areas: [{ id: 'cloth', box: safe }],
    }
  },
})
