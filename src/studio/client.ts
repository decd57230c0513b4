/**
 * The studio's browser script, bundled as a string (served at /studio/studio.js
 * as a plain ES module: no build step, no imports, no libraries). It reads the
 * templates, slogans and rule packs from the API, generates the form from each
 * template's JSON Schema, and keeps a live SVG preview and the compliance
 * report in step with the form.
 *
 * Written without template literals so it can live inside one.
 */
export const STUDIO_JS = /* js */ `
'use strict'
const $ = (id) => document.getElementById(id)
const boot = JSON.parse($('studio-boot').textContent)
const LANG = boot.lang
const STR = boot.strings
const HINTS = boot.hints || {}
const OTHER_LANG = LANG === 'zh' ? 'en' : 'zh'
const HTML_LANG = { zh: 'zh-Hans', en: 'en', mn: 'mn-Mong' }
const SIZE_KEYS = ['width', 'height', 'dpi']
const IGNORED_KEYS = ['lang', 'strict', 'bleed', 'marks', 'sheet', 'copies', 'template']
const DEBOUNCE_MS = 250
const MAX_WAIT_MS = 1000
const MAX_IMAGE_BYTES = 3 * 1024 * 1024

// ---- strings -------------------------------------------------------------
function lookup(key) {
  let v = STR
  for (const part of key.split('.')) v = v && typeof v === 'object' ? v[part] : undefined
  return typeof v === 'string' ? v : undefined
}
function t(key, params) {
  const s = lookup(key)
  if (s === undefined) return key
  return s.replace(/\\{\\{(\\w+)\\}\\}/g, (m, k) => (params && params[k] !== undefined && params[k] !== null ? String(params[k]) : ''))
}
/** A {zh, en} object in the interface language. */
const loc = (o) => (o ? o[LANG] || o.zh || o.en || '' : '')
const scriptName = (code) => lookup('scripts.' + code) || code
const langOfText = (s) => (/[\\u3400-\\u9fff]/.test(s || '') ? 'zh-Hans' : /[\\u1800-\\u18af]/.test(s || '') ? 'mn-Mong' : 'en')

// ---- DOM helper ----------------------------------------------------------
const PROPS = ['value', 'checked', 'indeterminate', 'selected', 'disabled', 'multiple', 'hidden']
function h(tag, attrs, ...children) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue
    if (k === 'text') el.textContent = v
    else if (k === 'class') el.className = v
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v)
    else if (PROPS.includes(k)) el[k] = v
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c))
  return el
}

// ---- state ---------------------------------------------------------------
let TEMPLATES = []
let SLOGANS = []
let RULES = { default: '', packs: [] }
const state = { template: '', preset: '', region: '', slogan: '', values: {}, vars: {}, images: [], extra: {} }

const tpl = () => TEMPLATES.find((x) => x.id === state.template)
const hints = () => HINTS[state.template] || { colors: [], colorDefaults: {} }
const props = () => (tpl() && tpl().fields && tpl().fields.properties) || {}
const isImagesProp = (p) => !!(p && p.type === 'array' && p.items && p.items.properties && p.items.properties.src)
const scriptOf = (name) => (name === 'mn' || /_mn$/.test(name) ? 'mn' : name === 'zh' || /_zh$/.test(name) ? 'zh' : '')
const baseOf = (name) => name.replace(/_(mn|zh)$/, '')
const currentSlogan = () => SLOGANS.find((s) => s.key === state.slogan)
const currentPack = () => RULES.packs.find((p) => p.id === (state.region || RULES.default))
const usesPost = () => state.images.length > 0

function applyParams(entries) {
  for (const [k, v] of entries) {
    if (IGNORED_KEYS.includes(k)) continue
    if (k === 'preset') state.preset = String(v)
    else if (k === 'region') state.region = String(v)
    else if (k === 'slogan') state.slogan = String(v)
    else if (k.startsWith('v.')) state.vars[k.slice(2)] = String(v)
    else if (SIZE_KEYS.includes(k)) state.extra[k] = String(v)
    else if (k === 'images' && Array.isArray(v))
      state.images = v.filter((im) => im && typeof im.src === 'string').map((im, i) => ({ src: im.src, caption_mn: im.caption_mn || '', caption_zh: im.caption_zh || '', name: 'example-' + (i + 1) }))
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') state.values[k] = String(v)
  }
}

/** The design as query parameters (what a GET render URL carries), in schema order. */
function designParams() {
  const out = []
  const p = props()
  for (const name of Object.keys(p)) {
    if (isImagesProp(p[name])) continue
    const v = state.values[name]
    if (v === undefined || v === '') continue
    out.push([name, String(v)])
  }
  if (state.preset) out.push(['preset', state.preset])
  for (const k of SIZE_KEYS) if (state.extra[k]) out.push([k, state.extra[k]])
  if (state.region && state.region !== RULES.default) out.push(['region', state.region])
  const s = currentSlogan()
  if (state.slogan) {
    out.push(['slogan', state.slogan])
    for (const name of s ? s.variables : Object.keys(state.vars)) if (state.vars[name]) out.push(['v.' + name, state.vars[name]])
  }
  return out
}
function pdfParams() {
  const out = []
  const bleed = Number($('pdf-bleed').value)
  if (bleed > 0) out.push(['bleed', String(bleed)])
  if ($('pdf-marks').checked) out.push(['marks', 'true'])
  if ($('pdf-sheet').value) out.push(['sheet', $('pdf-sheet').value])
  return out
}
const qs = (pairs) => new URLSearchParams(pairs).toString()
const renderPath = (format) => '/v1/render/' + encodeURIComponent(state.template) + '.' + format
const renderUrl = (format, pairs) => renderPath(format) + (pairs.length ? '?' + qs(pairs) : '')
function postBody(pairs) {
  const body = Object.fromEntries(pairs)
  body.images = state.images.map((im) => {
    const o = { src: im.src }
    if (im.caption_mn.trim()) o.caption_mn = im.caption_mn
    if (im.caption_zh.trim()) o.caption_zh = im.caption_zh
    return o
  })
  return body
}
/** GET with the design in the query, or POST with it as JSON when pictures are attached. Errors come back in the interface language. */
function call(path, pairs, signal) {
  const lang = [['lang', LANG]]
  if (usesPost())
    return fetch(path + '?' + qs(lang), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(postBody(pairs)), signal })
  return fetch(path + '?' + qs(pairs.concat(lang)), { signal })
}
class ApiError extends Error {
  constructor(message, code, status) {
    super(message)
    this.code = code
    this.status = status
  }
}
async function apiError(res) {
  try {
    const body = await res.json()
    if (body && body.error && body.error.message) return new ApiError(body.error.message, body.error.code, res.status)
  } catch (e) {
    if (e && e.name === 'AbortError') throw e
  }
  return new ApiError('HTTP ' + res.status, 'http_' + res.status, res.status)
}

// ---- hash (the design in the page URL, so the language switch and reloads keep it) ----
const hashString = () => qs([['template', state.template]].concat(designParams()))
function writeHash() {
  history.replaceState(null, '', location.pathname + location.search + '#' + hashString())
}

// ---- design: template, preset, region ---------------------------------------
function renderDesign() {
  const t0 = tpl()
  const tsel = $('template')
  tsel.replaceChildren(...TEMPLATES.map((x) => h('option', { value: x.id, selected: x.id === state.template }, loc(x.title))))
  $('template-desc').textContent = loc(t0.description)
  $('preset').replaceChildren(
    ...t0.presets.map((p) => {
      const title = loc(p.title)
      // Screen presets already name their pixels.
      const label = title.includes(p.widthPx + '×' + p.heightPx) ? title : t('design.presetOption', { title, w: p.widthPx, h: p.heightPx })
      return h('option', { value: p.id, selected: p.id === state.preset }, label)
    }),
  )
  $('region').replaceChildren(
    ...RULES.packs.map((p) =>
      h('option', { value: p.id, selected: p.id === (state.region || RULES.default) }, t(p.status === 'verified' ? 'design.regionOption' : 'design.regionUnverified', { name: loc(p.name) })),
    ),
  )
  renderRegionNote()
}
function renderRegionNote() {
  const p = currentPack()
  $('region-note').textContent = p ? t('design.regionNote', { version: p.version }) + ' ' + t(p.status === 'verified' ? 'design.verified' : 'design.unverified') : ''
}

// ---- slogans ----------------------------------------------------------------
function sloganStatus(s, lang) {
  if (!s.texts[lang]) return 'missing'
  return s.reviewed[lang] ? 'reviewed' : 'unreviewed'
}
function sloganOptionLabel(s, langs) {
  const text = LANG === 'en' ? s.texts.en || s.texts.zh : s.texts.zh
  const missing = langs.filter((l) => sloganStatus(s, l) === 'missing').map(scriptName)
  const unreviewed = langs.filter((l) => sloganStatus(s, l) === 'unreviewed').map(scriptName)
  let label = text
  if (missing.length) label = t('slogan.optionMissing', { text: label, langs: missing.join(LANG === 'zh' ? '、' : ', ') })
  if (unreviewed.length) label = t('slogan.optionUnreviewed', { text: label, langs: unreviewed.join(LANG === 'zh' ? '、' : ', ') })
  return label
}
function renderSlogan() {
  const hf = hints().sloganFields
  const sel = $('slogan')
  const field = sel.closest('.field')
  const info = $('slogan-info')
  info.replaceChildren()
  $('slogan-vars').replaceChildren()
  if (!hf) {
    field.hidden = true
    info.append(h('p', { class: 'hint', text: t('slogan.notForTemplate') }))
    return
  }
  field.hidden = false
  const langs = Object.keys(hf)
  const kind = tpl().kind
  const list = SLOGANS.filter((s) => s.suits.includes(kind) || s.key === state.slogan)
  sel.replaceChildren(
    h('option', { value: '', selected: !state.slogan }, t('slogan.none')),
    ...list.map((s) => h('option', { value: s.key, selected: s.key === state.slogan }, sloganOptionLabel(s, langs))),
  )
  renderSloganInfo()
}
function renderSloganInfo() {
  const info = $('slogan-info')
  const vars = $('slogan-vars')
  info.replaceChildren()
  vars.replaceChildren()
  const s = currentSlogan()
  const hf = hints().sloganFields
  if (!s || !hf) return
  const dl = h('dl')
  const langs = ['mn', 'zh', 'en'].filter((l) => s.texts[l] || s.missing.includes(l))
  for (const l of langs) {
    const st = sloganStatus(s, l)
    const dd = h('dd', { 'data-lang': l, 'data-status': st })
    if (s.texts[l]) dd.append(h('span', { lang: HTML_LANG[l] || l, class: l === 'mn' ? 'mongol' : null, text: s.texts[l] }), ' ')
    dd.append(h('span', { class: 'status-' + st, text: '[' + t('slogan.' + st) + ']' }))
    if (s.source && s.source[l]) dd.append(h('span', { class: 'hint', lang: langOfText(s.source[l]), text: t('slogan.source', { source: s.source[l] }) }))
    // The office's own text (QOYAR_DATA), with who reviewed it and when.
    if (s.origin && s.origin[l] === 'office')
      dd.append(h('span', { class: 'hint', 'data-origin': 'office', text: t(s.reviewer && s.reviewer[l] ? 'slogan.officeReviewed' : 'slogan.office', { reviewer: (s.reviewer || {})[l] || '', date: (s.reviewedOn || {})[l] || '' }) }))
    if (st === 'missing' && s.notes && s.notes[l]) dd.append(h('span', { class: 'hint', lang: 'en', text: s.notes[l] }))
    dl.append(h('dt', { text: scriptName(l) }), dd)
  }
  info.append(dl)
  for (const [l, fieldName] of Object.entries(hf)) {
    if (s.texts[l]) continue
    info.append(
      h(
        'div',
        { class: 'notice warn', id: 'slogan-missing-' + l, 'data-missing': l },
        h('strong', { text: t('slogan.missingTitle', { lang: scriptName(l) }) }),
        h('br'),
        t('slogan.missingNote', { field: labelFor(fieldName), lang: scriptName(l) }),
      ),
    )
  }
  for (const name of s.variables) {
    const id = 'var-' + name
    vars.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: id, text: t('slogan.variable', { name }) }, h('span', { class: 'req', text: t('form.required') })),
        h('input', {
          type: 'text', id, value: state.vars[name] || '', 'aria-required': 'true', autocomplete: 'off',
          oninput: (e) => { state.vars[name] = e.target.value; changed() },
        }),
      ),
    )
  }
}
function pickSlogan(key) {
  state.slogan = key
  const s = currentSlogan()
  const hf = hints().sloganFields || {}
  // The catalogue fills the languages it has. Text typed before belongs to another design, so it is
  // never kept as this slogan's translation: a language the catalogue lacks waits for the user's own.
  if (s) for (const fieldName of Object.values(hf)) state.values[fieldName] = ''
  renderSloganInfo()
  renderFields()
  changed()
}

// ---- the form, generated from the JSON Schema ------------------------------
function labelFor(name) {
  const direct = lookup('fields.' + name)
  if (direct) return direct
  const script = scriptOf(name)
  const base = lookup('fields.' + baseOf(name)) || baseOf(name)
  return script ? t('form.scriptLabel', { field: base, script: scriptName(script) }) : base
}
function hintFor(name, prop) {
  return lookup('hints.' + name) || (LANG === 'en' && prop.description) || ''
}
const expandHex = (v) => {
  const m = /^#?([0-9a-fA-F]{3,8})$/.exec((v || '').trim())
  if (!m) return ''
  let x = m[1]
  if (x.length === 3 || x.length === 4) x = x.slice(0, 3).split('').map((c) => c + c).join('')
  else if (x.length === 6 || x.length === 8) x = x.slice(0, 6)
  else return ''
  return '#' + x.toLowerCase()
}
/** The notes under a field, one a line, read out as its description. */
const hintBlock = (id, notes) => h('span', { class: 'hint', id }, notes.map((n) => h('span', { class: 'note', text: n })))
function setValue(name, v) {
  state.values[name] = v
  changed()
}

function renderFields() {
  const root = $('fields')
  const t0 = tpl()
  const required = (t0.fields && t0.fields.required) || []
  const p = props()
  root.replaceChildren(...Object.keys(p).map((name) => fieldFor(name, p[name], required.includes(name))))
}

function fieldFor(name, prop, required) {
  const id = 'f-' + name
  const hintId = id + '-hint'
  const label = labelFor(name)
  const notes = []
  const hint = hintFor(name, prop)
  if (hint) notes.push(hint)
  const s = currentSlogan()
  const hf = hints().sloganFields || {}
  const sloganLang = s ? Object.keys(hf).find((l) => hf[l] === name) : undefined
  let placeholder
  if (sloganLang && s.texts[sloganLang]) {
    required = false
    placeholder = s.texts[sloganLang]
    notes.push(t('slogan.filledBy', { text: s.texts[sloganLang] }))
  }
  if (isImagesProp(prop)) return imagesField(id, name, prop, label)
  let control
  const describe = { 'aria-describedby': hintId, 'aria-required': required ? 'true' : null }
  const value = state.values[name]
  if (hints().colors.includes(name)) {
    control = colorControl(id, name, prop, label, describe)
    const def = hints().colorDefaults[name]
    if (def) notes.push(t('form.defaultIs', { value: def }))
  } else if (Array.isArray(prop.enum)) {
    const opts = []
    if (prop.default === undefined) opts.push(h('option', { value: '', text: t('form.useDefault') }))
    const cur = value !== undefined && value !== '' ? value : prop.default !== undefined ? String(prop.default) : ''
    for (const v of prop.enum) opts.push(h('option', { value: String(v), selected: String(v) === cur, text: lookup('enums.' + name + '.' + v) || String(v) }))
    control = h('select', { id, ...describe, onchange: (e) => setValue(name, e.target.value) }, opts)
  } else if (prop.type === 'boolean') {
    const set = value !== undefined && value !== ''
    const on = set ? value === 'true' : prop.default === true
    const box = h('input', { type: 'checkbox', id, checked: on, indeterminate: !set && prop.default === undefined, ...describe, onchange: (e) => setValue(name, e.target.checked ? 'true' : 'false') })
    if (!set && prop.default === undefined) notes.push(t('form.unset'))
    const row = h('div', { class: 'check-row' }, box, h('label', { for: id }, label, required ? h('span', { class: 'req', text: t('form.required') }) : null))
    return h('div', { class: 'field', 'data-field': name }, row, notes.length ? hintBlock(hintId, notes) : null)
  } else if (prop.type === 'number' || prop.type === 'integer') {
    if (prop.minimum !== undefined && prop.maximum !== undefined) notes.push(t('form.range', { min: prop.minimum, max: prop.maximum }))
    control = h('input', {
      type: 'number', id, ...describe, min: prop.minimum, max: prop.maximum,
      step: prop.type === 'integer' ? '1' : name === 'mnScale' ? '0.05' : 'any',
      placeholder: prop.default !== undefined ? String(prop.default) : null,
      value: value !== undefined ? value : prop.default !== undefined ? String(prop.default) : '',
      oninput: (e) => setValue(name, e.target.value),
    })
  } else {
    const script = scriptOf(name)
    if (prop.maxLength) notes.push(t('form.maxChars', { max: prop.maxLength }))
    if (script === 'mn') notes.push(t('form.mongolianHint'))
    const common = {
      id, ...describe, maxlength: prop.maxLength, placeholder, value: value || '', autocomplete: 'off',
      // While an input method is composing a character, wait for it: half-built letters are not worth a render.
      oninput: (e) => (e.isComposing ? (state.values[name] = e.target.value) : setValue(name, e.target.value)),
      oncompositionend: (e) => setValue(name, e.target.value),
    }
    if (script === 'mn') control = h('textarea', { ...common, class: 'mongol', lang: 'mn-Mong', spellcheck: 'false' })
    else if (script === 'zh') control = h('textarea', { ...common, lang: 'zh-Hans', rows: prop.maxLength > 100 ? 4 : 2 })
    else if (prop.maxLength && prop.maxLength > 80) control = h('textarea', { ...common, rows: 3 })
    else control = h('input', { ...common, type: 'text', pattern: prop.pattern, spellcheck: 'false' })
  }
  if (sloganLang && s && !s.texts[sloganLang]) notes.push(t('slogan.missingNote', { field: label, lang: scriptName(sloganLang) }))
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, label, required ? h('span', { class: 'req', text: t('form.required') }) : null),
    control,
    notes.length ? hintBlock(hintId, notes) : null,
  )
}

function colorControl(id, name, prop, label, describe) {
  const def = hints().colorDefaults[name] || ''
  const canTransparent = Array.isArray(prop.anyOf) && prop.anyOf.some((x) => x && x.const === 'transparent')
  const cur = state.values[name] || ''
  const picker = h('input', { type: 'color', id, ...describe, value: expandHex(cur) || expandHex(def) || '#000000', disabled: cur === 'transparent' })
  const text = h('input', {
    type: 'text', id: id + '-hex', 'aria-label': t('form.hex', { field: label }), placeholder: def || t('form.useDefault'),
    value: cur === 'transparent' ? '' : cur, maxlength: 9, spellcheck: 'false', autocomplete: 'off', disabled: cur === 'transparent',
  })
  const transparent = canTransparent ? h('input', { type: 'checkbox', id: id + '-transparent', checked: cur === 'transparent' }) : null
  const reset = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('form.resetColor', { field: label }), text: t('form.reset') })
  picker.addEventListener('input', () => {
    text.value = picker.value
    setValue(name, picker.value)
  })
  text.addEventListener('input', () => {
    const v = text.value.trim()
    if (expandHex(v)) picker.value = expandHex(v)
    setValue(name, v)
  })
  if (transparent)
    transparent.addEventListener('change', () => {
      picker.disabled = text.disabled = transparent.checked
      setValue(name, transparent.checked ? 'transparent' : text.value.trim())
    })
  reset.addEventListener('click', () => {
    text.value = ''
    picker.value = expandHex(def) || '#000000'
    picker.disabled = text.disabled = false
    if (transparent) transparent.checked = false
    setValue(name, '')
  })
  return h('div', { class: 'color-row' }, picker, text, transparent ? h('span', { class: 'check-row' }, transparent, h('label', { for: id + '-transparent', text: t('form.transparent') })) : null, reset)
}

// ---- pictures (display boards): data: URIs, sent by POST ---------------------
function imagesField(id, name, prop, label) {
  const max = prop.maxItems || 4
  const hintId = id + '-hint'
  const msg = h('p', { class: 'hint', role: 'status', id: id + '-status' })
  const list = h('ol', { class: 'images-list', id: id + '-list' })
  const draw = () => {
    list.replaceChildren(
      ...state.images.map((im, i) => {
        const n = i + 1
        const mnId = id + '-' + n + '-mn'
        const zhId = id + '-' + n + '-zh'
        return h(
          'li',
          {},
          h('img', { src: im.src, alt: t('images.alt', { n, name: im.name }) }),
          h(
            'div',
            {},
            h('div', { class: 'field' }, h('label', { for: mnId, text: t('images.captionMn', { n }) }),
              h('textarea', { id: mnId, class: 'mongol small', lang: 'mn-Mong', spellcheck: 'false', maxlength: 120, value: im.caption_mn, oninput: (e) => { im.caption_mn = e.target.value; changed() } })),
            h('div', { class: 'field' }, h('label', { for: zhId, text: t('images.captionZh', { n }) }),
              h('input', { type: 'text', id: zhId, lang: 'zh-Hans', maxlength: 40, value: im.caption_zh, oninput: (e) => { im.caption_zh = e.target.value; changed() } })),
          ),
          h('button', {
            type: 'button', class: 'secondary small remove', text: t('images.remove', { n }),
            onclick: () => { state.images.splice(i, 1); draw(); changed(); input.focus() },
          }),
        )
      }),
    )
  }
  const input = h('input', {
    type: 'file', id, accept: 'image/png,image/jpeg', multiple: true, 'aria-describedby': hintId,
    onchange: async () => {
      const problems = []
      for (const file of Array.from(input.files || [])) {
        if (state.images.length >= max) { problems.push(t('images.tooMany', { max })); break }
        if (!/^image\\/(png|jpeg)$/.test(file.type)) { problems.push(t('images.badType', { name: file.name })); continue }
        if (file.size > MAX_IMAGE_BYTES) { problems.push(t('images.tooLarge', { name: file.name })); continue }
        const src = await new Promise((resolve, reject) => {
          const r = new FileReader()
          r.onload = () => resolve(r.result)
          r.onerror = () => reject(r.error)
          r.readAsDataURL(file)
        })
        state.images.push({ src, caption_mn: '', caption_zh: '', name: file.name })
      }
      input.value = ''
      msg.textContent = problems.join(' ')
      draw()
      changed()
    },
  })
  draw()
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('span', { class: 'label', text: label }),
    h('p', { class: 'notice', id: hintId, text: t('images.postNote') }),
    list,
    h('label', { for: id, text: t('images.add') }),
    input,
    msg,
  )
}

// ---- preview and report -------------------------------------------------------
let timer = 0
let firstPending = 0
let controller = null
let lastSig = ''
let seq = 0
let objectUrl = ''

function changed() {
  syncLinks()
  writeHash()
  clearTimeout(timer)
  const now = Date.now()
  if (!firstPending) firstPending = now
  // Debounced, but never more than MAX_WAIT_MS behind someone who keeps typing.
  const wait = now - firstPending >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS
  timer = setTimeout(() => { firstPending = 0; update() }, wait)
}
function setStatus(text) { $('status').textContent = text }
function showError(text) {
  const e = $('error')
  e.textContent = text
  e.hidden = !text
}
function imagesSig() {
  return state.images.map((im) => im.src.length + ':' + im.src.slice(-32) + ':' + im.caption_mn + ':' + im.caption_zh).join('|')
}

async function update() {
  const pairs = designParams()
  const id = state.template
  const sig = id + '?' + qs(pairs) + (usesPost() ? '&images=' + imagesSig() : '')
  if (sig === lastSig) return
  if (controller) controller.abort()
  const ctl = new AbortController()
  controller = ctl
  const figure = $('preview')
  const img = $('preview-img')
  figure.dataset.state = 'loading'
  figure.setAttribute('aria-busy', 'true')
  // Shown, not announced: a screen reader hears when the preview is ready or fails, not every keystroke's request.
  $('busy').hidden = false
  const check = call('/v1/check/' + encodeURIComponent(id), pairs, ctl.signal)
    .then(async (r) => (r.ok ? { ok: true, report: await r.json() } : { ok: false, error: await apiError(r) }))
    .catch((e) => ({ ok: false, error: e }))
  let rendered
  try {
    const res = await call(renderPath('svg'), pairs, ctl.signal)
    if (!res.ok) throw await apiError(res)
    const blob = await res.blob()
    rendered = { res, blob }
  } catch (e) {
    rendered = { error: e }
  }
  const checked = await check
  if (ctl !== controller || ctl.signal.aborted) return
  controller = null
  lastSig = sig
  figure.removeAttribute('aria-busy')
  $('busy').hidden = true
  if (rendered.error) {
    const e = rendered.error
    if (e && e.name === 'AbortError') return
    showError(t('preview.error', { message: e.message }) + (img.hidden ? '' : ' ' + t('preview.stale')))
    figure.dataset.state = 'error'
    figure.dataset.errorCode = e.code || ''
    setStatus('')
  } else {
    const { res, blob } = rendered
    const url = URL.createObjectURL(blob)
    const old = objectUrl
    objectUrl = url
    img.src = url
    try { await img.decode() } catch (e) { /* shown anyway */ }
    if (old) URL.revokeObjectURL(old)
    img.hidden = false
    $('preview-empty').hidden = true
    img.alt = t('preview.alt', { template: loc(tpl().title) })
    const size = (res.headers.get('X-Qoyar-Size') || '').split('x')
    $('preview-size').textContent = size.length === 2 ? t('preview.size', { w: size[0], h: size[1], dpi: res.headers.get('X-Qoyar-Dpi') || '' }) + (usesPost() ? ' ' + t('preview.post') : '') : ''
    const tr = res.headers.get('X-Qoyar-Translation')
    $('translation').textContent = tr ? t('slogan.translation', { list: translationText(tr) }) : ''
    showError('')
    figure.dataset.state = 'ok'
    figure.dataset.errorCode = ''
    figure.dataset.etag = res.headers.get('ETag') || ''
    figure.dataset.template = id
    figure.dataset.size = res.headers.get('X-Qoyar-Size') || ''
    figure.dataset.seq = String(++seq)
    setStatus(t('preview.updated'))
  }
  if (checked.ok) renderReport(checked.report)
  if (checked.ok) renderTextFindings(checked.report.text)
  else if (!(checked.error && checked.error.name === 'AbortError')) renderReportError(checked.error)
}

function translationText(header) {
  return header.split(';').map((part) => {
    const [lang, status] = part.trim().split('=')
    const word = status === 'user-supplied' ? t('slogan.userSupplied') : status === 'office-reviewed' ? t('slogan.officeReviewedShort') : t('slogan.' + status)
    return t('slogan.statusLine', { lang: scriptName(lang), status: word })
  }).join(LANG === 'zh' ? '；' : '; ')
}

function fmt(v) {
  if (v === null || v === undefined) return ''
  if (typeof v !== 'object') return String(v)
  if (Array.isArray(v)) return v.map(fmt).join('; ')
  return Object.entries(v).map(([k, x]) => k + ': ' + (Array.isArray(x) ? x.map(fmt).join(', ') : fmt(x))).join(', ')
}
const RELATIONS = { above: 'above', below: 'below', 'left of': 'leftOf', 'right of': 'rightOf', overlapping: 'overlapping' }
function relationText(s) {
  const m = /^(\\S+) (above|below|left of|right of|overlapping) (\\S+)$/.exec(s || '')
  return m ? t('relation.' + RELATIONS[m[2]], { a: scriptName(m[1]), b: scriptName(m[3]) }) : s || ''
}
const listSep = () => (LANG === 'zh' ? '；' : '; ')

/** A failing rule in words, from what its check measured. */
function explain(r, check) {
  const m = r.measured
  const found = Array.isArray(m) ? m.filter((f) => f && f.pass === false) : []
  const withRole = (f, text) => (found.length > 1 && f.text ? text + ' (' + f.text + ')' : text)
  switch (check && check.type) {
    case 'languages-present': {
      const have = (m && m.languages) || []
      const missing = check.languages.filter((l) => !have.includes(l)).map(scriptName)
      return t('explain.languagesPresent', { missing: missing.join(LANG === 'zh' ? '、' : ', ') })
    }
    case 'order': {
      const key = check.orientation === 'vertical' ? 'orderVertical' : check.orientation === 'horizontal' ? 'orderHorizontal' : 'orderAny'
      return t('explain.' + key, { first: scriptName(check.first), found: found.map((f) => withRole(f, relationText(f.arrangement))).join(listSep()) })
    }
    case 'relative-size': {
      const worst = found.reduce((a, f) => Math.min(a, f.ratio), Infinity)
      return t('explain.size', { lang: scriptName(check.lang), than: scriptName(check.than), ratio: worst === Infinity ? '?' : worst, min: check.minRatio })
    }
    case 'orientation':
      return t('explain.orientation', { lang: scriptName(check.lang), found: found.map((f) => f.text + ': ' + f.orientation + (f.progression ? ' / ' + f.progression : '')).join(listSep()) })
    case 'within-bounds':
      return t('explain.bounds', { found: Array.isArray(m) ? m.join(listSep()) : fmt(m) })
    case 'glyph-coverage':
      return t('explain.glyphs', { found: m && m.uncovered ? m.uncovered.join(' ') : fmt(m) })
    default:
      return t('explain.generic')
  }
}
function sourceText(src) {
  if (!src) return ''
  const main = [src.title, src.number, src.article, src.issuer, src.date].filter(Boolean).join(' ')
  return src.note ? main + ' (' + src.note + ')' : main
}

/** The Mongolian text checker's findings under each field, each with its suggestion as a one-click fix. */
function renderTextFindings(text) {
  for (const old of document.querySelectorAll('.text-findings')) old.remove()
  for (const f of (text && text.fields) || []) {
    const field = document.querySelector('.field[data-field="' + f.field + '"]')
    if (!field) continue
    const items = f.findings.map((x) =>
      h('li', { class: 'finding ' + x.severity },
        h('span', { text: loc(x.message) }),
        x.suggestion !== undefined
          ? h('button', { type: 'button', class: 'secondary small', text: t('text.fix'), 'aria-label': t('text.fixLabel', { field: labelFor(f.field) }),
              onclick: () => {
                // The finding's offsets are into the text it was found in: apply only if the field still holds it.
                if ((state.values[f.field] || '') !== f.text) return
                const next = f.text.slice(0, x.start) + x.suggestion + f.text.slice(x.end)
                const control = field.querySelector('textarea, input')
                if (control) control.value = next
                setValue(f.field, next)
              } })
          : null))
    field.append(h('ul', { class: 'text-findings', 'aria-live': 'polite' }, items))
  }
}

function renderReport(rep) {
  const pack = RULES.packs.find((p) => p.id === rep.region)
  const defs = {}
  if (pack) for (const r of pack.rules) defs[r.id] = r
  const failed = rep.rules.filter((r) => !r.pass)
  const region = pack ? loc(pack.region) : rep.region
  const summary = $('report-summary')
  summary.textContent = failed.length
    ? t('report.summaryFail', { failed: failed.length, total: rep.rules.length, region })
    : t('report.summaryPass', { total: rep.rules.length, region })
  summary.className = rep.pass ? 'pass' : 'fail'
  summary.dataset.pass = String(rep.pass)
  $('report-pack').textContent = (rep.packStatus === 'unverified' ? t('report.unverifiedPack') + ' ' : '') + rep.packVersion
  const ordered = failed.concat(rep.rules.filter((r) => r.pass))
  $('report').replaceChildren(
    ...ordered.map((r) => {
      const def = defs[r.id]
      const li = h(
        'li',
        { 'data-rule': r.id, 'data-pass': String(r.pass) },
        h('div', { class: 'rule-head' }, h('span', { class: 'badge', text: (r.pass ? '✓ ' : '✗ ') + t(r.pass ? 'report.pass' : 'report.fail') }), h('span', { class: 'rule-id', text: r.id })),
        h('p', { class: 'rule-text', lang: langOfText(r.text), text: r.text }),
      )
      if (LANG === 'en' && r.gloss && r.gloss !== r.text) li.append(h('p', { class: 'rule-gloss', lang: 'en', text: r.gloss }))
      if (!r.pass) li.append(h('p', { class: 'rule-why' }, h('strong', { text: t('report.why') + (LANG === 'zh' ? '：' : ': ') }), explain(r, def && def.check)))
      li.append(
        h(
          'dl',
          { class: 'measure' },
          h('dt', { text: t('report.source') }), h('dd', { lang: langOfText(sourceText(r.source)), text: sourceText(r.source) }),
          h('dt', { text: t('report.measured') }), h('dd', { lang: 'en', text: fmt(r.measured) }),
          h('dt', { text: t('report.expected') }), h('dd', { lang: 'en', text: fmt(r.expected) }),
        ),
      )
      return li
    }),
  )
}
function renderReportError(e) {
  const summary = $('report-summary')
  summary.textContent = t('report.unavailable', { message: (e && e.message) || '' })
  summary.className = 'fail'
  summary.dataset.pass = ''
  $('report-pack').textContent = ''
  $('report').replaceChildren()
}

// ---- downloads, link, language switch ---------------------------------------
function syncLinks() {
  const pairs = designParams()
  for (const f of ['svg', 'png', 'pdf']) {
    const a = $('dl-' + f)
    a.href = renderUrl(f, f === 'pdf' ? pairs.concat(pdfParams()) : pairs)
    a.setAttribute('download', state.template + '.' + f)
  }
  const format = $('link-format').value
  $('link-text').value = location.origin + renderUrl(format, format === 'pdf' ? pairs.concat(pdfParams()) : pairs)
  $('link-status').textContent = usesPost() ? t('link.noImages') : ''
  $('lang-switch').href = '?lang=' + OTHER_LANG + '#' + hashString()
}

async function postDownload(format) {
  const st = $('download-status')
  st.textContent = t('download.working', { format: format.toUpperCase() })
  const pairs = format === 'pdf' ? designParams().concat(pdfParams()) : designParams()
  try {
    const res = await call(renderPath(format), pairs)
    if (!res.ok) throw await apiError(res)
    const url = URL.createObjectURL(await res.blob())
    const a = h('a', { href: url, download: state.template + '.' + format, hidden: true })
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60000)
    st.textContent = ''
  } catch (e) {
    st.textContent = t('download.failed', { message: e.message })
  }
}

async function copyLink() {
  const field = $('link-text')
  const st = $('link-status')
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard')
    await navigator.clipboard.writeText(field.value)
    st.textContent = t('link.copied') + (usesPost() ? ' ' + t('link.noImages') : '')
  } catch (e) {
    field.focus()
    field.select()
    st.textContent = t('link.copyFailed')
  }
}

function selectTemplate(id, entries) {
  state.template = id
  state.values = {}
  state.vars = {}
  state.images = []
  state.slogan = ''
  state.extra = {}
  state.preset = ''
  const t0 = tpl()
  applyParams(entries || Object.entries(t0.example || {}))
  if (!t0.presets.some((p) => p.id === state.preset)) state.preset = t0.defaultPreset
  if (state.slogan && !SLOGANS.some((s) => s.key === state.slogan)) state.slogan = ''
  renderDesign()
  renderSlogan()
  renderFields()
  changed()
}

async function main() {
  const status = $('load-status')
  try {
    const [tr, sr, rr] = await Promise.all(['/v1/templates', '/v1/slogans', '/v1/rules'].map((u) => fetch(u)))
    for (const r of [tr, sr, rr]) if (!r.ok) throw await apiError(r)
    TEMPLATES = (await tr.json()).templates
    SLOGANS = (await sr.json()).slogans
    RULES = await rr.json()
  } catch (e) {
    status.textContent = t('loadFailed', { message: e.message })
    status.className = 'notice error'
    return
  }
  status.hidden = true
  state.region = RULES.default
  $('template').addEventListener('change', (e) => selectTemplate(e.target.value))
  $('preset').addEventListener('change', (e) => { state.preset = e.target.value; changed() })
  $('region').addEventListener('change', (e) => { state.region = e.target.value; renderRegionNote(); changed() })
  $('slogan').addEventListener('change', (e) => pickSlogan(e.target.value))
  for (const id of ['pdf-bleed', 'pdf-marks', 'pdf-sheet', 'link-format']) $(id).addEventListener('input', syncLinks)
  for (const f of ['svg', 'png', 'pdf'])
    $('dl-' + f).addEventListener('click', (e) => {
      if (!usesPost()) return
      e.preventDefault()
      postDownload(f)
    })
  $('copy-link').addEventListener('click', copyLink)
  const hp = new URLSearchParams(location.hash.slice(1))
  const id = hp.get('template')
  if (id && TEMPLATES.some((x) => x.id === id)) selectTemplate(id, Array.from(hp.entries()))
  else selectTemplate(TEMPLATES[0].id)
  document.documentElement.dataset.ready = 'true'
}
main()
`
