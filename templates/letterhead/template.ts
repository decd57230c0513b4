/**
 * letterhead (文头): the red-header official document style of GB/T 9704
 * (党政机关公文格式): the issuing authority's name in both scripts, red,
 * centred at the top of the type area, an optional document number, and the
 * red separator line. The A4 preset is a whole page to print documents on.
 */
import {
  fitsOrNull,
  DPI,
  QoyarError,
  type Placed,
  canvasRoot,
  defineTemplate,
  hexColor,
  inspectImage,
  minorityScale,
  order,
  picture,
  rect,
  signText,
  z,
} from '../../src/templates/authoring.js'

const fields = z.object({
  org_minority: signText(200).describe('issuing authority in Mongolian'),
  org_zh: signText(40).describe('issuing authority in Chinese (e.g. ……人民政府文件)'),
  docNumber: signText(40).optional().describe('document number, e.g. 阿政发〔2026〕12号'),
  color: hexColor.default('#d40000').describe('red of the header and line'),
  emblem: z
    .string()
    .max(5_000_000)
    .optional()
    .describe("emblem or logo left of the authority, a data:image/png or jpeg URI (an office's brand sets it)")
    .transform((src, ctx) => {
      if (src === undefined) return undefined
      try {
        return inspectImage(src, 'emblem')
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof QoyarError ? e.message : 'invalid image' })
        return z.NEVER
      }
    }),
  order,
  minorityScale,
})

// GB/T 9704-2012 page geometry, mm: type area 156 × 225, top margin 37, left 28.
const PAGE = { left: 28, width: 156, top: 37 }
/**
 * GB/T 9704-2012 positions on the page, mm: the authority mark's top edge 35 mm below the type area's
 * top (7.2.2, 下行文), the document number two lines below the mark (7.2.3, 编排在发文机关标志下空二行;
 * a line is 225 mm / 22 lines), the red separator 4 mm below the number (7.2.5). The header strip keeps
 * the page's horizontal geometry with tighter vertical spacing.
 */
const POSITIONS = {
  // markBand: the height the mark is fitted in below its top edge; tallBand: the most it may take when
  // it would come out under 15 mm in markBand. GB/T 9704 fixes where the mark starts, not how tall it
  // is: on the page a partner script on two lines above the Chinese (Uyghur, Tibetan and Mongolian lines
  // are tall) may take about four lines' height; the 90 mm strip has no more room.
  page: { markTop: PAGE.top + 35, numberGap: 2 * (225 / 22), lineGap: 4, noNumberLineGap: 8, markBand: 64, tallBand: 82 },
  strip: { markTop: 10, numberGap: 8, lineGap: 4, noNumberLineGap: 8, markBand: 64, tallBand: 64 },
}
/** The authority mark's type: up to 22 mm high (GB/T 9704 leaves it to the office; this is the common look). */
const MARK_MAX_MM = 18
/**
 * The low end of the height offices keep a mark at (15–22 mm): a mark that comes out smaller set as
 * designed is set again with its Chinese condensed (长字). One at least this large is left as
 * designed, so condensing never makes the partner script wrap where it fitted on its lines.
 */
const MARK_MIN_MM = 15
/**
 * 长字: how narrow a long authority name's characters may be condensed (width ÷ height) before the
 * mark is set smaller. Offices go to about 0.4 for names of 20 characters and more (0.6–0.9 covers
 * names up to about 13 at 18 mm); narrower, 小标宋's strokes run together.
 */
const MARK_CONDENSE = { authority: 0.4 }
/** An emblem's square slot left of the mark (mm); the mark keeps the page centre, so the same width is kept free right. */
const EMBLEM_MM = 24

export const letterhead = defineTemplate({
  id: 'letterhead',
  version: 6,
  title: { zh: '文头（红头）', en: 'Letterhead (red header)' },
  description: {
    zh: '党政机关公文红头（GB/T 9704 版式）：发文机关标志{abbr}并写、红色居中，可加发文字号，下为红色分隔线；A4 整页可直接套印公文。',
    en: 'Official red-header letterhead in the GB/T 9704 layout: the issuing authority in both scripts, red and centred, an optional document number, and the red separator line; the A4 page is ready to print documents on.',
  },
  kind: 'letterhead',
  brandColors: { primary: 'color' },

  fields,
  presets: [
    { id: 'a4', title: { zh: 'A4 整页 210×297 毫米', en: 'A4 page 210×297 mm' }, widthMm: 210, heightMm: 297, dpi: DPI.print, minCondense: MARK_CONDENSE },
    {
      id: 'a4-header',
      title: { zh: 'A4 版头条 210×90 毫米', en: 'A4 header strip 210×90 mm' },
      widthMm: 210,
      heightMm: 90,
      dpi: DPI.print,
      minCondense: MARK_CONDENSE,
    },
  ],
  defaultPreset: 'a4',
  design(f, canvas, kit) {
    const mm = canvas.mm
    const at = canvas.heightMm >= 200 ? POSITIONS.page : POSITIONS.strip
    const top = mm(at.markTop)
    const left = mm(PAGE.left)
    const right = mm(PAGE.left + PAGE.width)
    const slot = mm(EMBLEM_MM + 4)
    const condensing = (condensed: boolean) => (condensed && canvas.minCondense.authority !== undefined ? { minCondense: canvas.minCondense.authority } : {})
    const markIn = (y0: number, y1: number, condensed: boolean) =>
      kit.pair({
        role: 'authority',
        minority: {
          text: f.org_minority,
          orientation: 'horizontal' as const,
          style: { genre: 'serif' as const, weight: 700 },
          maxLines: 2,
          // Condensed like the Chinese where its script allows (Hangul's 장평), rather than wrapped.
          ...condensing(condensed),
        },

        zh: {
          text: f.org_zh,
          orientation: 'horizontal' as const,
          style: { genre: 'serif' as const, weight: 700 },
          maxLines: 1,
          ...condensing(condensed),
        },
        arrangement: 'stacked',
        box: { x0: f.emblem ? left + slot : left, y0, x1: f.emblem ? right - slot : right, y1 },
        gap: 0.35,
        minInk: mm(5),
        maxInk: mm(MARK_MAX_MM),
        color: f.color,
      })
    // Fitted once for its height, then again in a box that tight, so its top edge is the standard's.
    const probeOf = (condensed: boolean, band = at.markBand) => markIn(top, top + mm(band), condensed)
    const sizeOf = (p: { blocks: { layout: { visualSize: number } }[] }) => Math.min(...p.blocks.map((b) => b.layout.visualSize))
    const designed = fitsOrNull(() => probeOf(false))
    const condensed = designed === null || sizeOf(designed) < mm(MARK_MIN_MM)
    let probe = condensed || designed === null ? probeOf(true) : designed
    // Still under the offices' 15 mm (a partner script on two tall lines): the taller band the page has.
    if (at.tallBand > at.markBand && sizeOf(probe) < mm(MARK_MIN_MM)) {
      const tall = fitsOrNull(() => probeOf(condensed, at.tallBand))
      if (tall && sizeOf(tall) > sizeOf(probe)) probe = tall
    }
    const height = Math.max(...probe.blocks.map((b) => b.extent.y1)) - Math.min(...probe.blocks.map((b) => b.extent.y0))
    // A pixel of slack so the same size fits again.
    const mark = markIn(top, top + height + 1, condensed)
    const markInkBottom = Math.max(...mark.blocks.map((b) => b.extent.y1))
    const elements = [...mark.elements]
    if (f.emblem) {
      // Centred on the mark's ink, scaled to fit the square slot.
      const inkTop = Math.min(...mark.blocks.map((b) => b.extent.y0))
      const side = Math.min(mm(EMBLEM_MM), markInkBottom - inkTop)
      const scale = Math.min(side / f.emblem.width, side / f.emblem.height)
      const [w, h] = [f.emblem.width * scale, f.emblem.height * scale]
      const [x, y] = [left + (mm(EMBLEM_MM) - w) / 2, (inkTop + markInkBottom - h) / 2]
      elements.push(picture(f.emblem.src, { x0: x, y0: y, x1: x + w, y1: y + h }))
    }
    const blocks = [...mark.blocks]
    let lineY = markInkBottom + mm(at.noNumberLineGap)
    if (f.docNumber) {
      // 发文字号: 3号仿宋 (16 pt, ~5.6 mm em), centred, one line above the red line.
      const num = kit.text({
        role: 'docNumber',
        lang: 'zh',
        text: f.docNumber,
        orientation: 'horizontal',
        box: { x0: left, y0: markInkBottom + mm(at.numberGap), x1: right, y1: markInkBottom + mm(at.numberGap + 8) },
        minSize: mm(3),
        maxSize: mm(5.6),
        color: '#000000',
        place: { x: 'center', y: 'start' },
        wrap: false,
      })
      elements.push(...num.elements)
      blocks.push(...num.blocks)
      lineY = Math.max(...num.blocks.map((b) => b.extent.y1)) + mm(at.lineGap)
    }
    // The red separator: the type area's width, about 1 mm.
    elements.push(rect({ x0: left, y0: lineY, x1: right, y1: lineY + Math.max(2, mm(0.9)) }, { backgroundColor: f.color }))
    return {
      root: canvasRoot(canvas.width, canvas.height, '#ffffff', elements),
      blocks,
      areas: [{ id: 'type-area', box: { x0: left, y0: 0, x1: right, y1: canvas.height } }],
    }
  },
})
