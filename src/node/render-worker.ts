/** A batch worker thread: the Node environment loaded once, then rows rendered on request. */
import { renderRow, type RowOptions, type RowResult } from '../bulk/render-row.js'
import type { Row } from '../bulk/rows.js'
import { nodeEnv } from './env.js'

const env = nodeEnv()

export default async function render({ row, opts }: { row: Row; opts: RowOptions }): Promise<RowResult> {
  // Results are copied back to the main thread (structured clone); a PNG is a few hundred KB.
  return renderRow(await env, row, opts)
}
