/**
 * PDFs written on a thread of their own, so the service's event loop never
 * spends the ≈ 4 ms a page PDFKit takes (a 500-row batch is seconds of it):
 * the main thread only posts sheets and relays bytes. The same OpenPdf and
 * WritePdf as pdf.ts, the same bytes; a batch's pages still stream out as
 * they are drawn, and cancelling the stream drops the document there.
 * One thread (piscina, as the render threads); if it dies, what it was
 * writing fails visibly and piscina starts a fresh one.
 */
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import type { OpenPdf, PdfSink, WritePdf } from '../render/engines.js'
import type { FromPdfThread, PdfTask, ToPdfThread } from './pdf-thread.js'

export interface PdfWriter {
  openPdf: OpenPdf
  pdf: WritePdf
  /** Stops the thread; open documents and writes fail. */
  close(): Promise<void>
}

/** Documents written at once: each is small work between rows, so many share the thread. */
const DOCS_AT_ONCE = 64

export function pdfWriter(): PdfWriter {
  const pool = new Piscina<PdfTask, Uint8Array | null>({
    filename: new URL('./pdf-thread.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: DOCS_AT_ONCE,
    // The thread is TypeScript: loaded through tsx, resolved from qoyar's own install, as the render threads are.
    execArgv: ['--import', import.meta.resolve('tsx')],
  })

  const openPdf: OpenPdf = (title) => {
    const { port1, port2 } = new MessageChannel()
    let open = true
    let failed: Error | null = null
    const send = (m: ToPdfThread) => port1.postMessage(m)
    let controller!: ReadableStreamDefaultController<Uint8Array>
    const readable = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      cancel() {
        if (!open) return
        open = false
        send({ abort: true })
      },
    })
    port1.on('message', (m: FromPdfThread) => {
      if (open) controller.enqueue(m.chunk)
    })
    // piscina types transferList from the DOM MessagePort's last postMessage overload (an options object), not node's list.
    pool.run({ open: title, port: port2 }, { transferList: [port2] as never }).then(
      () => {
        port1.close()
        if (open) controller.close()
        open = false
      },
      (e: unknown) => {
        port1.close()
        failed = e instanceof Error ? e : new Error(String(e))
        if (open) controller.error(failed)
        open = false
      },
    )
    const sink: PdfSink = {
      readable,
      add(sheet) {
        // A failure arrives with the task's end; the next sheet hears of it, so a batch stops rendering for a broken document.
        if (failed) throw failed
        if (open) send({ sheet })
      },
      finish() {
        if (failed) throw failed
        if (open) send({ finish: true })
      },
    }
    return sink
  }

  const pdf: WritePdf = async (print) => {
    const bytes = await pool.run({ write: print })
    if (!bytes) throw new Error('PDF writer: no bytes for a whole PDF')
    return bytes
  }

  return { openPdf, pdf, close: () => pool.destroy() }
}
