/**
 * The PDF writer on Node: PDFKit draws the page, svg-to-pdfkit turns satori's
 * SVG (text already as paths) into PDF vector paths. Deterministic: fixed
 * dates and document ID, so the same input gives the same bytes.
 */
import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import type { WritePdf } from '../render/engines.js'

const PT_PER_MM = 72 / 25.4
const pt = (mm: number) => mm * PT_PER_MM
const EPOCH = new Date(Date.UTC(2000, 0, 1))

export const writePdf: WritePdf = async (print) => {
  const first = print.sheets[0]
  if (!first) throw new Error('a PDF needs at least one sheet')
  const doc = new PDFDocument({
    size: [pt(first.width), pt(first.height)],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: { Title: print.title, Producer: 'qoyar', Creator: 'qoyar', CreationDate: EPOCH, ModDate: EPOCH },
  })
  // PDFKit derives /ID from the date and info; pin it to the content instead.
  const id = createHash('md5').update(print.title).update(String(print.sheets.length)).digest()
  ;(doc as unknown as { _id: Buffer })._id = id
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  for (const sheet of print.sheets) {
    doc.addPage({ size: [pt(sheet.width), pt(sheet.height)], margin: 0 })
    const box = (b: { x: number; y: number; width: number; height: number }) => {
      // PDF boxes are in points from the bottom-left corner.
      return [pt(b.x), pt(sheet.height - b.y - b.height), pt(b.x + b.width), pt(sheet.height - b.y)]
    }
    const dict = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data
    if (sheet.trim) dict.TrimBox = box(sheet.trim)
    if (sheet.bleedBox) dict.BleedBox = box(sheet.bleedBox)
    for (const item of sheet.items) {
      if (item.bleedColor && item.bleed > 0)
        doc
          .rect(pt(item.x - item.bleed), pt(item.y - item.bleed), pt(item.width + 2 * item.bleed), pt(item.height + 2 * item.bleed))
          .fill(item.bleedColor)
      SVGtoPDF(doc, item.svg, pt(item.x), pt(item.y), { width: pt(item.width), height: pt(item.height), preserveAspectRatio: 'none' })
    }
    if (sheet.marks.length) {
      doc.save().lineWidth(0.25).strokeColor('#000000')
      for (const m of sheet.marks) doc.moveTo(pt(m.x1), pt(m.y1)).lineTo(pt(m.x2), pt(m.y2)).stroke()
      doc.restore()
    }
  }
  doc.end()
  return done
}
