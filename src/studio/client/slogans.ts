/** The slogan catalogue: pick one, see each language's text and review status, fill its variables. */
import type { SloganEntry } from './api.js'
import { byId, h, valueOf } from './dom.js'
import { labelFor } from './form.js'
import { enumSep, HTML_LANG, langOfText, LANG, scriptName, t } from './strings.js'
import { catalogue, changed, currentSlogan, hints, state, tpl } from './state.js'

type Lang = keyof SloganEntry['texts']
type Status = 'missing' | 'reviewed' | 'unreviewed'

function sloganStatus(s: SloganEntry, lang: Lang): Status {
  if (!s.texts[lang]) return 'missing'
  return s.reviewed[lang] ? 'reviewed' : 'unreviewed'
}

function optionLabel(s: SloganEntry, langs: Lang[]): string {
  const text = LANG === 'en' ? (s.texts.en ?? s.texts.zh ?? s.key) : (s.texts.zh ?? s.key)
  const missing = langs.filter((l) => sloganStatus(s, l) === 'missing').map(scriptName)
  const unreviewed = langs.filter((l) => sloganStatus(s, l) === 'unreviewed').map(scriptName)
  let label = text
  if (missing.length) label = t('slogan.optionMissing', { text: label, langs: missing.join(enumSep()) })
  if (unreviewed.length) label = t('slogan.optionUnreviewed', { text: label, langs: unreviewed.join(enumSep()) })
  return label
}

export function renderSlogan(): void {
  const hf = hints().sloganFields
  const sel = byId<HTMLSelectElement>('slogan')
  const field = sel.closest<HTMLElement>('.field')
  const info = byId('slogan-info')
  info.replaceChildren()
  byId('slogan-vars').replaceChildren()
  if (!hf) {
    if (field) field.hidden = true
    info.append(h('p', { class: 'hint', text: t('slogan.notForTemplate') }))
    return
  }
  if (field) field.hidden = false
  const langs = Object.keys(hf) as Lang[] // sloganFields is keyed by the catalogue's languages
  const kind = tpl().kind
  const list = catalogue.slogans.filter((s) => (s.suits as string[]).includes(kind) || s.key === state.slogan)
  sel.replaceChildren(
    h('option', { value: '', selected: !state.slogan }, t('slogan.none')),
    ...list.map((s) => h('option', { value: s.key, selected: s.key === state.slogan }, optionLabel(s, langs))),
  )
  renderSloganInfo()
}

export function renderSloganInfo(): void {
  const info = byId('slogan-info')
  const vars = byId('slogan-vars')
  info.replaceChildren()
  vars.replaceChildren()
  const s = currentSlogan()
  const hf = hints().sloganFields
  if (!s || !hf) return
  const dl = h('dl')
  const langs = (['mn', 'zh', 'en'] as const).filter((l) => s.texts[l] || s.missing.includes(l))
  for (const l of langs) {
    const st = sloganStatus(s, l)
    const dd = h('dd', { 'data-lang': l, 'data-status': st })
    const text = s.texts[l]
    if (text) dd.append(h('span', { lang: HTML_LANG[l] ?? l, class: l === 'mn' ? 'mongol' : null, text }), ' ')
    dd.append(h('span', { class: `status-${st}`, text: `[${t(`slogan.${st}`)}]` }))
    const source = s.source[l]
    if (source) dd.append(h('span', { class: 'hint', lang: langOfText(source), text: t('slogan.source', { source }) }))
    // The office's own text (QOYAR_DATA), with who reviewed it and when.
    if (s.origin[l] === 'office')
      dd.append(
        h('span', {
          class: 'hint',
          'data-origin': 'office',
          text: t(s.reviewer[l] ? 'slogan.officeReviewed' : 'slogan.office', { reviewer: s.reviewer[l] ?? '', date: s.reviewedOn[l] ?? '' }),
        }),
      )
    const note = s.notes[l]
    if (st === 'missing' && note) dd.append(h('span', { class: 'hint', lang: 'en', text: note }))
    dl.append(h('dt', { text: scriptName(l) }), dd)
  }
  info.append(dl)
  for (const [l, fieldName] of Object.entries(hf)) {
    if (s.texts[l as Lang]) continue
    info.append(
      h(
        'div',
        { class: 'notice warn', id: `slogan-missing-${l}`, 'data-missing': l },
        h('strong', { text: t('slogan.missingTitle', { lang: scriptName(l) }) }),
        h('br'),
        t('slogan.missingNote', { field: labelFor(fieldName), lang: scriptName(l) }),
      ),
    )
  }
  for (const name of s.variables) {
    const id = `var-${name}`
    vars.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: id, text: t('slogan.variable', { name }) }, h('span', { class: 'req', text: t('form.required') })),
        h('input', {
          type: 'text',
          id,
          value: state.vars[name] ?? '',
          'aria-required': 'true',
          autocomplete: 'off',
          oninput: (e) => {
            state.vars[name] = valueOf(e)
            changed()
          },
        }),
      ),
    )
  }
}

/** The catalogue fills the languages it has. Text typed before belongs to another design, so it is never kept as this slogan's translation. */
export function pickSlogan(key: string): void {
  state.slogan = key
  const hf = hints().sloganFields ?? {}
  if (currentSlogan()) for (const fieldName of Object.values(hf)) state.values[fieldName] = ''
  renderSloganInfo()
}

export function translationText(header: string): string {
  return header
    .split(';')
    .map((part) => {
      const [lang = '', status = ''] = part.trim().split('=')
      const word =
        status === 'user-supplied' ? t('slogan.userSupplied') : status === 'office-reviewed' ? t('slogan.officeReviewedShort') : t(`slogan.${status}`)
      return t('slogan.statusLine', { lang: scriptName(lang), status: word })
    })
    .join(LANG === 'zh' ? '；' : '; ')
}
