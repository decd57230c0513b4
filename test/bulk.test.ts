/** Bulk rendering: CSV/JSONL/XLSX in, PDF or ZIP out, bad rows reported and skipped, order kept, the CLI's exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { fileNamer } from '../src/bulk/names.js'
import { rowsFromCsv, rowsFromJsonLines } from '../src/bulk/rows.js'
import { app } from './helpers/env.js'
import { qoyar } from './helpers/cli.js'
import { rowsOfFile } from './helpers/rows.js'
import { pdfPages, skipWithout } from './helpers/tools.js'

const dir = mkdtempSync(join(tmpdir(), 'qoyar-bulk-'))
const BOM = '\uFEFF'
// Row 2 fine; row 3 quoted with a comma and an embedded newline; an empty line; row 4 misses its Mongolian; row 5 has a character no font covers.
const CSV = `${BOM}name_mn,name_zh,title_mn,title_zh\r\nᠪᠠᠲᠤ,巴图,ᠪᠠᠭᠰᠢ,教师\r\n"ᠰᠠᠷᠠᠨᠭᠡᠷᠡᠯ","萨仁, 格日勒","ᠪᠠᠭᠰᠢ","教师\n(兼)"\r\n\r\n,缺蒙文,,\r\nᠪᠠᠲᠤ,"张\u{1F600}",,\r\nᠨᠣᠮ,书,,\r\n`

describe('reading rows', () => {
  it('CSV: BOM, quotes, embedded newlines and empty lines; rows numbered as a spreadsheet shows them', async () => {
    const rows = rowsFromCsv(CSV)
    // The empty line is row 4 in a spreadsheet: skipped, but counted.
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5, 6, 7])
    expect(Object.keys(rows[0]!.fields)).toEqual(['name_mn', 'name_zh', 'title_mn', 'title_zh'])
    expect(rows[1]!.fields.name_zh).toBe('萨仁, 格日勒')
    expect(rows[1]!.fields.title_zh).toBe('教师\n(兼)')
    expect(rows[2]!.fields.name_mn).toBeUndefined()
    // The same file streamed from disk gives the same rows.
    const file = join(dir, 'rows.csv')
    writeFileSync(file, CSV)
    expect(await rowsOfFile(file)).toEqual(rows)
  })

  it('maps columns to fields with --map', () => {
    const rows = rowsFromCsv('蒙文名,中文名\nᠪᠠᠲᠤ,巴图\n', { 蒙文名: 'name_mn', 中文名: 'name_zh' })
    expect(rows[0]!.fields).toEqual({ name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' })
  })

  it('JSON lines and .xlsx', async () => {
    expect(rowsFromJsonLines('{"name_mn":"ᠪᠠᠲᠤ","name_zh":"巴图"}\n\n{"name_mn":"ᠨᠣᠮ","name_zh":"书"}\n').map((r) => r.fields.name_zh)).toEqual(['巴图', '书'])
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('attendees')
    ws.addRow(['name_mn', 'name_zh', 'seat'])
    ws.addRow(['ᠪᠠᠲᠤ', '巴图', 1])
    ws.addRow([])
    ws.addRow(['ᠨᠣᠮ', { richText: [{ text: '书' }] }, 2])
    const file = join(dir, 'rows.xlsx')
    await wb.xlsx.writeFile(file)
    const rows = await rowsOfFile(file)
    expect(rows.map((r) => [r.row, r.fields.name_zh, r.fields.seat])).toEqual([
      [2, '巴图', '1'],
      [4, '书', '2'],
    ])
  })
})

describe('ZIP file names', () => {
  it('are safe and unique: no paths, no traversal, duplicates numbered', () => {
    const name = fileNamer('{name_zh}', 'png')
    expect(name(2, { name_zh: '巴图' })).toBe('巴图.png')
    expect(name(3, { name_zh: '巴图' })).toBe('巴图-2.png')
    expect(name(4, { name_zh: '../../etc/passwd' })).toBe('_.._etc_passwd.png')
    expect(name(5, { name_zh: 'a/b\\c:d' })).toBe('a_b_c_d.png')
    expect(name(6, {})).toBe('row-6.png')
    expect(name(7, { name_zh: 'CON' })).toBe('_CON.png')
  })
})

describe('qoyar batch (CLI)', () => {
  const csv = join(dir, 'attendees.csv')
  writeFileSync(csv, CSV)

  it.skipIf(skipWithout('poppler'))('writes a PDF of the good rows in order on worker threads, reports the bad rows by number, exits 1', () => {
    const out = join(dir, 'cards.pdf')
    const reportFile = join(dir, 'report.json')
    const r = qoyar(['batch', 'desk-card', csv, '-o', out, '--threads', '2', '--report', reportFile])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/row 5 \(name_mn\)/)
    expect(r.stderr).toMatch(/row 6 \(name_zh\): .*U\+1F600/)
    expect(r.stderr).toMatch(/3 of 5 rows rendered/)
    expect(pdfPages(out)).toBe(3)
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { results: { row: number; status: string; page?: number; compliance?: { pass: boolean } }[] }
    expect(report.results.map((x) => [x.row, x.status, x.page ?? null])).toEqual([
      [2, 'ok', 1],
      [3, 'ok', 2],
      [5, 'failed', null],
      [6, 'failed', null],
      [7, 'ok', 3],
    ])
    expect(report.results[0]!.compliance!.pass).toBe(true)
  })

  it('writes a ZIP named from a column, in input order, with report.json; 0 when every row renders', () => {
    const good = join(dir, 'good.csv')
    writeFileSync(good, 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\nᠨᠣᠮ,书\nᠪᠠᠲᠤ,巴图\n')
    const out = join(dir, 'cards.zip')
    const r = qoyar(['batch', 'desk-card', good, '-o', out, '--name', '{name_zh}', '--format', 'svg', '--threads', '0', '-q'])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    const files = unzipSync(new Uint8Array(readFileSync(out)))
    expect(Object.keys(files)).toEqual(['巴图.svg', '书.svg', '巴图-2.svg', 'report.json'])
    expect(new TextDecoder().decode(files['书.svg']!).startsWith('<svg')).toBe(true)
  })

  it('reports Mongolian text findings per row and field; Menksoft rows fail unless --normalize converts them', () => {
    const texts = join(dir, 'texts.csv')
    writeFileSync(texts, 'name_mn,name_zh,title_mn,title_zh\n\uE2C1\uE27F\uE317\uE27E\uE2E8,比其格,ᠪᠠᠭᠰᠢ,教师\nᠦᠪᠣᠷ,乌波尔,ᠨᠣᠮ ᠤᠨ,书\nᠪᠠᠲᠤ,巴图,ᠪᠠᠭᠰᠢ,教师\n')
    type Entry = {
      row: number
      status: string
      error?: { code: string; field?: string }
      text?: { status: string; fields: { field: string; findings: { code: string }[] }[]; changed: { field: string; codes: string[] }[] }
    }
    const run = (extra: string[]) => {
      const out = join(dir, `texts${extra.length}.zip`)
      const r = qoyar(['batch', 'desk-card', texts, '-o', out, '--format', 'svg', '--threads', '0', '-q', ...extra])
      const report = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(out)))['report.json'])) as { results: Entry[] }
      return { status: r.status, results: report.results }
    }
    const plain = run([])
    expect(plain.status).toBe(1)
    expect(plain.results[0]).toMatchObject({ row: 2, status: 'failed', error: { code: 'legacy_encoding', field: 'name_mn' } })
    expect(plain.results[1]!.text!.fields.map((f) => [f.field, f.findings.map((x) => x.code)])).toEqual([
      ['name_mn', ['vowel-harmony']],
      ['title_mn', ['suffix-space']],
    ])
    expect(plain.results[2]!.text).toBeUndefined()
    const normalized = run(['--normalize'])
    expect(normalized.status).toBe(0)
    expect(normalized.results[0]!.text!.changed).toEqual([{ field: 'name_mn', codes: ['legacy-encoding'] }])
    expect(normalized.results[1]!.text!.changed).toEqual([{ field: 'title_mn', codes: ['suffix-space'] }])
    // What is not certain stays a finding for a reader.
    expect(normalized.results[1]!.text!.fields.map((f) => f.field)).toEqual(['name_mn'])
  })

  it('exits 2 for an unknown template or a missing file, without writing output', () => {
    expect(qoyar(['batch', 'no-such-template', csv, '-o', join(dir, 'x.pdf')]).status).toBe(2)
    const missing = qoyar(['batch', 'desk-card', join(dir, 'missing.csv'), '-o', join(dir, 'y.pdf')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/missing\.csv/)
  })

  it('qoyar render writes one sign', () => {
    const out = join(dir, 'one.png')
    const r = qoyar(['render', 'desk-card', '--field', 'name_mn=ᠪᠠᠲᠤ', '--field', 'name_zh=巴图', '-o', out])
    expect(r.status).toBe(0)
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG')
  })
})

describe('print options: one schema for renders, the batch API and the CLI', () => {
  it('refuses a bad bleed, sheet or per-sheet on the batch API with a 422 naming it, as a render does (it was clamped)', async () => {
    for (const [query, path] of [
      ['bleed=20', 'bleed'],
      ['bleed=abc', 'bleed'],
      ['sheet=a5', 'sheet'],
      ['sheet=a4&perSheet=0', 'perSheet'],
    ] as const) {
      const res = await app.request(`/v1/batch/desk-card.pdf?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n',
      })
      expect(res.status, query).toBe(422)
      const body = (await res.json()) as { error: { code: string; details: { issues: { path: string }[] } } }
      expect(body.error.code, query).toBe('invalid_fields')
      expect(body.error.details.issues[0]!.path, query).toBe(path)
      const render = await app.request(`/v1/render/desk-card.pdf?name_mn=ᠪᠠᠲᠤ&name_zh=巴图&${query.replace('perSheet', 'copies')}`)
      expect(render.status, `render ${query}`).toBe(422)
    }
  })

  it('refuses the same on the command line, exit 2, naming the option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qoyar-print-'))
    const csv = join(dir, 'a.csv')
    writeFileSync(csv, 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n')
    const r = qoyar(['batch', 'desk-card', csv, '-o', join(dir, 'a.pdf'), '--bleed', '20', '--threads', '0', '-q'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--bleed')
  })
})

describe('POST /v1/batch', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body })

  it.skipIf(skipWithout('poppler'))('streams a PDF of the good rows plus a report page', async () => {
    const res = await post('/v1/batch/desk-card.pdf', CSV)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const file = join(dir, 'api.pdf')
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    expect(pdfPages(file)).toBe(4)
  })

  it('streams a ZIP with report.json listing the bad rows', async () => {
    const res = await post('/v1/batch/desk-card.zip?name={name_zh}&format=svg', CSV)
    expect(res.status).toBe(200)
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    expect(Object.keys(files)).toEqual(['巴图.svg', '萨仁, 格日勒.svg', '书.svg', 'report.json'])
    const report = JSON.parse(new TextDecoder().decode(files['report.json'])) as {
      failed: number
      results: { row: number; status: string; error?: { field?: string } }[]
    }
    expect(report.failed).toBe(2)
    expect(report.results.filter((r) => r.status === 'failed').map((r) => [r.row, r.error!.field])).toEqual([
      [5, 'name_mn'],
      [6, 'name_zh'],
    ])
  })

  it('answers with the report alone for Accept: application/json, in the asked language', async () => {
    const res = await post('/v1/batch/desk-card.pdf?lang=en', CSV, { accept: 'application/json' })
    const body = (await res.json()) as { rendered: number; failed: number; results: { error?: { message: string } }[] }
    expect([body.rendered, body.failed]).toEqual([3, 2])
    expect(body.results[3]!.error!.message).toBe('No font covers U+1F600; it would render as an empty box.')
  })

  it('takes JSON lines, and refuses empty, oversized and too-long inputs clearly', async () => {
    const jsonl = '{"name_mn":"ᠪᠠᠲᠤ","name_zh":"巴图"}\n'
    const ok = await post('/v1/batch/desk-card.zip', jsonl, { 'content-type': 'application/x-ndjson' })
    expect(ok.status).toBe(200)
    const none = await post('/v1/batch/desk-card.zip', 'name_mn,name_zh\n')
    expect(none.status).toBe(422)
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('no_rows')
    const many = await post('/v1/batch/desk-card.zip', 'name_mn,name_zh\n' + 'ᠪᠠᠲᠤ,巴图\n'.repeat(501))
    expect(many.status).toBe(413)
    expect(((await many.json()) as { error: { code: string } }).error.code).toBe('too_many_rows')
    const big = await post('/v1/batch/desk-card.zip', 'name_mn,name_zh\n' + 'x'.repeat(3 * 1024 * 1024))
    expect(big.status).toBe(413)
    expect((await post('/v1/batch/desk-card.gif', CSV)).status).toBe(404)
  })
})
