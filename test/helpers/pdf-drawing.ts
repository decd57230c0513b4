/**
 * What a PDF page draws at its top level, read from its content stream (FlateDecode,
 * as PDFKit writes it): where each sign is placed, the filled rectangles under them
 * (bleed) and the untransformed strokes (crop marks), in mm from the page's top left.
 * It reads only the few operators those use; anything drawn inside a sign is skipped.
 */
import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'

const MM_PER_PT = 25.4 / 72

export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface PageDrawing {
  /** Origins of the signs (a `q` opened by a translation), mm. */
  placed: { x: number; y: number }[]
  /** Rectangles filled outside any sign, mm. */
  fills: { x: number; y: number; width: number; height: number }[]
  /** Straight strokes outside any sign (crop marks), mm. */
  strokes: Segment[]
}

/** The page content streams of a PDF, in file order (PDFKit writes them page by page). */
function contentStreams(bytes: Buffer): string[] {
  const text = bytes.toString('latin1')
  const out: string[] = []
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length
    const end = text.indexOf('endstream', start)
    let body: string
    try {
      body = inflateSync(bytes.subarray(start, end)).toString('latin1')
    } catch {
      continue // not deflated: not a page of ours
    }
    // A page's stream starts by flipping the y axis to PDFKit's top-down one.
    if (/^1 0 0 -1 0 [\d.]+ cm\n/.test(body)) out.push(body)
  }
  return out
}

function readPage(stream: string): PageDrawing {
  const page: PageDrawing = { placed: [], fills: [], strokes: [] }
  const mm = (v: string) => Number(v) * MM_PER_PT
  // Per open `q`: whether a transformation was applied inside it (then we are inside a sign).
  const transformed: boolean[] = []
  const inSign = () => transformed.includes(true)
  let operands: string[] = []
  let pendingRect: PageDrawing['fills'][number] | null = null
  let from: { x: number; y: number } | null = null
  let path: Segment[] = []
  let first = true
  for (const token of stream.split(/\s+/)) {
    if (!token) continue
    if (/^[-+\d.]+$/.test(token) || token.startsWith('/') || token.startsWith('[') || token.endsWith(']')) {
      operands.push(token)
      continue
    }
    const [a, b, c, d] = operands
    switch (token) {
      case 'q':
        transformed.push(false)
        break
      case 'Q':
        transformed.pop()
        break
      case 'cm':
        if (first) break // the page's own flip
        if (!inSign() && operands.slice(0, 4).join(' ') === '1 0 0 1') page.placed.push({ x: mm(operands[4]!), y: mm(operands[5]!) })
        if (transformed.length) transformed[transformed.length - 1] = true
        break
      case 're':
        pendingRect = inSign() ? null : { x: mm(a!), y: mm(b!), width: mm(c!), height: mm(d!) }
        break
      case 'f':
        if (pendingRect) page.fills.push(pendingRect)
        pendingRect = null
        break
      case 'm':
        from = { x: mm(a!), y: mm(b!) }
        break
      case 'l':
        if (from && !inSign()) path.push({ x1: from.x, y1: from.y, x2: mm(a!), y2: mm(b!) })
        from = { x: mm(a!), y: mm(b!) }
        break
      case 'S':
        page.strokes.push(...path)
        path = []
        pendingRect = null
        break
      default:
        // Any other painting or clipping (W n, f*, B…) ends a pending rectangle unfilled.
        if (/^(n|W\*?|f\*|B\*?|b\*?|s)$/.test(token)) pendingRect = null
    }
    if (token === 'cm') first = false
    operands = []
  }
  return page
}

/** Every page's top-level drawing. */
export function pdfDrawing(file: string): PageDrawing[] {
  return contentStreams(readFileSync(file)).map(readPage)
}
