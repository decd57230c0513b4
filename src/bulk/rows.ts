/**
 * Rows of a batch: what a spreadsheet line becomes before rendering. Parsing
 * uses csv-parse (quotes, embedded newlines, BOM); JSON lines are one object
 * a line. Columns map to template fields by name, or through --map. A row
 * that cannot be read as its header says (wrong cell count, a cell that is
 * an object or an Excel error, a U+FFFD, a `_mn` field with no Mongolian
 * letter) is a bad row with its reason, never shifted fields.
 */
// The browser build: the Node one reaches for the global Buffer, which Workers lack.
import { isMenksoft } from '../text/mongolian/menksoft.js'
import { parse as parseCsvSync } from 'csv-parse/browser/esm/sync'
import { QoyarError } from '../errors.js'
import { scriptOf, type Script } from '../text/script.js'
import { SCRIPT_PROFILES, languageProfile } from '../text/scripts/profiles.js'

export interface Row {
  /** The row number a person sees in the spreadsheet: the header is row 1. */
  row: number
  fields: Record<string, string>
  /** Why the row cannot be rendered as read, when it cannot. */
  problem?: { message: string; field?: string }
  /** The header as the file has it (before --map), for the header check. */
  columns?: readonly string[]
}

export const CSV_OPTIONS = {
  bom: true,
  // Empty lines are kept, then skipped by us: they still count as rows, as in a spreadsheet.
  skip_empty_lines: false,
  trim: false,
  // Counted by us, so a bad row is reported rather than the whole file refused.
  relax_column_count: true,
  info: true,
} as const

export function isBlank(cells: readonly unknown[] | Record<string, unknown>): boolean {
  return Object.values(cells).every((v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))
}

/** The field a column feeds: its --map target, else its own name (own keys only: "constructor" is a column, not Object's). */
export function fieldOf(column: string, map: Readonly<Record<string, string>>): string {
  return Object.hasOwn(map, column) ? map[column]! : column
}

/**
 * A field named for a language (`name_mn`, `mn`, `name_ko`, `ug`…) holds a letter of that language's script:
 * a Korean column under name_zh, or a Chinese one under name_mn, is columns in the wrong order. Legacy
 * Menksoft code points count as Mongolian: they are Mongolian in the wrong encoding, which the text checker
 * reports (and --normalize converts). Chinese fields are not checked: digits-only Chinese names exist.
 */
function fieldScript(field: string): { script: Script; name: string } | undefined {
  const lang = field.includes('_') ? field.slice(field.lastIndexOf('_') + 1) : field
  const profile = lang !== 'zh' ? languageProfile(lang) : undefined
  return profile ? { script: profile.script, name: SCRIPT_PROFILES[profile.script]?.name.en ?? profile.script } : undefined
}

function hasLetterOf(text: string, script: Script): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if ((scriptOf(cp) === script && /\p{L}/u.test(ch)) || (script === 'Mong' && isMenksoft(cp))) return true
  }
  return false
}

/** What is wrong with a cell's value, if anything. */
function cellProblem(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value.includes('\uFFFD') ? 'holds U+FFFD (a character lost to a wrong encoding)' : null
  if (typeof value === 'number' || typeof value === 'boolean') return null
  return Array.isArray(value) ? 'is a list, not text' : 'is an object, not text'
}

/**
 * Applies --map column=field and drops empty cells (an empty cell is an
 * absent field); a value that is not text makes the row bad.
 */
export function toRow(row: number, record: Record<string, unknown>, map: Readonly<Record<string, string>>, columns?: readonly string[]): Row {
  const fields: Record<string, string> = Object.create(null) as Record<string, string> // a column named __proto__ stays a column
  let problem: Row['problem']
  for (const [column, value] of Object.entries(record)) {
    const field = fieldOf(column, map)
    const bad = cellProblem(value)
    if (bad) {
      problem ??= { message: `"${column}" ${bad}`, field }
      continue
    }
    if (value === undefined || value === null) continue
    const text = typeof value === 'string' ? value : String(value) // a number or boolean
    if (text.trim() === '') continue
    const wanted = fieldScript(field)
    if (wanted && !hasLetterOf(text, wanted.script))
      problem ??= { message: `"${column}" holds no ${wanted.name} letter: are the columns in the right order?`, field }
    fields[field] = text
  }
  return { row, fields, ...(problem ? { problem } : {}), ...(columns ? { columns } : {}) }
}

/** Cells of one CSV record against its header: a different count is a bad row (an unquoted comma shifts every field after it). */
export function csvRow(row: number, header: readonly string[], cells: readonly string[], map: Readonly<Record<string, string>>): Row {
  const extra = cells.slice(header.length)
  if (cells.length < header.length || extra.some((c) => c.trim() !== '')) {
    const r = toRow(row, {}, map, header)
    return { ...r, problem: { message: `the row has ${cells.length} cells but the header has ${header.length} columns (a comma or quote out of place?)` } }
  }
  return toRow(row, Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])), map, header)
}

export function invalidCsv(reason: string): QoyarError {
  return new QoyarError('invalid_csv', 422, `The CSV could not be read: ${reason}`, { reason }, { reason })
}

/** A whole CSV text (the batch API's body, bounded in size) to rows. */
export function rowsFromCsv(text: string, map: Readonly<Record<string, string>> = {}): Row[] {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parseCsvSync(text, { ...CSV_OPTIONS, delimiter: [',', ';', '\t'] }) as unknown as { record: string[]; info: { lines: number } }[] // csv-parse's info: true shape
  } catch (e) {
    throw invalidCsv(e instanceof Error ? e.message : String(e))
  }
  const [first, ...rest] = records
  if (!first) return []
  const header = first.record.map((h) => h.trim())
  // A record is a spreadsheet row (an embedded newline does not start a new one); the header is row 1.
  return rest.flatMap((r, i) => (isBlank(r.record) ? [] : [csvRow(i + 2, header, r.record, map)]))
}

/** One JSON-lines line to a row; a line that is not a JSON object is a bad row. */
export function jsonLineRow(n: number, line: string, map: Readonly<Record<string, string>>): Row {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { row: n, fields: {}, problem: { message: `line ${n} is not JSON` } }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { row: n, fields: {}, problem: { message: `line ${n} is not a JSON object` } }
  const record = value as Record<string, unknown> // a JSON object, checked above
  return toRow(n, record, map, Object.keys(record))
}

/** JSON lines: one object per non-empty line. */
export function rowsFromJsonLines(text: string, map: Readonly<Record<string, string>> = {}): Row[] {
  const rows: Row[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim()) rows.push(jsonLineRow(i + 1, line, map))
  })
  return rows
}

/** --map a=b,c=d or repeated --map a=b. */
export function parseMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = Object.create(null) as Record<string, string> // looked up by column names, which may be anything
  for (const pair of pairs.flatMap((p) => p.split(','))) {
    const [column, field] = pair.split('=')
    if (!column?.trim() || !field?.trim()) throw new QoyarError('invalid_map', 400, `--map takes column=field, not "${pair}".`, { pair }, { pair })
    map[column.trim()] = field.trim()
  }
  return map
}
