/**
 * Batch input files streamed row by row: CSV (csv-parse: BOM, quotes,
 * embedded newlines, comma/semicolon/tab), JSON lines, and .xlsx (exceljs's
 * streaming reader), so a long sheet never sits in memory whole.
 */
import { constants, createReadStream } from 'node:fs'
import { access, open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { QoyarError } from '../errors.js'
import { CSV_OPTIONS, csvRow, fieldOf, invalidCsv, isBlank, jsonLineRow, toRow, type Row } from '../bulk/rows.js'
import { chooseEncoding, decodingStream, SNIFF_BYTES } from '../bulk/decode.js'

export type InputKind = 'csv' | 'jsonl' | 'xlsx'

export function inputKind(file: string): InputKind {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv'
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl'
  if (ext === '.xlsx') return 'xlsx'
  throw new QoyarError('unsupported_input', 400, `Cannot read "${file}": use .csv, .jsonl or .xlsx.`, { file }, { file })
}

/** The encoding of a text file, from its first bytes. */
export async function fileEncoding(file: string): Promise<string> {
  const handle = await open(file, 'r')
  try {
    const sample = new Uint8Array(SNIFF_BYTES)
    const { bytesRead } = await handle.read(sample, 0, SNIFF_BYTES, 0)
    const size = (await handle.stat()).size
    return chooseEncoding(sample.subarray(0, bytesRead), bytesRead >= size)
  } finally {
    await handle.close()
  }
}

/** The file as text in its own encoding, strictly decoded. */
async function textStream(file: string): Promise<Readable> {
  const encoding = await fileEncoding(file)
  const bytes = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> // node's fs stream yields Uint8Array chunks
  return Readable.fromWeb(bytes.pipeThrough(decodingStream(encoding)) as never) // a ReadableStream<string>; node's types want its own web stream type
}

async function* csvRows(file: string, map: Record<string, string>): AsyncGenerator<Row> {
  const parser = parse({ ...CSV_OPTIONS, delimiter: [',', ';', '\t'] })
  // pipe() does not pass a read error on: hand it to the parser so the loop below throws it.
  const input = (await textStream(file)).on('error', (e) => parser.destroy(e))
  input.pipe(parser)
  let header: string[] | null = null
  let i = 0
  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
      const row = ++i
      if (!header) {
        header = record.map((h) => h.trim())
        continue
      }
      if (!isBlank(record)) yield csvRow(row, header, record, map)
    }
  } catch (e) {
    if (e instanceof QoyarError) throw e
    // An unterminated quote and the like: the file is unreadable (exit 2), not a crash.
    throw invalidCsv(e instanceof Error ? e.message : String(e))
  }
}

async function* jsonlRows(file: string, map: Record<string, string>): AsyncGenerator<Row> {
  const stream = await textStream(file)
  const failed = new Promise<never>((_, reject) => stream.on('error', reject))
  failed.catch(() => {})
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (line.trim()) yield jsonLineRow(n, line, map)
  }
}

/** An Excel error cell (#N/A, #DIV/0!…): exceljs gives it as { error }. */
class ErrorCell {
  constructor(readonly error: string) {}
}

function cellText(v: unknown): string | ErrorCell {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10)
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown } // exceljs's cell value shapes
    if (o.error !== undefined) return new ErrorCell(String(o.error))
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if (typeof o.text === 'string') return o.text
    if (o.result !== undefined) return cellText(o.result)
    return new ErrorCell('an unreadable cell')
  }
  return String(v)
}

async function* xlsxRows(file: string, map: Record<string, string>): AsyncGenerator<Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' })
  let rowsSeen = false
  for await (const sheet of reader) {
    let header: string[] | null = null
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText)
      if (!header) {
        header = values.map((h) => (typeof h === 'string' ? h.trim() : ''))
        continue
      }
      if (values.every((v) => typeof v === 'string' && !v.trim())) continue
      const bad = values.findIndex((v) => v instanceof ErrorCell)
      if (bad >= 0) {
        const column = header[bad] || `column ${bad + 1}`
        rowsSeen = true
        yield { row: row.number, fields: {}, problem: { message: `"${column}" is an Excel error (${(values[bad] as ErrorCell).error})`, field: fieldOf(column, map) }, columns: header }
        continue
      }
      const record: Record<string, string> = {}
      header.forEach((h, i) => h && (record[h] = (values[i] as string | undefined) ?? '')) // no ErrorCell left: checked above
      rowsSeen = true
      yield toRow(row.number, record, map, header)
    }
    // The first worksheet with rows: a first sheet of instructions is passed over.
    if (header && rowsSeen) return
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
