/** Downloads, the shareable GET link, and the design in the page URL's hash (so reloads and the language switch keep it). */
import { apiError, call, qs, type Pairs } from './api.js'
import { byId, h } from './dom.js'
import { OTHER_LANG, t } from './strings.js'
import { designParams, request, state, usesPost } from './state.js'

export function pdfParams(): Pairs {
  const out: Pairs = []
  const bleed = Number(byId<HTMLInputElement>('pdf-bleed').value)
  if (bleed > 0) out.push(['bleed', String(bleed)])
  if (byId<HTMLInputElement>('pdf-marks').checked) out.push(['marks', 'true'])
  const sheet = byId<HTMLSelectElement>('pdf-sheet').value
  if (sheet) out.push(['sheet', sheet])
  return out
}

const renderPath = (format: string) => `/v1/render/${encodeURIComponent(state.template)}.${format}`
const renderUrl = (format: string, pairs: Pairs) => renderPath(format) + (pairs.length ? `?${qs(pairs)}` : '')

export const hashString = (): string => qs([['template', state.template] as [string, string]].concat(designParams()))
export function writeHash(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#${hashString()}`)
}

export function syncLinks(): void {
  const pairs = designParams()
  for (const f of ['svg', 'png', 'pdf']) {
    const a = byId<HTMLAnchorElement>(`dl-${f}`)
    a.href = renderUrl(f, f === 'pdf' ? pairs.concat(pdfParams()) : pairs)
    a.setAttribute('download', `${state.template}.${f}`)
  }
  const format = byId<HTMLSelectElement>('link-format').value
  byId<HTMLInputElement>('link-text').value = location.origin + renderUrl(format, format === 'pdf' ? pairs.concat(pdfParams()) : pairs)
  byId('link-status').textContent = usesPost() ? t('link.noImages') : ''
  byId<HTMLAnchorElement>('lang-switch').href = `?lang=${OTHER_LANG}#${hashString()}`
}

/** Saves a response body under a file name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = h('a', { href: url, download: name, hidden: true })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** With pictures, a download is a POST: fetched here and saved from a blob. */
export async function postDownload(format: string): Promise<void> {
  const st = byId('download-status')
  st.textContent = t('download.working', { format: format.toUpperCase() })
  const pairs = format === 'pdf' ? designParams().concat(pdfParams()) : designParams()
  try {
    const res = await call(renderPath(format), request(pairs))
    if (!res.ok) throw await apiError(res)
    saveBlob(await res.blob(), `${state.template}.${format}`)
    st.textContent = ''
  } catch (e) {
    st.textContent = t('download.failed', { message: e instanceof Error ? e.message : String(e) })
  }
}

export async function copyLink(): Promise<void> {
  const field = byId<HTMLInputElement>('link-text')
  const st = byId('link-status')
  try {
    if (!window.isSecureContext) throw new Error('no clipboard')
    await navigator.clipboard.writeText(field.value)
    st.textContent = t('link.copied') + (usesPost() ? ` ${t('link.noImages')}` : '')
  } catch {
    field.focus()
    field.select()
    st.textContent = t('link.copyFailed')
  }
}
