/**
 * A streamed response body that can fail visibly and that tells the
 * producer when the client has gone: a render loop checks `stopped`, and a
 * failure errors the stream, so the client sees a broken transfer rather
 * than a clean end to a truncated file.
 */
export interface Relay {
  body: ReadableStream<Uint8Array>
  /** Aborted when the client cancels the body or the producer fails. */
  stopped: AbortSignal
  /** Ends the body with an error. */
  fail(error: unknown): void
}

export function relay(source: ReadableStream<Uint8Array>): Relay {
  const reader = source.getReader()
  const stop = new AbortController()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    async pull(c) {
      const { done, value } = await reader.read()
      if (done) c.close()
      else c.enqueue(value)
    },
    cancel(reason) {
      stop.abort(reason)
      reader.cancel(reason).catch(() => {})
    },
  })
  return {
    body,
    stopped: stop.signal,
    fail(error) {
      stop.abort(error)
      try {
        controller.error(error)
      } catch {
        // already closed or errored
      }
      reader.cancel(error).catch(() => {})
    },
  }
}

/** Lets other requests (and /healthz) run between two rows of a batch. */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
