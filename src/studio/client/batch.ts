/**
 * Batch in the browser: a CSV or XLSX file becomes signs through the batch
 * API (POST /v1/batch/{template}.{pdf|zip}).
 *
 * The file itself goes to the API: the server reads CSV with its encoding
 * detection (GBK from Excel included) and numbers rows as the spreadsheet
 * does, so the rows it reports are the rows the user sees. The browser parses
 * only what the form needs before that: the header (to map columns to
 * fields) and the first rows (to preview them), with the server's own CSV
 * reader (src/bulk/rows.ts, csv-parse's browser build). An .xlsx is turned
 * into CSV first (xlsx.ts), one record per sheet row, and sent as CSV.
 * The design in the form gives every row its other fields (size, colours,
 * layout), as query defaults; with an emblem or pictures (data: URIs, too long
 * for a URL) the request is a form instead: the rows as its `rows` part and the
 * design file (keep.ts, what the studio exports) as its `design` part.
 */
import type { BatchReport } from '../../bulk/sinks.js'
import { rowsFromCsv, type Row } from '../../bulk/rows.js'
import { PRINT_KEYS } from '../../render/request-keys.js'
import { apiError, call, isAbort, qs, type Pairs } from './api.js'
import { byId, h } from './dom.js'
import { labelFor } from './form.js'
import { saveBlob, pdfParams } from './links.js'
import { colon, LANG, langOfText, loc, t } from './strings.js'
import { designParams, imagesSig, props, request, state, tpl, usesPost } from './state.js'
import { currentDesign } from './keep.js'
import { isXlsx, xlsxToCsv } from './xlsx.js'
import { pdfPages, zipEntries } from './arrivals.js'
import { printPlan, type PrintPlan } from '../../render/print-plan.js'
import type { SheetSize } from '../../render/print.js'
import { LAYOUT_EVENT, shownCanvas } from './view.js'

const PREVIEW_ROWS = 3
const RECHECK_MS = 1500
const IGNORE = ''

interface Sheet {
  name: string
  /** What goes to the API: the file's own bytes (CSV), or the CSV made from an .xlsx. */
  body: Uint8Array<ArrayBuffer>
  text: string
  columns: string[]
  /** Column → field, as the user has it. */
  map: Record<string, string>
  /** Rows the file has (blank lines not counted), before any check. */
  rows: number
}

let sheet: Sheet | undefined
let controller: AbortController | null = null
/** The last check's report, and what it answered (the design and the map it was made with: checkSig). */
let checked: { sig: string; report: BatchReport } | undefined

/** A CSV file's text for the preview: UTF-8 if it is, else GB 18030 (what Excel writes on a Chinese Windows). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** The field a column most likely fills: its own name, its label in either language, or script and role words. */
export function guessField(column: string, fields: string[], samples: string[] = []): string {
  const c = column.trim().toLowerCase()
  const exact = fields.find((f) => f.toLowerCase() === c || labelFor(f).toLowerCase() === c)
  if (exact) return exact
  // The header's words say the language; else the column's first cells do (Mongolian letters, or Han characters).
  const text = samples.join('')
  const lang = /蒙|mongol|_mn$|\bmn\b/.test(c)
    ? 'mn'
    : /汉|中文|chinese|_zh$|\bzh\b/.test(c)
      ? 'zh'
      : /[\u1820-\u18aa]/.test(text)
        ? 'mn'
        : /[\u3400-\u9fff]/.test(text)
          ? 'zh'
          : ''
  // Header words by role, in Chinese, English and Mongolian (ᠨᠡᠷ᠎ᠡ name, ᠲᠤᠰᠢᠶᠠᠯ post, ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ organisation,
  // ᠤᠷᠢᠶᠠᠯᠭ᠎ᠠ slogan: word stems to guess from, not reviewed translations; the map stays editable).
  const roles: [RegExp, string][] = [
    [/名|name|ᠨᠡᠷ/, 'name'],
    [/职|title|position|ᠲᠤᠰᠢᠶᠠᠯ/, 'title'],
    [/单位|org|organi|ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ/, 'org'],
    [/标语|slogan|ᠤᠷᠢᠶᠠᠯᠭ/, 'slogan'],
  ]
  const role = roles.find(([re]) => re.test(c))?.[1]
  const candidates = fields.filter((f) => (!role || f.startsWith(role)) && (!lang || f.endsWith(`_${lang}`)))
  return role || lang ? (candidates[0] ?? IGNORE) : IGNORE
}

/** Each column's field, guessed from its header and its first cells; a field is taken by one column at most. */
function guessMap(columns: string[], rows: Row[], fields: string[]): Record<string, string> {
  const taken = new Set<string>()
  return Object.fromEntries(
    columns.map((c) => {
      const samples = rows.slice(0, 5).map((r) => r.fields[c] ?? '')
      const field = guessField(
        c,
        fields.filter((f) => !taken.has(f)),
        samples,
      )
      if (field) taken.add(field)
      return [c, field]
    }),
  )
}

const mapParam = (map: Record<string, string>) =>
  Object.entries(map)
    .filter(([col, field]) => field && col !== field)
    .map(([col, field]) => `${col}=${field}`)
    .join(',')

/** The design's fields that no column fills: every row gets them. */
function defaults(map: Record<string, string>): Pairs {
  const filled = new Set(Object.values(map).filter(Boolean))
  const print = new Set<string>(PRINT_KEYS)
  return designParams().filter(([k]) => !filled.has(k) && !print.has(k))
}

/** With an emblem or pictures the design goes as the form's `design` part, not in the query. */
const designInForm = (): boolean => usesPost()

function batchUrl(kind: string, s: Sheet, extra: Pairs): string {
  const map = mapParam(s.map)
  const pairs: Pairs = [...(designInForm() ? [] : defaults(s.map)), ...(map ? ([['map', map]] as Pairs) : []), ...extra, ['lang', LANG]]
  return `/v1/batch/${encodeURIComponent(state.template)}.${kind}?${qs(pairs)}`
}

/** What a check answered: its URL, and the design when the design goes in the form rather than in the URL. */
const checkSig = (s: Sheet): string => batchUrl('pdf', s, []) + (designInForm() ? `#${qs(designParams())}&${imagesSig()}` : '')

/** The rows (and, with pictures, the design) to the batch API: the CSV body, or a form of rows and design (src/http/batch-body.ts). */
function post(url: string, s: Sheet, accept: string, signal?: AbortSignal): Promise<Response> {
  if (!designInForm()) return fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/csv', Accept: accept }, body: s.body, signal: signal ?? null })
  const form = new FormData()
  form.append('rows', new Blob([s.body], { type: 'text/csv' }), s.name.replace(/\.xlsx$/i, '.csv'))
  form.append('design', new Blob([JSON.stringify(currentDesign())], { type: 'application/json' }), `${state.template}.qoyar.json`)
  // The browser writes the form's Content-Type, with its boundary.
  return fetch(url, { method: 'POST', headers: { Accept: accept }, body: form, signal: signal ?? null })
}

export async function readFile(file: File): Promise<void> {
  const st = byId('batch-status')
  const bytes = new Uint8Array(await file.arrayBuffer())
  try {
    const xlsx = isXlsx(bytes)
    const text = xlsx ? xlsxToCsv(bytes) : decode(bytes)
    const rows = rowsFromCsv(text)
    const columns = [...(rows.find((r) => r.columns)?.columns ?? [])]
    const fields = Object.keys(props())
    const map = guessMap(columns, rows, fields)
    lastTemplate = state.template
    sheet = { name: file.name, body: xlsx ? new TextEncoder().encode(text) : bytes, text, columns, map, rows: rows.length }
    st.textContent = t('batch.read', { name: file.name, rows: rows.length })
    // The last file's progress says nothing about this one.
    byId<HTMLProgressElement>('batch-progress').hidden = true
    renderMap()
    showPlan()
    await check()
  } catch (e) {
    sheet = undefined
    showPlan()
    st.textContent = t('batch.unreadable', { name: file.name, message: e instanceof Error ? e.message : String(e) })
    byId('batch-map').replaceChildren()
    byId('batch-rows').replaceChildren()
  }
}

function renderMap(): void {
  const s = sheet
  if (!s) return
  const fields = Object.keys(props()).filter((f) => props()[f]?.type !== 'array')
  const rows = s.columns.map((col, i) => {
    const id = `batch-col-${i}`
    const select = h(
      'select',
      { id, 'data-column': col },
      h('option', { value: IGNORE, text: t('batch.ignore') }),
      fields.map((f) => h('option', { value: f, selected: s.map[col] === f, text: `${labelFor(f)} (${f})` })),
    )
    select.addEventListener('change', () => {
      s.map[col] = select.value
      void check()
    })
    // A header in Mongolian (ᠨᠡᠷ᠎ᠡ) is drawn in the studio's Mongolian font, never as boxes.
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('label', { for: id, lang: col ? langOfText(col) : null, text: col || t('batch.noName') })),
      h('td', {}, select),
    )
  })
  byId('batch-map').replaceChildren(
    h(
      'table',
      { class: 'batch-map' },
      h('thead', {}, h('tr', {}, h('th', { text: t('batch.column') }), h('th', { text: t('batch.field') }))),
      h('tbody', {}, rows),
    ),
  )
}

/** Checks every row through the API (Accept: application/json renders nothing to keep), lists the bad ones, previews the first. */
async function check(): Promise<void> {
  const s = sheet
  if (!s) return
  controller?.abort()
  const ctl = new AbortController()
  controller = ctl
  const box = byId('batch')
  box.dataset.state = 'checking'
  const rows = rowsFromCsv(s.text, Object.fromEntries(Object.entries(s.map).filter(([c, f]) => f && c !== f)))
  checked = undefined
  try {
    const sig = checkSig(s)
    const res = await post(batchUrl('pdf', s, []), s, 'application/json', ctl.signal)
    if (!res.ok) throw await apiError(res)
    const report = (await res.json()) as BatchReport // the batch route's JSON report
    if (ctl.signal.aborted) return
    checked = { sig, report }
    renderRows(report, rows, ctl.signal)
    showPlan()
    box.dataset.state = 'checked'
    box.dataset.rows = String(report.rows)
    box.dataset.failed = String(report.failed)
  } catch (e) {
    if (isAbort(e)) return
    box.dataset.state = 'error'
    byId('batch-status').textContent = t('batch.failed', { message: e instanceof Error ? e.message : String(e) })
    byId('batch-rows').replaceChildren()
    byId('batch-bad').replaceChildren()
  }
}

function renderRows(report: BatchReport, rows: Row[], signal: AbortSignal): void {
  byId('batch-status').textContent = report.failed
    ? t('batch.summaryBad', { rows: report.rows, ok: report.rendered, failed: report.failed })
    : t('batch.summaryOk', { rows: report.rows })
  const bad = report.results.filter((r) => r.status === 'failed')
  byId('batch-bad').replaceChildren(
    ...bad.map((r) =>
      h(
        'li',
        { 'data-row': r.row, 'data-code': r.error?.code ?? '' },
        h('strong', { text: t('batch.row', { row: r.row }) }),
        colon(),
        r.error?.field ? `${labelFor(r.error.field)}: ` : '',
        r.error?.message ?? '',
      ),
    ),
  )
  const first = report.results.slice(0, PREVIEW_ROWS)
  byId('batch-rows').replaceChildren(
    ...first.map((r) => {
      const row = rows.find((x) => x.row === r.row)
      const findings = r.text?.fields.reduce((n, f) => n + f.findings.length, 0) ?? 0
      const verdict =
        r.status === 'failed'
          ? `✗ ${r.error?.message ?? ''}`
          : `${r.compliance?.pass ? `✓ ${t('report.pass')}` : `✗ ${t('report.fail')}: ${r.compliance?.failed.join(', ') ?? ''}`}${findings ? ` · ${t('batch.findings', { count: findings })}` : ''}`
      const thumb = h('span', { class: 'thumb' })
      const li = h(
        'li',
        { 'data-row': r.row, 'data-status': r.status, 'data-pass': String(r.compliance?.pass ?? '') },
        thumb,
        h('span', { class: 'row-no', text: t('batch.row', { row: r.row }) }),
        h('span', { class: 'row-verdict', text: verdict }),
      )
      if (row && r.status === 'ok') void thumbOf(row, thumb, signal)
      return li
    }),
  )
}

/** A row's sign, as the design with the row's fields over it. */
async function thumbOf(row: Row, into: HTMLElement, signal: AbortSignal): Promise<void> {
  const pairs: Pairs = [...designParams().filter(([k]) => row.fields[k] === undefined), ...Object.entries(row.fields)]
  try {
    // With the design's emblem and pictures, as the batch renders the row.
    const res = await call(`/v1/render/${encodeURIComponent(state.template)}.svg`, request(pairs), signal)
    if (!res.ok) return
    const url = URL.createObjectURL(await res.blob())
    into.append(h('img', { src: url, alt: '' }))
  } catch {
    // a missing thumbnail says nothing the verdict does not
  }
}

/**
 * Rows done, from the signs arrived: the k-th sign is the k-th row that
 * renders (the check's report says which those are), and the rows that
 * cannot render before it are done too. Without a report that matches the
 * design and the map, only the signs can be counted.
 */
function rowsDoneBy(s: Sheet): ((signs: number) => number) | undefined {
  if (!checked || checked.sig !== checkSig(s)) return undefined
  const results = checked.report.results
  const ok = results.flatMap((r, i) => (r.status === 'ok' ? [i] : []))
  return (signs) => (signs >= ok.length ? results.length : signs > 0 ? ok[signs - 1]! + 1 : 0)
}

/** The PDF options as the batch sends them (links.ts pdfParams), read as the API's print layout takes them. */
function printChoice(): { bleed: number; marks: boolean; sheet?: SheetSize } {
  const sent = new Map(pdfParams())
  const bleed = Number(sent.get('bleed') ?? 0)
  const sheet = sent.get('sheet')
  return {
    bleed: Number.isFinite(bleed) && bleed > 0 ? bleed : 0,
    marks: sent.get('marks') === 'true',
    ...(sheet === 'a4' || sheet === 'a3' ? { sheet } : {}),
  }
}

/**
 * How the PDF will come out, from the print layout the API's PDF sink uses (render/print-plan.ts): every
 * row has the size of the sign the preview shows. The signs are the rows that render once the check has
 * answered for this design and map, else every row of the file.
 */
function planOf(s: Sheet): { plan: PrintPlan; checked: boolean } | undefined {
  const canvas = shownCanvas()
  if (!canvas) return undefined
  const report = checked && checked.sig === checkSig(s) ? checked.report : undefined
  const signs = report ? report.rendered : s.rows
  return { plan: printPlan(signs, canvas, printChoice(), report?.failed ?? 0), checked: !!report }
}

const mm = (v: number) => String(Math.round(v * 10) / 10)

/** The line beside the button: "30 signs → 30 pages, 200×200 mm, 1 per sheet", or the ZIP's files. */
function showPlan(): void {
  const el = byId('batch-plan')
  const s = sheet
  const planned = s && planOf(s)
  if (!s || !planned) {
    el.textContent = ''
    for (const k of ['pages', 'perSheet', 'page', 'signs']) delete el.dataset[k]
    return
  }
  const { plan } = planned
  const choice = byId<HTMLSelectElement>('batch-format').value
  const signs = t('batch.planSigns', { count: plan.signs })
  const failed = checked?.report.failed ?? 0
  let text: string
  if (choice !== 'pdf') text = t('batch.planZip', { signs, count: plan.signs, format: choice.replace('zip-', '').toUpperCase() })
  else {
    const size = { width: mm(plan.page.width), height: mm(plan.page.height) }
    text = plan.sheet
      ? t('batch.planImposed', { signs, sheets: t('batch.planSheets', { count: plan.pages }), sheet: plan.sheet.toUpperCase(), per: plan.perSheet, ...size })
      : t('batch.planSingle', { signs, pages: t('batch.planPages', { count: plan.pages }), ...size })
    if (plan.reportPage && planned.checked) text += t('batch.planReport', { count: failed })
  }
  el.textContent = text + (planned.checked ? '' : t('batch.planPending'))
  el.dataset.signs = String(plan.signs)
  el.dataset.pages = String(choice === 'pdf' ? plan.pages + (plan.reportPage && planned.checked ? 1 : 0) : 0)
  el.dataset.perSheet = String(plan.perSheet)
  el.dataset.page = `${mm(plan.page.width)}x${mm(plan.page.height)}`
  el.dataset.checked = String(planned.checked)
}

/**
 * Makes the PDF or ZIP, streamed. Progress is rows done of all rows,
 * counted from the file itself as it arrives (arrivals.ts): the ZIP's files,
 * or the PDF's pages; a page or a file is written only once its sign is.
 */
async function make(): Promise<void> {
  const s = sheet
  const st = byId('batch-status')
  if (!s) {
    st.textContent = t('batch.noFile')
    return
  }
  const choice = byId<HTMLSelectElement>('batch-format').value
  const kind = choice === 'pdf' ? 'pdf' : 'zip'
  const extra: Pairs = kind === 'zip' ? [['format', choice.replace('zip-', '')]] : []
  for (const [k, v] of pdfParams()) extra.push([k, v])
  const progress = byId<HTMLProgressElement>('batch-progress')
  progress.hidden = false
  progress.removeAttribute('value')
  const box = byId('batch')
  box.dataset.state = 'making'
  const rowsDone = rowsDoneBy(s)
  const perPage = kind === 'pdf' ? (planOf(s)?.plan.perSheet ?? 1) : 1
  try {
    const res = await post(batchUrl(kind, s, extra), s, kind === 'pdf' ? 'application/pdf' : 'application/zip')
    if (!res.ok || !res.body) throw await apiError(res)
    const rows = Number(res.headers.get('X-Qoyar-Rows') ?? 0)
    const ok = checked?.report.rendered ?? rows
    const chunks: Uint8Array[] = []
    let received = 0
    let signs = 0
    const zip = kind === 'zip' ? zipEntries() : undefined
    const pdf = kind === 'pdf' ? pdfPages() : undefined
    let pages = 0
    const show = (final: boolean) => {
      const done = final ? rows : rowsDone ? rowsDone(signs) : 0
      progress.max = rows || 1
      if (rowsDone || final) progress.value = done
      box.dataset.done = String(done)
      box.dataset.signs = String(signs)
      const kb = Math.round(received / 1024)
      st.textContent = rowsDone || final ? t('batch.progress', { done, rows, signs, kb }) : t('batch.receiving', { signs, rows, kb })
    }
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      if (zip) signs += zip.feed(value).filter((n) => n !== 'report.json').length
      if (pdf) {
        pages += pdf.feed(value)
        // Past the signs' pages comes the API's page listing the bad rows.
        signs = Math.min(ok, pages * perPage)
      }
      show(false)
    }
    show(true)
    saveBlob(new Blob(chunks as BlobPart[], { type: res.headers.get('Content-Type') ?? '' }), `${state.template}.${kind}`) // chunks are the response's bytes
    st.textContent = t('batch.done', { kb: Math.round(received / 1024), rows, signs, name: loc(tpl().title) })
    box.dataset.state = 'done'
  } catch (e) {
    st.textContent = t('batch.failed', { message: e instanceof Error ? e.message : String(e) })
    box.dataset.state = 'error'
    progress.hidden = true
  }
}

export function wireBatch(): void {
  const input = byId<HTMLInputElement>('batch-file')
  input.addEventListener('change', () => {
    const file = input.files?.[0]
    if (file) void readFile(file)
  })
  const drop = byId('batch-drop')
  drop.addEventListener('dragover', (e) => {
    e.preventDefault()
    drop.classList.add('over')
  })
  drop.addEventListener('dragleave', () => drop.classList.remove('over'))
  drop.addEventListener('drop', (e) => {
    e.preventDefault()
    drop.classList.remove('over')
    const file = e.dataTransfer?.files[0]
    if (file) void readFile(file)
  })
  byId('batch-go').addEventListener('click', () => void make())
  for (const id of ['batch-format', 'pdf-bleed', 'pdf-marks', 'pdf-sheet']) byId(id).addEventListener('input', showPlan)
  document.addEventListener(LAYOUT_EVENT, showPlan)
}

let recheck: ReturnType<typeof setTimeout> | undefined
let lastTemplate = ''
/** The design gives every row its other fields: when it changes, the rows are checked again (a while after the last change). */
export function batchDesignChanged(): void {
  if (!sheet) return
  if (state.template !== lastTemplate) {
    lastTemplate = state.template
    const fields = Object.keys(props())
    sheet.map = guessMap(sheet.columns, rowsFromCsv(sheet.text), fields)
    renderMap()
    // The rows were checked against the other template.
    byId('batch-rows').replaceChildren()
    byId('batch-bad').replaceChildren()
    byId('batch').dataset.state = 'pending'
  }
  clearTimeout(recheck)
  recheck = setTimeout(() => void check(), RECHECK_MS)
}
