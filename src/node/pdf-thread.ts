/**
 * The PDF writer's thread (see pdf-writer.ts): a task is one whole PDF to
 * write, or one document to write sheet by sheet as they come over its
 * port, its bytes sent back joined, once a turn of this thread's event
 * loop. The same code as pdf.ts in the main thread, so the same bytes.
 */
import type { MessagePort } from 'node:worker_threads'
import type { PrintDocument, PrintSheet } from '../render/print.js'
import { openPdf, writePdf } from './pdf.js'
import { lowerThreadPriority } from './thread-priority.js'
import { concatBytes } from '../bytes.js'

lowerThreadPriority()

export type PdfTask = { write: PrintDocument } | { open: string; port: MessagePort }

/** Over a document's port, to the thread. */
export type ToPdfThread = { sheet: PrintSheet } | { finish: true } | { abort: true }

/** Over a document's port, back: bytes as they are written; the task's end says the document is done. */
export type FromPdfThread = { chunk: Uint8Array }

/** Writes one document as its sheets arrive; resolves when it is finished, or dropped (`abort`: the client went). */
async function streamDoc(title: string, port: MessagePort): Promise<void> {
  const sink = openPdf(title)
  const reader = sink.readable.getReader()
  let pending: Uint8Array[] = []
  let scheduled = false
  let dropped = false
  let failed: unknown = null
  const flush = () => {
    scheduled = false
    if (!pending.length || dropped) return
    // A fresh buffer, never Node's shared pool: it is transferred, not copied.
    const out = concatBytes(pending)
    pending = []
    port.postMessage({ chunk: out } satisfies FromPdfThread, [out.buffer as ArrayBuffer]) // concatBytes() allocates its own ArrayBuffer
  }
  port.on('message', (m: ToPdfThread) => {
    if (dropped || failed) return
    if ('abort' in m) {
      dropped = true
      reader.cancel().catch(() => {})
      return
    }
    try {
      if ('sheet' in m) sink.add(m.sheet)
      else sink.finish()
    } catch (e) {
      failed = e
      reader.cancel().catch(() => {})
    }
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      pending.push(value)
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    }
    if (failed) throw failed
    flush()
  } finally {
    port.close()
  }
}

export default async function pdfTask(task: PdfTask): Promise<Uint8Array | null> {
  // A whole PDF is one sign of a ZIP: copied back, a few hundred KB at most.
  if ('write' in task) return writePdf(task.write)
  await streamDoc(task.open, task.port)
  return null
}
