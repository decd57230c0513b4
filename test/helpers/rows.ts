/** A spreadsheet file's rows as the Node entries read them. */
import { readRows } from '../../src/node/inputs.js'

export async function rowsOfFile(file: string) {
  const out = []
  for await (const r of readRows(file)) out.push(r)
  return out
}
