/**
 * The PDF writer on Node: PDFKit draws the pages; satori's SVG (text already
 * as paths) becomes PDF vector paths through the fast path (pdf-fast.ts), and
 * through svg-to-pdfkit for whatever the fast path refuses. Pages stream out as they
 * are added, so a batch of a thousand signs never sits in memory.
 * Deterministic: fixed dates and document ID, so the same input gives the same bytes.
 */
import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import type { OpenPdf, PdfSink, WritePdf } from '../render/engines.js'
import type { PrintSheet } from '../render/print.js'
import { pdfUserUnit } from '../render/limits.js'
import { drawSatoriSvg } from './pdf-fast.js'

const PT_PER_MM = 72 / 25.4
const pt = (mm: number) => mm * PT_PER_MM
const EPOCH = new Date(Date.UTC(2000, 0, 1))

function drawSheet(doc: PDFKit.PDFDocument, sheet: PrintSheet): void {
  const unit = pdfUserUnit(pt(sheet.width), pt(sheet.height))
  doc.addPage({ size: [pt(sheet.width) / unit, pt(sheet.height) / unit], margin: 0 })
  // PDF boxes are in points from the bottom-left corner (in user units on a scaled page).
  const box = (b: { x: number; y: number; width: number; height: number }) => [pt(b.x), pt(sheet.height - b.y - b.height), pt(b.x + b.width), pt(sheet.height - b.y)].map((v) => v / unit)
  const dict = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data
  if (unit > 1) {
    dict.UserUnit = unit
    doc.scale(1 / unit)
  }
  if (sheet.trim) dict.TrimBox = box(sheet.trim)
  if (sheet.bleedBox) dict.BleedBox = box(sheet.bleedBox)
  for (const item of sheet.items) {
    if (item.bleedColor && item.bleed > 0)
      doc.rect(pt(item.x - item.bleed), pt(item.y - item.bleed), pt(item.width + 2 * item.bleed), pt(item.height + 2 * item.bleed)).fill(item.bleedColor)
    // Satori's own SVG goes through the fast path; anything it does not know, through svg-to-pdfkit.
    if (drawSatoriSvg(doc, item.svg, pt(item.x), pt(item.y), pt(item.width), pt(item.height)))
      SVGtoPDF(doc, item.svg, pt(item.x), pt(item.y), { width: pt(item.width), height: pt(item.height), preserveAspectRatio: 'none' })
  }
  if (sheet.marks.length) {
    doc.save().lineWidth(0.25).strokeColor('#000000')
    for (const m of sheet.marks) doc.moveTo(pt(m.x1), pt(m.y1)).lineTo(pt(m.x2), pt(m.y2)).stroke()
    doc.restore()
  }
}

export const openPdf: OpenPdf = (title) => {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    info: { Title: title, Producer: 'qoyar', Creator: 'qoyar', CreationDate: EPOCH, ModDate: EPOCH },
  })
  // PDFKit derives /ID from the date and info; pin it.
  ;(doc as unknown as { _id: Buffer })._id = createHash('md5').update(title).digest()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const readable = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
  })
  doc.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)))
  doc.on('end', () => controller.close())
  doc.on('error', (e: Error) => controller.error(e))
  const sink: PdfSink = {
    readable,
    add: (sheet) => drawSheet(doc, sheet),
    finish: () => doc.end(),
  }
  return sink
}

export const writePdf: WritePdf = async (print) => {
  if (!print.sheets.length) throw new Error('a PDF needs at least one sheet')
  const sink = openPdf(print.title)
  for (const sheet of print.sheets) sink.add(sheet)
  sink.finish()
  return new Uint8Array(await new Response(sink.readable).arrayBuffer())
}
