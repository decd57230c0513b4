/**
 * An .xlsx file's first worksheet with rows as CSV text, in the browser, so that the
 * batch API (which reads CSV) sees the same rows at the same row numbers:
 * one CSV record per sheet row, blank rows kept. fflate unzips, the browser's
 * DOMParser reads the XML. Cells are taken as stored: shared and inline
 * strings, numbers as written (no number formats, so a date is its serial
 * number), booleans as TRUE/FALSE, error cells as their code (#N/A), which the
 * batch reports as a bad row.
 */
import { strFromU8, unzipSync } from 'fflate'

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export class XlsxError extends Error {}

function xml(files: Record<string, Uint8Array>, path: string): Document | undefined {
  const bytes = files[path]
  if (!bytes) return undefined
  const doc = new DOMParser().parseFromString(strFromU8(bytes), 'application/xml')
  if (doc.getElementsByTagName('parsererror').length) throw new XlsxError(`${path} is not well-formed XML`)
  return doc
}

/** The text of a string item: its runs' <t>, without phonetic guides (<rPh>). */
function textOf(si: Element): string {
  let out = ''
  for (const t of Array.from(si.getElementsByTagNameNS(MAIN, 't'))) if (t.parentElement?.localName !== 'rPh') out += t.textContent ?? ''
  return out
}

/** Column letters of a cell reference (C12 → 2). */
function columnOf(ref: string): number {
  let n = 0
  for (const ch of ref) {
    const c = ch.charCodeAt(0)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

const csvCell = (s: string) => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

export function xlsxToCsv(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (f) => (f.name.startsWith('xl/') && f.name.endsWith('.xml')) || f.name.endsWith('.rels') })
  } catch (e) {
    throw new XlsxError(`not a readable .xlsx (${e instanceof Error ? e.message : String(e)})`)
  }
  const workbook = xml(files, 'xl/workbook.xml')
  const rels = Array.from(xml(files, 'xl/_rels/workbook.xml.rels')?.getElementsByTagName('Relationship') ?? [])
  // The first worksheet that has rows, as the CLI reads it: a sheet of instructions before it is passed over.
  const sheet = Array.from(workbook?.getElementsByTagNameNS(MAIN, 'sheet') ?? [])
    .map((s) => {
      const target = rels.find((r) => r.getAttribute('Id') === s.getAttributeNS(REL, 'id'))?.getAttribute('Target')
      return target ? xml(files, target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined
    })
    .find((doc) => doc?.getElementsByTagNameNS(MAIN, 'c').length)
  if (!sheet) throw new XlsxError('the workbook has no worksheet with rows')
  const shared = Array.from(xml(files, 'xl/sharedStrings.xml')?.getElementsByTagNameNS(MAIN, 'si') ?? []).map(textOf)
  const rows: string[][] = []
  for (const row of Array.from(sheet.getElementsByTagNameNS(MAIN, 'row'))) {
    const r = Number(row.getAttribute('r') ?? rows.length + 1)
    // Rows Excel did not store are blank rows: they still have their numbers.
    while (rows.length < r - 1) rows.push([])
    const cells: string[] = []
    for (const c of Array.from(row.getElementsByTagNameNS(MAIN, 'c'))) {
      const ref = c.getAttribute('r')
      const at = ref ? columnOf(ref) : cells.length
      const v = c.getElementsByTagNameNS(MAIN, 'v')[0]?.textContent ?? ''
      const type = c.getAttribute('t')
      const text =
        type === 's'
          ? (shared[Number(v)] ?? '')
          : type === 'inlineStr'
            ? textOf(c.getElementsByTagNameNS(MAIN, 'is')[0] ?? c)
            : type === 'b'
              ? v === '1'
                ? 'TRUE'
                : 'FALSE'
              : v
      while (cells.length < at) cells.push('')
      cells[at] = text
    }
    rows.push(cells)
  }
  // Every row as wide as the widest, so that no row has fewer cells than the header; blank rows stay blank.
  const width = Math.max(0, ...rows.map((r) => r.length))
  const lines = rows.map((cells) => (cells.every((c) => c === '') ? '' : [...cells, ...Array<string>(width - cells.length).fill('')].map(csvCell).join(',')))
  return `${lines.join('\r\n')}\r\n`
}
