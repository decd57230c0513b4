/** Issue 20 (6, 7, 8, 12): spreadsheets as offices save them, and the CLI outside the repository. */
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeText } from '../src/bulk/decode.js'
import { rowsFromCsv } from '../src/bulk/rows.js'
import { qoyar, startQoyar } from './helpers/cli.js'
import { app } from './helpers/env.js'
import { rowsOfFile } from './helpers/rows.js'

const dir = mkdtempSync(join(tmpdir(), 'qoyar-robust-'))
const GB18030 = new URL('./fixtures/gb18030.csv', import.meta.url).pathname

const batch = (body: string | Uint8Array<ArrayBuffer>, query = '', type = 'text/csv') =>
  app.request(`/v1/batch/desk-card.zip${query}`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body })

type Report = {
  rendered: number
  failed: number
  encoding?: string
  results: { row: number; status: string; error?: { code: string; message: string; field?: string } }[]
}

describe('encodings', () => {
  it('reads a GB18030 CSV (Excel on Chinese Windows) as such, says so, and draws no U+FFFD', async () => {
    const bytes: Uint8Array<ArrayBuffer> = new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(GB18030)))
    const { text, encoding } = decodeText(bytes)
    expect(encoding).toBe('gb18030')
    expect(text).toContain('ᠪᠠᠲᠤ,巴图')
    expect(text).not.toContain('\uFFFD')
    const rows = await rowsOfFile(GB18030)
    expect(rows.map((r) => r.fields.name_zh)).toEqual(['巴图', '书记员'])
    const res = await batch(bytes)
    const report = (await res.json()) as Report
    expect([report.rendered, report.failed, report.encoding]).toEqual([2, 0, 'gb18030'])
  })

  it('takes UTF-8 with and without a BOM, and UTF-16 with one', () => {
    const csv = 'name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n'
    expect(decodeText(new TextEncoder().encode(csv))).toEqual({ text: csv, encoding: 'utf-8' })
    expect(decodeText(new TextEncoder().encode('\uFEFF' + csv)).text).toBe(csv)
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...csv].flatMap((c) => [...c].map((u) => u.charCodeAt(0)))).buffer)])
    expect(decodeText(utf16)).toEqual({ text: csv, encoding: 'utf-16le' })
  })

  it('makes a row holding U+FFFD a bad row rather than drawing the diamond', () => {
    const rows = rowsFromCsv('name_mn,name_zh\nᠪᠠᠲᠤ,巴\uFFFD图\n')
    expect(rows[0]!.problem!.message).toMatch(/U\+FFFD/)
  })
})

describe('rows that would be misread', () => {
  it('reports a row with an unquoted comma (one cell too many) as bad instead of shifting its fields', async () => {
    const csv = 'name_mn,name_zh,title_mn,title_zh\nᠪᠠᠲᠤ,巴,图,ᠪᠠᠭᠰᠢ,教师\nᠨᠣᠮ,书,ᠪᠠᠭᠰᠢ,教师\n'
    const report = (await (await batch(csv)).json()) as Report
    expect([report.rendered, report.failed]).toEqual([1, 1])
    expect(report.results[0]).toMatchObject({
      row: 2,
      status: 'failed',
      error: { code: 'invalid_row', message: expect.stringMatching(/5 cells .* 4 columns/) },
    })
  })

  it('reports a _mn field without Mongolian letters (a control alone, or Chinese) as a finding on its row', async () => {
    const csv = 'name_mn,name_zh\n\u180B,巴图\n巴图,ᠪᠠᠲᠤ\nᠪᠠᠲᠤ,巴图\n'
    const report = (await (await batch(csv)).json()) as Report
    expect(report.results.map((r) => [r.row, r.status, r.error?.field])).toEqual([
      [2, 'failed', 'name_mn'],
      [3, 'failed', 'name_mn'],
      [4, 'ok', undefined],
    ])
  })

  it('names the columns it saw and suggests --map when the header matches no required field', async () => {
    const res = await batch('姓名,蒙古名\n巴图,ᠪᠠᠲᠤ\n')
    expect(res.status).toBe(422)
    const err = ((await res.json()) as { error: { code: string; details: { columns: string[]; missing: string[] } } }).error
    expect(err.code).toBe('unknown_columns')
    expect(err.details.columns).toEqual(['姓名', '蒙古名'])
    expect(err.details.missing).toEqual(['name_mn', 'name_zh'])
    const file = join(dir, 'names.csv')
    writeFileSync(file, '姓名,蒙古名\n巴图,ᠪᠠᠲᠤ\n')
    const cli = qoyar(['batch', 'desk-card', file, '-o', join(dir, 'names.pdf'), '--threads', '0', '-q'])
    expect(cli.status).toBe(2)
    expect(cli.stderr).toMatch(/"姓名", "蒙古名".*--map 姓名=name_mn,蒙古名=name_zh/)
    expect(existsSync(join(dir, 'names.pdf.part'))).toBe(false)
  })

  it('xlsx: an error cell is a bad row, and a first sheet of instructions is passed over', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').addRow(['请在第二个工作表填写'])
    const ws = wb.addWorksheet('名单')
    ws.addRow(['name_mn', 'name_zh'])
    ws.addRow(['ᠪᠠᠲᠤ', { error: '#N/A' }])
    ws.addRow(['ᠨᠣᠮ', '书'])
    const file = join(dir, 'sheets.xlsx')
    await wb.xlsx.writeFile(file)
    const rows = await rowsOfFile(file)
    expect(rows.map((r) => [r.row, r.fields.name_zh ?? null, r.problem?.message ?? null])).toEqual([
      [2, null, '"name_zh" is an Excel error (#N/A)'],
      [3, '书', null],
    ])
  })

  it('exits 2 for an unterminated CSV quote (was an uncaught error, exit 1), leaving no .part', () => {
    const file = join(dir, 'quote.csv')
    writeFileSync(file, 'name_mn,name_zh\n"ᠪᠠᠲᠤ,巴图\n')
    const r = qoyar(['batch', 'desk-card', file, '-o', join(dir, 'quote.pdf'), '--threads', '0', '-q'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/CSV could not be read/)
    expect(readdirSync(dir).filter((f) => f.startsWith('quote.pdf'))).toEqual([])
  })
})

describe('the CLI outside the repository', () => {
  it('runs a batch on worker threads from another directory (tsx resolved from its own install)', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'qoyar-elsewhere-'))
    copyFileSync(GB18030, join(elsewhere, 'rows.csv'))
    const r = qoyar(['batch', 'desk-card', 'rows.csv', '-o', 'cards.zip', '--format', 'svg', '--threads', '1', '-q'], elsewhere)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(readdirSync(elsewhere).sort()).toEqual(['cards.zip', 'rows.csv'])
  })

  let child: ChildProcess | undefined
  // A failed assertion below must not leave a batch of 400 PDF pages running.
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    child = undefined
  })

  it('removes its .part file when stopped with SIGTERM', async () => {
    const file = join(dir, 'long.csv')
    writeFileSync(file, 'name_mn,name_zh\n' + 'ᠪᠠᠲᠤ,巴图\n'.repeat(400))
    const out = join(dir, 'long.pdf')
    const running = (child = startQoyar(['batch', 'desk-card', file, '-o', out, '--threads', '0', '-q'], dir))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => running.once('exit', (_code, signal) => resolve(signal)))
    const deadline = Date.now() + 30_000
    while (!existsSync(`${out}.part`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(`${out}.part`)).toBe(true)
    running.kill('SIGTERM')
    expect(await exited).toBe('SIGTERM')
    expect(existsSync(`${out}.part`)).toBe(false)
    expect(existsSync(out)).toBe(false)
  })
})
