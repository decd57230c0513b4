/**
 * The live preview: debounced, one request in flight (the newer one aborts the
 * older), the SVG render and the check fetched side by side. When a render
 * fails, the last good preview stays, faded, with the error above it.
 */
import { apiError, call, isAbort, qs, type CheckResponse } from './api.js'
import { byId } from './dom.js'
import { renderReport, renderReportError } from './report.js'
import { translationText } from './slogans.js'
import { loc, t } from './strings.js'
import { designParams, imagesSig, request, state, tpl, usesPost } from './state.js'
import { tuneLayout } from './tune.js'
import { marks, setLayout } from './view.js'

const DEBOUNCE_MS = 250
const MAX_WAIT_MS = 1000

let timer: ReturnType<typeof setTimeout> | undefined
let firstPending = 0
let controller: AbortController | null = null
let lastSig = ''
let seq = 0
let objectUrl = ''

/** Debounced, but never more than MAX_WAIT_MS behind someone who keeps typing. */
export function schedule(): void {
  clearTimeout(timer)
  const now = Date.now()
  if (!firstPending) firstPending = now
  const wait = now - firstPending >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS
  timer = setTimeout(() => {
    firstPending = 0
    void update()
  }, wait)
}

const setStatus = (text: string) => void (byId('status').textContent = text)
function showError(text: string): void {
  const e = byId('error')
  e.textContent = text
  e.hidden = !text
}

type Checked = { ok: true; report: CheckResponse } | { ok: false; error: unknown }
type Rendered = { ok: true; res: Response; blob: Blob } | { ok: false; error: unknown }

async function update(): Promise<void> {
  const pairs = designParams()
  const id = state.template
  const sig = `${id}?${qs(pairs)}${usesPost() ? `&images=${imagesSig()}` : ''}`
  if (sig === lastSig) return
  controller?.abort()
  const ctl = new AbortController()
  controller = ctl
  const figure = byId('preview')
  const img = byId<HTMLImageElement>('preview-img')
  figure.dataset.state = 'loading'
  figure.setAttribute('aria-busy', 'true')
  // Shown, not announced: a screen reader hears when the preview is ready or fails, not every keystroke's request.
  byId('busy').hidden = false
  const req = request(pairs)
  const checking: Promise<Checked> = call(`/v1/check/${encodeURIComponent(id)}`, req, ctl.signal)
    .then(async (r): Promise<Checked> => (r.ok ? { ok: true, report: (await r.json()) as CheckResponse } : { ok: false, error: await apiError(r) })) // the check route's JSON
    .catch((error: unknown) => ({ ok: false, error }))
  let rendered: Rendered
  try {
    const res = await call(`/v1/render/${encodeURIComponent(id)}.svg`, req, ctl.signal)
    if (!res.ok) throw await apiError(res)
    rendered = { ok: true, res, blob: await res.blob() }
  } catch (error) {
    rendered = { ok: false, error }
  }
  const checked = await checking
  if (ctl !== controller || ctl.signal.aborted) return
  controller = null
  lastSig = sig
  figure.removeAttribute('aria-busy')
  byId('busy').hidden = true
  if (!rendered.ok) {
    const e = rendered.error
    if (isAbort(e)) return
    showError(t('preview.error', { message: e instanceof Error ? e.message : String(e) }) + (img.hidden ? '' : ` ${t('preview.stale')}`))
    figure.dataset.state = 'error'
    figure.dataset.errorCode = (e as { code?: string }).code ?? '' // an ApiError, or a network error without a code
    setStatus('')
  } else {
    const { res, blob } = rendered
    const url = URL.createObjectURL(blob)
    const old = objectUrl
    objectUrl = url
    img.src = url
    try {
      await img.decode()
    } catch {
      // shown anyway
    }
    if (old) URL.revokeObjectURL(old)
    img.hidden = false
    byId('preview-empty').hidden = true
    img.alt = t('preview.alt', { template: loc(tpl().title) })
    const size = (res.headers.get('X-Qoyar-Size') ?? '').split('x')
    byId('preview-size').textContent =
      size.length === 2
        ? t('preview.size', { w: size[0], h: size[1], dpi: res.headers.get('X-Qoyar-Dpi') ?? '' }) + (usesPost() ? ` ${t('preview.post')}` : '')
        : ''
    const tr = res.headers.get('X-Qoyar-Translation')
    byId('translation').textContent = tr ? t('slogan.translation', { list: translationText(tr) }) : ''
    showError('')
    figure.dataset.state = 'ok'
    figure.dataset.errorCode = ''
    figure.dataset.etag = res.headers.get('ETag') ?? ''
    figure.dataset.template = id
    figure.dataset.size = res.headers.get('X-Qoyar-Size') ?? ''
    // The overlays belong to the image shown: take the check's layout only with its render.
    setLayout(checked.ok ? checked.report.design : undefined)
    tuneLayout(checked.ok ? checked.report.design : undefined)
    figure.dataset.seq = String(++seq)
    setStatus(t('preview.updated'))
  }
  if (checked.ok) renderReport(checked.report, marks)
  else if (!isAbort(checked.error)) renderReportError(checked.error, marks)
}
