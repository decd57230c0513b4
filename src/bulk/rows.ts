/**
 * Rows of a batch: what a spreadsheet line becomes before rendering. Parsing
 * uses csv-parse (quotes, embedded newlines, BOM); JSON lines are one object
 * a line. Columns map to template fields by name, or through --map.
 */
// The browser build: the Node one reaches for the global Buffer, which Workers lack.
import { parse as parseCsvSync } from 'csv-parse/browser/esm/sync'
import { QoyarError } from '../errors.js'

export interface Row {
  /** The row number a person sees in the spreadsheet: the header is row 1. */
  row: number
  fields: Record<string, string>
}

export const CSV_OPTIONS = {
  bom: true,
  columns: (header: string[]) => header.map((h) => h.trim()),
  // Empty lines are kept, then skipped by us: they still count as rows, as in a spreadsheet.
  skip_empty_lines: false,
  trim: false,
  relax_column_count: true,
  info: true,
} as const

export function isBlank(record: Record<string, unknown>): boolean {
  return Object.values(record).every((v) => v === undefined || v === null || String(v).trim() === '')
}

/** Applies --map column=field and drops empty cells (an empty cell is an absent field). */
export function mapColumns(record: Record<string, unknown>, map: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [column, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue
    const text = typeof value === 'string' ? value : String(value)
    if (text.trim() === '') continue
    out[map[column] ?? column] = text
  }
  return out
}

/** A whole CSV text (the batch API's body, bounded in size) to rows. */
export function rowsFromCsv(text: string, map: Readonly<Record<string, string>> = {}): Row[] {
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    records = parseCsvSync(text, CSV_OPTIONS) as never
  } catch (e) {
    throw new QoyarError('invalid_csv', 422, `The CSV could not be read: ${(e as Error).message}`, {}, { reason: (e as Error).message })
  }
  // A record is a spreadsheet row (an embedded newline does not start a new one); the header is row 1.
  return records.flatMap((r, i) => (isBlank(r.record) ? [] : [{ row: i + 2, fields: mapColumns(r.record, map) }]))
}

/** JSON lines: one object per non-empty line. */
export function rowsFromJsonLines(text: string, map: Readonly<Record<string, string>> = {}): Row[] {
  const rows: Row[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new QoyarError('invalid_jsonl', 422, `Line ${i + 1} is not JSON.`, { line: i + 1 }, { line: i + 1 })
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new QoyarError('invalid_jsonl', 422, `Line ${i + 1} is not a JSON object.`, { line: i + 1 }, { line: i + 1 })
    rows.push({ row: i + 1, fields: mapColumns(value as Record<string, unknown>, map) })
  })
  return rows
}

/** --map a=b,c=d or repeated --map a=b. */
export function parseMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const pair of pairs.flatMap((p) => p.split(','))) {
    const [column, field] = pair.split('=')
    if (!column?.trim() || !field?.trim()) throw new QoyarError('invalid_map', 400, `--map takes column=field, not "${pair}".`, { pair }, { pair })
    map[column.trim()] = field.trim()
  }
  return map
}
