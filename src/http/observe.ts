/** What the app tells the runtime about each request: one record, handed to each observer (access log, metrics). */
export interface RequestRecord {
  method: string
  /** The path without the query: queries carry names and texts of signs, which a log should not keep. */
  path: string
  /** The route that answered, e.g. /v1/render/:file; null when none matched (404). */
  route: string | null
  status: number
  ms: number
  /** X-Qoyar-Cache of the response: hit, miss, or null when the route has no cache. */
  cache: string | null
  /** The API key's id when the request carried one. */
  keyId: string | null
  /** For renders, checks, batches and text images: what was drawn, in what format. */
  template: string | null
  format: string | null
}

export interface RequestObserver {
  /** A request started (in-flight gauges). */
  begin?(): void
  end(record: RequestRecord): void
}

/** The runtime's metrics in the Prometheus text format, served at /metrics. */
export interface MetricsText {
  contentType: string
  text(): Promise<string>
}
