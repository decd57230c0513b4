import { QoyarError } from '../errors.js'

/**
 * Output size limits. resvg draws images wider than about 9,000 px blank
 * (resvg issue 570) and has no memory limit of its own: an RGBA pixmap costs
 * 4 bytes a pixel, so 40 MP is 160 MB. SVG is vector and may be larger.
 */
export const LIMITS = {
  maxRasterSide: 8000,
  maxRasterPixels: 40_000_000,
  maxVectorSide: 200_000,
} as const

export function assertRasterSize(width: number, height: number): void {
  if (width > LIMITS.maxRasterSide || height > LIMITS.maxRasterSide || width * height > LIMITS.maxRasterPixels)
    throw new QoyarError(
      'image_too_large',
      413,
      `A ${width}×${height} px PNG is over the limit (${LIMITS.maxRasterSide} px a side, ${LIMITS.maxRasterPixels / 1e6} MP); ask for SVG or PDF, a smaller size or a lower dpi.`,
      { width, height, maxSide: LIMITS.maxRasterSide, maxPixels: LIMITS.maxRasterPixels },
      { width, height, maxSide: LIMITS.maxRasterSide, maxMp: LIMITS.maxRasterPixels / 1e6 },
    )
}

export function assertVectorSize(width: number, height: number): void {
  if (width > LIMITS.maxVectorSide || height > LIMITS.maxVectorSide)
    throw new QoyarError(
      'vector_too_large',
      413,
      `A ${width}×${height} px SVG or PDF is over the limit of ${LIMITS.maxVectorSide} px a side; ask for a smaller size or a lower dpi.`,
      {
        width,
        height,
        maxSide: LIMITS.maxVectorSide,
      },
      { width, height, maxSide: LIMITS.maxVectorSide, maxMp: '∞' },
    )
}

/**
 * Many PDF readers (Acrobat among them) refuse a page side over 14,400
 * units. A larger sign is written with a PDF UserUnit (ISO 32000 §14.11.2):
 * the page is described at 1/n scale and each unit is n points, so its
 * printed size stays true.
 */
export const PDF_MAX_PAGE_UNITS = 14_400

export function pdfUserUnit(widthPt: number, heightPt: number): number {
  return Math.max(1, Math.ceil(Math.max(widthPt, heightPt) / PDF_MAX_PAGE_UNITS))
}
