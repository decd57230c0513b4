/** The form, generated from the template's JSON Schema: one control per field, notes under it. */
import { IMAGE_LIMITS } from '../../render/image-limits.js'
import { TUNE_FIELD } from '../../templates/tune-limits.js'
import { EMBLEM_FIELD } from '../../templates/brand-roles.js'
import type { FieldSchema } from './api.js'
import { fitControls, focusPicker } from './crop.js'
import { h, readDataUrl, valueOf, type Attrs } from './dom.js'
import { HTML_LANG, LANG, lookup, scriptName, t } from './strings.js'
import { baseOf, changed, currentSlogan, hints, isImagesProp, isVertical, langOf, props, setValue, state, tpl } from './state.js'

export function labelFor(name: string): string {
  const direct = lookup(`fields.${name}`)
  if (direct) return direct
  const lang = langOf(name, props()[name])
  const base = lookup(`fields.${baseOf(name)}`) ?? baseOf(name)
  return lang ? t('form.scriptLabel', { field: base, script: scriptName(lang) }) : base
}

const RTL_LANGS = new Set(['ug', 'kk', 'ar'])

const hintFor = (name: string, prop: FieldSchema): string => lookup(`hints.${name}`) ?? (LANG === 'en' ? prop.description : undefined) ?? ''

export function expandHex(v: string | undefined): string {
  const m = /^#?([0-9a-fA-F]{3,8})$/.exec((v ?? '').trim())
  if (!m?.[1]) return ''
  let x = m[1]
  if (x.length === 3 || x.length === 4)
    x = x
      .slice(0, 3)
      .split('')
      .map((c) => c + c)
      .join('')
  else if (x.length === 6 || x.length === 8) x = x.slice(0, 6)
  else return ''
  return `#${x.toLowerCase()}`
}

/** The notes under a field, one a line, read out as its description. */
const hintBlock = (id: string, notes: string[]) =>
  h(
    'span',
    { class: 'hint', id },
    notes.map((n) => h('span', { class: 'note', text: n })),
  )
const requiredMark = (required: boolean) => (required ? h('span', { class: 'req', text: t('form.required') }) : null)

export function renderFields(root: HTMLElement): void {
  const required = tpl().fields.required ?? []
  const p = props()
  // The tuning has controls of its own beside the preview (tune.ts), and the emblem is the brand's
  // (brand.ts): a picture, not a text to type.
  const own = Object.entries(p).filter(([name]) => name !== TUNE_FIELD && name !== EMBLEM_FIELD)
  root.replaceChildren(...own.map(([name, prop]) => fieldFor(name, prop, required.includes(name))))
}

function fieldFor(name: string, prop: FieldSchema, required: boolean): HTMLElement {
  const id = `f-${name}`
  const hintId = `${id}-hint`
  const label = labelFor(name)
  const notes: string[] = []
  const hint = hintFor(name, prop)
  if (hint) notes.push(hint)
  const s = currentSlogan()
  const hf = hints().sloganFields ?? {}
  const sloganLang = s ? Object.keys(hf).find((l) => hf[l] === name) : undefined
  const sloganText = sloganLang ? s?.texts[sloganLang as keyof typeof s.texts] : undefined
  let placeholder: string | undefined
  if (sloganText) {
    required = false
    placeholder = sloganText
    notes.push(t('slogan.filledBy', { text: sloganText }))
  }
  if (isImagesProp(prop)) return imagesField(id, name, prop, label)
  let control: HTMLElement
  const describe: Attrs = { 'aria-describedby': hintId, 'aria-required': required ? 'true' : null }
  const value = state.values[name]
  if (hints().colors.includes(name)) {
    control = colorControl(id, name, prop, label, describe)
    const def = hints().colorDefaults[name]
    if (def) notes.push(t('form.defaultIs', { value: def }))
  } else if (Array.isArray(prop.enum)) {
    const opts: HTMLOptionElement[] = []
    if (prop.default === undefined) opts.push(h('option', { value: '', text: t('form.useDefault') }))
    const cur = value !== undefined && value !== '' ? value : prop.default !== undefined ? String(prop.default) : ''
    for (const v of prop.enum) opts.push(h('option', { value: String(v), selected: String(v) === cur, text: lookup(`enums.${name}.${v}`) ?? String(v) }))
    control = h('select', { id, ...describe, onchange: (e) => setValue(name, valueOf(e)) }, opts)
  } else if (prop.type === 'boolean') {
    const set = value !== undefined && value !== ''
    const on = set ? value === 'true' : prop.default === true
    const box = h('input', {
      type: 'checkbox',
      id,
      checked: on,
      indeterminate: !set && prop.default === undefined,
      ...describe,
      onchange: (e) => setValue(name, (e.target as HTMLInputElement).checked ? 'true' : 'false'), // a checkbox's event
    })
    if (!set && prop.default === undefined) notes.push(t('form.unset'))
    const row = h('div', { class: 'check-row' }, box, h('label', { for: id }, label, requiredMark(required)))
    return h('div', { class: 'field', 'data-field': name }, row, notes.length ? hintBlock(hintId, notes) : null)
  } else if (prop.type === 'number' || prop.type === 'integer') {
    if (prop.minimum !== undefined && prop.maximum !== undefined) notes.push(t('form.range', { min: prop.minimum, max: prop.maximum }))
    control = h('input', {
      type: 'number',
      id,
      ...describe,
      min: prop.minimum,
      max: prop.maximum,
      step: prop.type === 'integer' ? '1' : /Scale$/.test(name) ? '0.05' : 'any',
      placeholder: prop.default !== undefined ? String(prop.default) : null,
      value: value ?? (prop.default !== undefined ? String(prop.default) : ''),
      oninput: (e) => setValue(name, valueOf(e)),
    })
  } else control = textControl(id, name, prop, describe, notes, placeholder)
  if (sloganLang && s && !sloganText) notes.push(t('slogan.missingNote', { field: label, lang: scriptName(sloganLang) }))
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, label, requiredMark(required)),
    control,
    notes.length ? hintBlock(hintId, notes) : null,
  )
}

function textControl(id: string, name: string, prop: FieldSchema, describe: Attrs, notes: string[], placeholder: string | undefined): HTMLElement {
  const lang = langOf(name, prop)
  const vertical = isVertical(name, prop)
  if (prop.maxLength) notes.push(t('form.maxChars', { max: prop.maxLength }))
  if (vertical) notes.push(t('form.mongolianHint'))
  const common: Attrs = {
    id,
    ...describe,
    maxlength: prop.maxLength,
    placeholder,
    value: state.values[name] ?? '',
    autocomplete: 'off',
    // While an input method is composing a character, wait for it: half-built letters are not worth a render.
    oninput: (e) => ((e as InputEvent).isComposing ? (state.values[name] = valueOf(e)) : setValue(name, valueOf(e))), // an input event
    oncompositionend: (e) => setValue(name, valueOf(e)),
  }
  const tag = lang ? (HTML_LANG[lang] ?? lang) : undefined
  if (vertical) return h('textarea', { ...common, class: 'mongol', lang: tag, spellcheck: 'false' })
  if (lang) return h('textarea', { ...common, lang: tag, dir: RTL_LANGS.has(lang) ? 'rtl' : null, rows: (prop.maxLength ?? 0) > 100 ? 4 : 2 })
  if ((prop.maxLength ?? 0) > 80) return h('textarea', { ...common, rows: 3 })
  return h('input', { ...common, type: 'text', pattern: prop.pattern, spellcheck: 'false' })
}

function colorControl(id: string, name: string, prop: FieldSchema, label: string, describe: Attrs): HTMLElement {
  const def = hints().colorDefaults[name] ?? ''
  const canTransparent = Array.isArray(prop.anyOf) && prop.anyOf.some((x) => x.const === 'transparent')
  const cur = state.values[name] ?? ''
  const picker = h('input', { type: 'color', id, ...describe, value: expandHex(cur) || expandHex(def) || '#000000', disabled: cur === 'transparent' })
  const text = h('input', {
    type: 'text',
    id: `${id}-hex`,
    'aria-label': t('form.hex', { field: label }),
    placeholder: def || t('form.useDefault'),
    value: cur === 'transparent' ? '' : cur,
    maxlength: 9,
    spellcheck: 'false',
    autocomplete: 'off',
    disabled: cur === 'transparent',
  })
  const transparent = canTransparent ? h('input', { type: 'checkbox', id: `${id}-transparent`, checked: cur === 'transparent' }) : null
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
  transparent?.addEventListener('change', () => {
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
  return h(
    'div',
    { class: 'color-row' },
    picker,
    text,
    transparent ? h('span', { class: 'check-row' }, transparent, h('label', { for: `${id}-transparent`, text: t('form.transparent') })) : null,
    reset,
  )
}

// ---- pictures (display boards): data: URIs, sent by POST ---------------------
function imagesField(id: string, name: string, prop: FieldSchema, label: string): HTMLElement {
  const max = prop.maxItems ?? 4
  const hintId = `${id}-hint`
  const msg = h('p', { class: 'hint', role: 'status', id: `${id}-status` })
  const list = h('ol', { class: 'images-list', id: `${id}-list` })
  const input = h('input', { type: 'file', id, accept: 'image/png,image/jpeg', multiple: true, 'aria-describedby': hintId })
  const draw = () => {
    list.replaceChildren(
      ...state.images.map((im, i) => {
        const n = i + 1
        const mnId = `${id}-${n}-mn`
        const zhId = `${id}-${n}-zh`
        const picker = focusPicker(im, n, t('images.alt', { n, name: im.name }))
        return h(
          'li',
          {},
          picker,
          h(
            'div',
            {},
            fitControls(im, n, `${id}-${n}-fit`, picker),
            h(
              'div',
              { class: 'field' },
              h('label', { for: mnId, text: t('images.captionMn', { n }) }),
              h('textarea', {
                id: mnId,
                class: 'mongol small',
                lang: 'mn-Mong',
                spellcheck: 'false',
                maxlength: 120,
                value: im.caption_mn,
                oninput: (e) => {
                  im.caption_mn = valueOf(e)
                  changed()
                },
              }),
            ),
            h(
              'div',
              { class: 'field' },
              h('label', { for: zhId, text: t('images.captionZh', { n }) }),
              h('input', {
                type: 'text',
                id: zhId,
                lang: 'zh-Hans',
                maxlength: 40,
                value: im.caption_zh,
                oninput: (e) => {
                  im.caption_zh = valueOf(e)
                  changed()
                },
              }),
            ),
          ),
          h('button', {
            type: 'button',
            class: 'secondary small remove',
            text: t('images.remove', { n }),
            onclick: () => {
              state.images.splice(i, 1)
              draw()
              changed()
              input.focus()
            },
          }),
        )
      }),
    )
  }
  input.addEventListener('change', async () => {
    const problems: string[] = []
    for (const file of Array.from(input.files ?? [])) {
      if (state.images.length >= max) {
        problems.push(t('images.tooMany', { max }))
        break
      }
      if (!/^image\/(png|jpeg)$/.test(file.type)) {
        problems.push(t('images.badType', { name: file.name }))
        continue
      }
      if (file.size > IMAGE_LIMITS.maxBytes) {
        problems.push(t('images.tooLarge', { name: file.name }))
        continue
      }
      state.images.push({ src: await readDataUrl(file), caption_mn: '', caption_zh: '', name: file.name })
    }
    input.value = ''
    msg.textContent = problems.join(' ')
    draw()
    changed()
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
