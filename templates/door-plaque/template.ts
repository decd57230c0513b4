/**
 * door-plaque (机构牌匾): the name plaque of an institution at its gate.
 * Standing plaques (the default for tall sizes) carry both names as vertical
 * columns, Mongolian left of Chinese (竖写的蒙文在左、汉文在右): Mongolian
 * columns top→bottom, left→right; Chinese upright characters top→bottom.
 * Horizontal plaques put the Mongolian line above the Chinese. One visual
 * size for both scripts; a thin frame inside the edge.
 */
import { canvasRoot, defineTemplate, hexColor, minorityScale, order, rect, signText, z, type Box } from '../../src/templates/authoring.js'

/** Finishes seen on plaques: painted lettering on a white board, or brass on black. */
const SCHEMES = {
  'black-on-white': { background: '#ffffff', color: '#111111' },
  'red-on-white': { background: '#ffffff', color: '#c8102e' },
  'gold-on-black': { background: '#151515', color: '#d4af37' },
} as const

const fields = z.object({
  name_minority: signText(300).describe('institution name in Mongolian'),
  name_zh: signText(40).describe('institution name in Chinese'),
  variant: z.enum(['auto', 'vertical', 'horizontal']).default('auto').describe('standing (vertical) plaque, horizontal plaque, or by the aspect ratio'),
  scheme: z.enum(['black-on-white', 'red-on-white', 'gold-on-black']).default('black-on-white').describe('board and lettering'),
  background: hexColor.optional().describe('board colour, overrides the scheme'),
  color: hexColor.optional().describe('lettering and frame colour, overrides the scheme'),
  typeface: z.enum(['serif', 'sans']).default('serif').describe('Chinese typeface: bold serif (宋体) or bold sans (黑体)'),
  frame: z.enum(['line', 'none']).default('line'),
  order,
  minorityScale,
})

/** The most space a standing plaque puts between two characters (or two Mongolian words), em. */
const STANDING_SPREAD_EM = 3
/** A one-word Mongolian name on a standing plaque is drawn up to this much longer, as letterers elongate its stems. */
const STANDING_STRETCH = 2

export const doorPlaque = defineTemplate({
  id: 'door-plaque',
  version: 4,
  title: { zh: '机构牌匾', en: 'Institution plaque' },
  description: {
    zh: '机关、学校、医院等单位门口的牌匾：{columns|竖匾}，横匾{above}，{size}；白底黑字、白底红字或黑底金字，内衬细框。',
    en: 'Name plaque at the gate of an office, school or hospital: {columns|standing plaques}, horizontal plaques with {above}, {size}; black or red on white, or gold on black, with a thin inner frame.',
  },
  kind: 'door-plaque',
  brandColors: { primary: 'color' },

  fields,
  presets: [
    // dpi chosen per size so the PNG stays within 8,000 px a side (and 40 MP); print from SVG/PDF.
    { id: 'vertical-400x2000', title: { zh: '竖匾 400×2000 毫米', en: 'Standing plaque 400×2000 mm' }, widthMm: 400, heightMm: 2000, dpi: 100 },
    { id: 'vertical-500x2400', title: { zh: '竖匾 500×2400 毫米', en: 'Standing plaque 500×2400 mm' }, widthMm: 500, heightMm: 2400, dpi: 84 },
    { id: 'vertical-300x1500', title: { zh: '竖匾 300×1500 毫米', en: 'Standing plaque 300×1500 mm' }, widthMm: 300, heightMm: 1500, dpi: 120 },
    { id: 'horizontal-2400x600', title: { zh: '横匾 2400×600 毫米', en: 'Horizontal plaque 2400×600 mm' }, widthMm: 2400, heightMm: 600, dpi: 84 },
    { id: 'horizontal-1800x450', title: { zh: '横匾 1800×450 毫米', en: 'Horizontal plaque 1800×450 mm' }, widthMm: 1800, heightMm: 450, dpi: 110 },
    { id: 'horizontal-3000x800', title: { zh: '横匾 3000×800 毫米', en: 'Horizontal plaque 3000×800 mm' }, widthMm: 3000, heightMm: 800, dpi: 67 },
  ],
  defaultPreset: 'vertical-400x2000',
  design(f, canvas, kit) {
    const { width: w, height: h } = canvas
    const vertical = f.variant === 'vertical' || (f.variant === 'auto' && h > w)
    const scheme = SCHEMES[f.scheme]
    const background = f.background ?? scheme.background
    const color = f.color ?? scheme.color
    const short = Math.min(w, h)
    // Frame a twelfth of the short side in; text a little further in still.
    const inset = short * 0.06
    const frameWidth = Math.max(1, short * 0.012)
    const pad = short * 0.13
    const box: Box = vertical ? { x0: pad, y0: pad * 1.5, x1: w - pad, y1: h - pad * 1.5 } : { x0: pad * 1.5, y0: pad, x1: w - pad * 1.5, y1: h - pad }
    const zhStyle = { genre: f.typeface, weight: 700 }
    const mnStyle = { genre: 'sans' as const, weight: 700 }
    const orientation = vertical ? ('vertical' as const) : ('horizontal' as const)
    const name = kit.pair({
      role: 'name',
      minority: { text: f.name_minority, orientation, style: mnStyle, maxLines: 2 },

      zh: { text: f.name_zh, orientation, style: zhStyle, maxLines: vertical ? 1 : 2 },
      arrangement: vertical ? 'side-by-side' : 'stacked',
      box,
      gap: vertical ? 0.5 : 0.45,
      // The Chinese spaced out to the length of the Mongolian, as plaques are lettered; a standing
      // plaque spreads both down its full height (分散对齐): Chinese by tracking, Mongolian between words.
      spread: vertical ? { maxTracking: STANDING_SPREAD_EM, to: 'box', maxStretch: STANDING_STRETCH } : { maxTracking: 1 },
      minInk: Math.max(6, short * 0.04),
      maxInk: short,
      color: color,
    })
    const elements = [...name.elements]
    if (f.frame === 'line') elements.unshift(rect({ x0: inset, y0: inset, x1: w - inset, y1: h - inset }, { border: `${frameWidth}px solid ${color}` }))
    return {
      root: canvasRoot(w, h, background, elements),
      blocks: name.blocks,
      areas: [{ id: 'board', box }],
    }
  },
})
