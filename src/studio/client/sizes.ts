/**
 * Every size at once: a thumbnail of the design at each preset of its
 * template, marked with its compliance (the check's pass) and whether the
 * text fits (a 422 text_does_not_fit from the check). Clicking one makes it
 * the current preset. Fetched after the preview, a while after the last
 * change, the older round cancelled by a newer one.
 */
import { apiError, call, isAbort, qs, type CheckResponse, type Pairs } from './api.js'
import { byId, h } from './dom.js'
import { loc, t } from './strings.js'
import { changed, designParams, imagesSig, request, state, tpl, usesPost } from './state.js'

const DELAY_MS = 900
const SIZE_KEYS = new Set(['preset', 'width', 'height', 'dpi'])

let timer: ReturnType<typeof setTimeout> | undefined
let controller: AbortController | null = null
const urls: string[] = []

let lastSig = ''
const baseParams = () => designParams().filter(([k]) => !SIZE_KEYS.has(k))
const sigOf = () => `${state.template}?${qs(baseParams())}${usesPost() ? `&images=${imagesSig()}` : ''}`

export function scheduleSizes(): void {
  // Picking another size changes no thumbnail: only which one is current.
  if (sigOf() === lastSig) {
    for (const b of byId('sizes').querySelectorAll<HTMLElement>('button.size')) b.setAttribute('aria-pressed', String(b.dataset.preset === state.preset))
    return
  }
  clearTimeout(timer)
  controller?.abort()
  const strip = byId('sizes')
  strip.dataset.state = 'pending'
  // Another template's sizes say nothing about this one: gone at once, not faded.
  if (strip.dataset.template !== state.template) strip.replaceChildren()
  timer = setTimeout(() => void renderSizes(), DELAY_MS)
}

type Verdict = { fits: true; pass: boolean } | { fits: false; code: string }

async function verdictOf(id: string, pairs: Pairs, signal: AbortSignal): Promise<Verdict> {
  const res = await call(`/v1/check/${encodeURIComponent(id)}`, request(pairs), signal)
  if (res.ok) return { fits: true, pass: ((await res.json()) as CheckResponse).pass } // the check route's JSON
  const e = await apiError(res)
  return { fits: false, code: e.code }
}

/** The thumbnail: a GET URL the browser caches, or (with pictures) a POST fetched into a blob. */
async function thumbOf(id: string, pairs: Pairs, signal: AbortSignal): Promise<string> {
  const res = await call(`/v1/render/${encodeURIComponent(id)}.svg`, request(pairs), signal)
  if (!res.ok) throw await apiError(res)
  const url = URL.createObjectURL(await res.blob())
  urls.push(url)
  return url
}

async function renderSizes(): Promise<void> {
  const ctl = new AbortController()
  controller = ctl
  const t0 = tpl()
  const id = t0.id
  const base = baseParams()
  lastSig = sigOf()
  const strip = byId('sizes')
  strip.dataset.state = 'loading'
  for (const u of urls.splice(0)) URL.revokeObjectURL(u)
  const items = t0.presets.map((p) => {
    const button = h(
      'button',
      { type: 'button', class: 'size', 'data-preset': p.id, 'aria-pressed': String(p.id === state.preset), title: loc(p.title) },
      h('span', { class: 'thumb' }),
      h('span', { class: 'size-name', text: loc(p.title) }),
      h('span', { class: 'size-verdict', text: '…' }),
    )
    button.addEventListener('click', () => {
      state.preset = p.id
      for (const k of ['width', 'height', 'dpi']) delete state.extra[k]
      const sel = byId<HTMLSelectElement>('preset')
      sel.value = p.id
      changed()
    })
    return { p, button }
  })
  strip.replaceChildren(...items.map((i) => i.button))
  strip.dataset.template = id
  // One at a time: the server has other work, and the current size's preview is already there.
  for (const { p, button } of items) {
    const pairs: Pairs = [...base, ['preset', p.id]]
    try {
      const verdict = await verdictOf(id, pairs, ctl.signal)
      if (ctl.signal.aborted) return
      const verdictEl = button.querySelector<HTMLElement>('.size-verdict')!
      if (verdict.fits) {
        button.dataset.fits = 'true'
        button.dataset.pass = String(verdict.pass)
        verdictEl.textContent = `${t('sizes.fits')} · ${verdict.pass ? `✓ ${t('report.pass')}` : `✗ ${t('report.fail')}`}`
        const src = await thumbOf(id, pairs, ctl.signal)
        if (ctl.signal.aborted) return
        button.querySelector('.thumb')!.append(h('img', { src, alt: '' }))
      } else {
        button.dataset.fits = 'false'
        button.dataset.pass = ''
        button.dataset.code = verdict.code
        verdictEl.textContent = verdict.code === 'text_does_not_fit' ? `✗ ${t('sizes.doesNotFit')}` : `✗ ${verdict.code}`
      }
    } catch (e) {
      if (isAbort(e) || ctl.signal.aborted) {
        if (lastSig === sigOf()) lastSig = '' // cancelled before it finished: do it again next time
        return
      }
      button.dataset.fits = ''
    }
  }
  strip.dataset.state = 'ok'
  strip.dataset.post = String(usesPost())
}
