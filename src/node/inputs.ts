/**
 * Batch input files streamed row by row: CSV (csv-parse: BOM, quotes,
 * embedded newlines, comma/semicolon/tab), JSON lines, and .xlsx (exceljs's
 * streaming reader), so a long sheet never sits in memory whole.
 */
import { constants, createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { QoyarError } from '../errors.js'
import { CSV_OPTIONS, isBlank, mapColumns, type Row } from '../bulk/rows.js'

export type InputKind = 'csv' | 'jsonl' | 'xlsx'

export function inputKind(file: string): InputKind {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv'
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl'
  if (ext === '.xlsx') return 'xlsx'
  throw new QoyarError('unsupported_input', 400, `Cannot read "${file}": use .csv, .jsonl or .xlsx.`, { file }, { file })
}

async function* csvRows(file: string, map: Record<string, string>): AsyncGenerator<Row> {
  const parser = parse({ ...CSV_OPTIONS, delimiter: [',', ';', '\t'] })
  // pipe() does not pass a read error on: hand it to the parser so the loop below throws it.
  const input = createReadStream(file).on('error', (e) => parser.destroy(e))
  input.pipe(parser)
  let i = 0
  for await (const { record } of parser as AsyncIterable<{ record: Record<string, string> }>) {
    const row = i++ + 2
    if (!isBlank(record)) yield { row, fields: mapColumns(record, map) }
  }
}

async function* jsonlRows(file: string, map: Record<string, string>): AsyncGenerator<Row> {
  const stream = createReadStream(file)
  const failed = new Promise<never>((_, reject) => stream.on('error', reject))
  failed.catch(() => {})
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (!line.trim()) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      yield { row: n, fields: { __invalid__: `line ${n} is not JSON` } }
      continue
    }
    yield { row: n, fields: value && typeof value === 'object' && !Array.isArray(value) ? mapColumns(value as Record<string, unknown>, map) : { __invalid__: `line ${n} is not a JSON object` } }
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; hyperlink?: string }
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if (o.text !== undefined) return String(o.text)
    if (o.result !== undefined) return cellText(o.result)
    if (v instanceof Date) return v.toISOString().slice(0, 10)
  }
  return String(v)
}

async function* xlsxRows(file: string, map: Record<string, string>): AsyncGenerator<Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' })
  for await (const sheet of reader) {
    let header: string[] | null = null
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText)
      if (!header) {
        header = values.map((h) => h.trim())
        continue
      }
      if (values.every((v) => !v.trim())) continue
      const record: Record<string, string> = {}
      header.forEach((h, i) => h && (record[h] = values[i] ?? ''))
      yield { row: row.number, fields: mapColumns(record, map) }
    }
    return // the first worksheet only
  }
}

/** The input must exist and be readable before a batch starts writing anything. */
export async function assertReadable(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK)
  } catch {
    throw new QoyarError('input_not_found', 400, `Cannot read "${file}": no such file, or no permission.`, { file }, { file })
  }
}

export function readRows(file: string, map: Record<string, string> = {}): AsyncGenerator<Row> {
  const kind = inputKind(file)
  return kind === 'csv' ? csvRows(file, map) : kind === 'jsonl' ? jsonlRows(file, map) : xlsxRows(file, map)
}

/** A first pass that only counts rows, for the progress bar's total and ETA. */
export async function countRows(file: string): Promise<number> {
  let n = 0
  for await (const _ of readRows(file)) n++
  return n
}
