/**
 * slogan-banner (横幅/宣传标语): the red cloth banner of publicity slogans.
 * Mongolian above Chinese at one size, as large as the cloth allows; standing
 * (vertical) banners put the Mongolian column(s) left of the Chinese column.
 */
import { DPI, canvasRoot, colorOrTransparent, defineTemplate, hexColor, minorityScale, order, pxPreset, signText, z } from '../../src/templates/authoring.js'

const fields = z.object({
  minority: signText(300).describe('text in the region’s own script (Traditional Mongolian, Korean, Uyghur, Tibetan; Unicode)'),
  zh: signText(120).describe('Chinese text'),
  variant: z.enum(['auto', 'horizontal', 'vertical']).default('auto').describe('horizontal banner, standing (vertical) banner, or by the aspect ratio'),
  background: colorOrTransparent.default('#c8102e').describe('cloth colour'),
  color: hexColor.default('#ffffff').describe('lettering colour (white; #ffd400 for yellow)'),
  weight: z.enum(['bold', 'regular']).default('bold'),
  order,
  minorityScale,
})

export const sloganBanner = defineTemplate({
  id: 'slogan-banner',
  version: 2,
  title: { zh: '横幅 / 宣传标语', en: 'Slogan banner' },
  description: {
    zh: '红布白字（或黄字）的{abbr}双语宣传横幅：{above}，{size}；{columns|竖幅}。用于机关、食堂、宿舍、车间、商铺、寺庙等醒目位置及节日宣传。',
    en: 'Red cloth banner with white (or yellow) lettering, {above}, {size}; {columns|standing banners}. Hung in offices, canteens, dormitories, workshops, shops and temples, and for festivals.',
  },
  kind: 'banner',
  sloganFields: { minority: 'minority', zh: 'zh' },
  brandColors: { primary: 'background', onPrimary: 'color' },
  fields,
  presets: [
    // Large-format cloth prints from SVG/PDF; the PNG is a preview at a dpi within the pixel budget.
    { id: 'cloth-6000x700', title: { zh: '横幅 6000×700 毫米', en: 'Cloth banner 6000×700 mm' }, widthMm: 6000, heightMm: 700, dpi: 30 },
    { id: 'cloth-10000x900', title: { zh: '横幅 10000×900 毫米', en: 'Cloth banner 10000×900 mm' }, widthMm: 10000, heightMm: 900, dpi: 20 },
    { id: 'cloth-3000x500', title: { zh: '横幅 3000×500 毫米', en: 'Cloth banner 3000×500 mm' }, widthMm: 3000, heightMm: 500, dpi: 60 },
    { id: 'standing-800x2000', title: { zh: '竖幅 800×2000 毫米', en: 'Standing banner 800×2000 mm' }, widthMm: 800, heightMm: 2000, dpi: 96 },
    { id: 'a3-poster', title: { zh: 'A3 标语 420×297 毫米', en: 'A3 slogan poster 420×297 mm' }, widthMm: 420, heightMm: 297, dpi: DPI.print },
    pxPreset('screen-1920x480', { zh: '屏幕 1920×480 像素', en: 'Screen 1920×480 px' }, 1920, 480),
  ],
  defaultPreset: 'cloth-6000x700',
  design(f, canvas, kit) {
    const vertical = f.variant === 'vertical' || (f.variant === 'auto' && canvas.height > canvas.width)
    const style = { genre: 'sans' as const, weight: f.weight === 'bold' ? 700 : 400 }
    const short = Math.min(canvas.width, canvas.height)
    // Cloth margins: a tenth of the short side around, a little more at the long ends.
    const mx = vertical ? short * 0.1 : Math.max(short * 0.2, canvas.width * 0.03)
    const my = vertical ? Math.max(short * 0.2, canvas.height * 0.03) : short * 0.1
    const box = { x0: mx, y0: my, x1: canvas.width - mx, y1: canvas.height - my }
    const orientation = vertical ? ('vertical' as const) : ('horizontal' as const)
    const placed = kit.pair({
      role: 'slogan',
      minority: { text: f.minority, orientation, style },
      zh: { text: f.zh, orientation, style },
      arrangement: vertical ? 'side-by-side' : 'stacked',
      box,
      gap: 0.45,
      minInk: Math.max(6, short * 0.03),
      maxInk: short,
      color: f.color,
    })
    return {
      root: canvasRoot(canvas.width, canvas.height, f.background === 'transparent' ? 'transparent' : f.background, placed.elements),
      blocks: placed.blocks,
      areas: [{ id: 'cloth', box }],
      ...(f.background === 'transparent' ? {} : { background: f.background }),
    }
  },
})
