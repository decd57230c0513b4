/**
 * Issue 20 (/healthz while batches run): the service writes batch PDFs on a
 * thread of its own (src/node/pdf-writer.ts). Its PDFs are byte for byte
 * those of the in-thread writer, stream before the document is finished,
 * and a document whose reader goes away, or whose thread stops, ends
 * visibly rather than hanging.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { env } from './helpers/env.js'
import { post } from './helpers/http.js'
import { openPdf, writePdf } from '../src/node/pdf.js'
import { pdfWriter } from '../src/node/pdf-writer.js'
import { singlePage, type PrintSheet } from '../src/render/print.js'

const writer = pdfWriter()
afterAll(() => writer.close())

/** A page per template example (display-board's pictures take svg-to-pdfkit's path), with bleed and marks on one. */
async function sheets(): Promise<PrintSheet[]> {
  const out: PrintSheet[] = []
  for (const id of ['desk-card', 'slogan-banner', 'display-board']) {
    const res = await post(`/v1/render/${id}.svg`, env.examples[id])
    expect(res.status).toBe(200)
    const [w, h] = (res.headers.get('x-qoyar-size') ?? '').split('x').map(Number)
    const dpi = Number(res.headers.get('x-qoyar-dpi'))
    out.push(singlePage(await res.text(), (w! * 25.4) / dpi, (h! * 25.4) / dpi, '#c8102e', { bleed: id === 'desk-card' ? 3 : 0, marks: id === 'desk-card' }))
  }
  return out
}

const bytesOf = async (s: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(s).arrayBuffer())

describe('the PDF writer thread', () => {
  it('writes the same bytes as the in-thread writer, streamed and whole', async () => {
    const pages = await sheets()
    const here = openPdf('同一 same')
    const there = writer.openPdf('同一 same')
    for (const s of pages) {
      here.add(s)
      there.add(s)
    }
    here.finish()
    there.finish()
    const [a, b] = await Promise.all([bytesOf(here.readable), bytesOf(there.readable)])
    expect(b.byteLength).toBeGreaterThan(10_000)
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    const doc = { title: 'whole', sheets: pages }
    const [c, d] = await Promise.all([writePdf(doc), writer.pdf(doc)])
    expect(Buffer.from(d).equals(Buffer.from(c))).toBe(true)
  }, 60_000)

  it('sends the first bytes before the document is finished', async () => {
    const [page] = await sheets()
    const sink = writer.openPdf('streaming')
    sink.add(page!)
    const reader = sink.readable.getReader()
    const first = await reader.read()
    expect(first.done).toBe(false)
    expect(new TextDecoder().decode(first.value!.slice(0, 5))).toBe('%PDF-')
    sink.finish()
    let rest = 0
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += r.value.byteLength
    expect(rest).toBeGreaterThan(0)
  }, 60_000)

  it('drops a document whose reader cancelled: later sheets are ignored, and the thread goes on writing others', async () => {
    const [page] = await sheets()
    const sink = writer.openPdf('cancelled')
    sink.add(page!)
    await sink.readable.cancel('client went away')
    expect(() => sink.add(page!)).not.toThrow()
    const bytes = await writer.pdf({ title: 'after', sheets: [page!] })
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
  }, 60_000)

  it('fails a document whose sheet the thread cannot draw, and writes the next PDF', async () => {
    const [page] = await sheets()
    const broken = { ...page!, items: [{ ...page!.items[0]!, svg: 42 as unknown as string }] } // a sheet no renderer produces: its svg is not text
    const sink = writer.openPdf('broken')
    const read = bytesOf(sink.readable).then(
      () => null,
      (e: unknown) => e,
    )
    sink.add(broken)
    expect(await read).toBeInstanceOf(Error)
    expect(() => sink.add(page!)).toThrow()
    const bytes = await writer.pdf({ title: 'next', sheets: [page!] })
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
  }, 60_000)

  it('fails open documents and writes when it is closed', async () => {
    const [page] = await sheets()
    const local = pdfWriter()
    const sink = local.openPdf('cut')
    sink.add(page!)
    const errorOf = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      )
    const read = errorOf(bytesOf(sink.readable))
    const pending = errorOf(local.pdf({ title: 'cut too', sheets: [page!] }))
    await local.close()
    expect(String(await read)).toMatch(/Terminating/)
    expect(String(await pending)).toMatch(/Terminating/)
    expect(() => sink.add(page!)).toThrow(/Terminating/)
  }, 60_000)
})
