/**
 * window-sign (双语服务窗口): the sign over or on a service counter. The
 * window number large in a disc at the left; the service name in both
 * scripts (Mongolian line above Chinese, one size) at the right; and, when
 * asked for, a band "蒙汉双语服务窗口" along the foot. The catalogue has no
 * trustworthy Mongolian for that phrase, so the band is drawn only with the
 * Mongolian the user supplies (badge_minority): never invented.
 */
import {
  DPI,
  booleanish,
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
} from '../../src/templates/authoring.js'

/** The band's Chinese: "<the region's script, abbreviated>汉双语服务窗口" (蒙汉, 朝汉, 维汉, 藏汉). */
export const badgeZh = (abbr: string) => `${abbr}汉双语服务窗口`

/** A window sign hangs over the counter, read at 2–5 m: service letters at least 25 mm (handbook §4). */
const WINDOW_LETTERS = { service: 25 }
/** A counter sign stands on the counter, read across it at about 1.5 m: 12 mm. */
const COUNTER_LETTERS = { service: 12 }

const fields = z
  .object({
    number: z.coerce
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,3}$/, 'a window number of 1–3 digits or letters, such as 3 or A12')
      .describe('window number'),
    service_minority: signText(200).describe('service name in Mongolian'),
    service_zh: signText(40).describe('service name in Chinese'),
    badge: booleanish.optional().describe('the “蒙汉双语服务窗口” band; default: on when badge_minority is given'),
    badge_minority: signText(200).optional().describe('the band in Mongolian: your reviewed translation (the catalogue has none)'),
    badge_zh: signText(40).optional().describe('the band in Chinese; default “蒙汉双语服务窗口” with the region’s script (朝汉…)'),
    background: hexColor.default('#ffffff'),
    color: hexColor.default('#1a1a1a').describe('service name colour'),
    accent: hexColor.default('#0b4ea2').describe('number disc and band colour'),
    onAccent: hexColor.default('#ffffff').describe('lettering on the disc and the band'),
    frame: z.enum(['line', 'none']).default('line').describe('a thin accent line inside the edge'),
    order,
    minorityScale,
  })
  .refine((f) => !(f.badge === true && f.badge_minority === undefined), {
    message: `badge_minority is required with badge=true: there is no reviewed text of “${badgeZh('蒙')}” in the region’s script to put on the sign; supply your own reviewed translation (none is ever made up)`,
    path: ['badge_minority'],
  })

export const windowSign = defineTemplate({
  id: 'window-sign',
  version: 3,
  title: { zh: '双语服务窗口牌', en: 'Service window sign' },
  description: {
    zh: '便民服务大厅的窗口牌：左侧大号窗口编号，右侧服务名称{above}，{size}；可加“{abbr}双语服务窗口”标识条（需自行提供经审校的{minority}）。',
    en: 'Counter sign for a service hall: the window number large at the left, the service name at the right with {above}, {size}; an optional “bilingual service window” band (its {minority} must be supplied, reviewed, by the user).',
  },
  kind: 'window-sign',
  brandColors: { primary: 'accent', onPrimary: 'onAccent' },

  fields,
  presets: [
    {
      id: 'counter-300x100',
      title: { zh: '台牌 300×100 毫米', en: 'Counter sign 300×100 mm' },
      widthMm: 300,
      heightMm: 100,
      dpi: DPI.print,
      minLetterMm: COUNTER_LETTERS,
    },
    {
      id: 'counter-400x150',
      title: { zh: '台牌 400×150 毫米', en: 'Counter sign 400×150 mm' },
      widthMm: 400,
      heightMm: 150,
      dpi: DPI.print,
      minLetterMm: COUNTER_LETTERS,
    },
    {
      id: 'hanging-600x200',
      title: { zh: '吊牌 600×200 毫米', en: 'Hanging sign 600×200 mm' },
      widthMm: 600,
      heightMm: 200,
      dpi: DPI.print,
      minLetterMm: WINDOW_LETTERS,
    },
  ],
  defaultPreset: 'counter-300x100',
  design(f, canvas, kit) {
    const { width: w, height: h } = canvas
    const showBadge = f.badge ?? f.badge_minority !== undefined
    const m = h * 0.08
    const bandH = showBadge ? h * 0.26 : 0
    // The band sits inside the frame line when there is one, as its foot.
    const inset = f.frame === 'line' ? m * 0.3 : 0
    const band: Box = { x0: inset, y0: h - inset - bandH, x1: w - inset, y1: h - inset }
    const top: Box = { x0: m, y0: m, x1: w - m, y1: h - bandH - (showBadge ? m * 0.75 : m) }
    const topH = top.y1 - top.y0
    // The number: a disc as tall as the upper panel (at most a third of the width), digits inside its inscribed square.
    const d = Math.min(topH, (top.x1 - top.x0) * 0.34)
    const disc: Box = { x0: top.x0, y0: top.y0, x1: top.x0 + d, y1: top.y0 + d }
    const inner = d * 0.16
    const numberBox: Box = { x0: disc.x0 + inner, y0: disc.y0 + inner, x1: disc.x1 - inner, y1: disc.y1 - inner }
    const number = kit.text({
      // Digits read the same in both scripts; no rule pairs them with anything.
      role: 'number',
      lang: 'zh',
      text: f.number,
      orientation: 'horizontal',
      box: numberBox,
      style: { genre: 'sans', weight: 700 },
      minSize: 4,
      maxSize: d,
      color: f.onAccent,
      wrap: false,
    })
    const serviceBox: Box = { x0: disc.x1 + d * 0.22, y0: top.y0, x1: top.x1, y1: top.y1 }
    const style = { genre: 'sans' as const, weight: 700 }
    const service = kit.pair({
      role: 'service',
      minority: { text: f.service_minority, orientation: 'horizontal' as const, style, maxLines: 2 },

      zh: { text: f.service_zh, orientation: 'horizontal' as const, style, maxLines: 2 },
      arrangement: 'stacked',
      box: serviceBox,
      gap: 0.4,
      minInk: canvas.mm(4),
      ...minLetterOf(canvas, 'service'),
      // Capped so the number (digit ink ≈ 0.48 of the panel) stays over 1.5× the service name.
      maxInk: topH * 0.31,
      color: f.color,
    })
    const elements = [rect(disc, { backgroundColor: f.accent, borderRadius: d / 2 }), ...number.elements, ...service.elements]
    if (f.frame === 'line') {
      elements.unshift(rect({ x0: inset, y0: inset, x1: w - inset, y1: h - inset }, { border: `${Math.max(1, h * 0.012)}px solid ${f.accent}` }))
    }
    const blocks = [...number.blocks, ...service.blocks]
    const areas = [
      { id: 'sign', box: { x0: m * 0.5, y0: m * 0.5, x1: w - m * 0.5, y1: h - m * 0.5 } },
      { id: 'number', box: numberBox },
      { id: 'service', box: serviceBox },
    ]
    if (showBadge) {
      const bandText: Box = { x0: m, y0: band.y0 + bandH * 0.18, x1: w - m, y1: band.y1 - bandH * 0.18 }
      // In a low band the two scripts stand side by side, Mongolian first (蒙文在前).
      const badge = kit.pair({
        role: 'badge',
        minority: { text: f.badge_minority!, orientation: 'horizontal' as const, style, maxLines: 1 },

        zh: { text: f.badge_zh ?? badgeZh(kit.pairing.minority.abbr), orientation: 'horizontal' as const, style, maxLines: 1 },
        arrangement: 'side-by-side',
        box: bandText,
        gap: 1.2,
        minInk: canvas.mm(2.5),
        maxInk: bandH * 0.5,
        color: f.onAccent,
      })
      elements.unshift(rect(band, { backgroundColor: f.accent }))
      elements.push(...badge.elements)
      blocks.push(...badge.blocks)
      areas.push({ id: 'badge', box: bandText })
    }
    return { root: canvasRoot(w, h, f.background, elements), blocks, areas }
  },
})
