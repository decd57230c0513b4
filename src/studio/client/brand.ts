/**
 * The brand panel: the office's emblem or logo and its colours, applied to
 * every template that has room for them. The emblem goes to a template's
 * `emblem` field (by POST: a data: URI is too long for a URL); each colour
 * fills the colour field the template names for its role (`brandColors`), as
 * if typed into the form, so the link, the API and batch see plain fields.
 * The brand is part of the design: undo, saved designs and exported files
 * keep it. An office's own brand (QOYAR_DATA) is shown from the page's boot
 * data; the server already makes it the templates' defaults.
 */
import { IMAGE_LIMITS } from '../../render/image-limits.js'
import { BRAND_ROLES, type BrandRole } from '../../templates/brand-roles.js'
import { byId, h, readDataUrl } from './dom.js'
import { expandHex, labelFor, renderFields } from './form.js'
import { boot, enumSep, loc, t } from './strings.js'
import { catalogue, changed, hints, state } from './state.js'

const ids = (role: BrandRole) => ({ picker: `brand-${role}`, hex: `brand-${role}-hex`, clear: `brand-${role}-clear`, note: `brand-${role}-note` })

/** Puts the brand's colours into the template's colour fields; fields in `given` (a saved design's, a link's) keep their own value. */
export function applyBrandColors(given: ReadonlySet<string> = new Set()): void {
  for (const role of BRAND_ROLES) {
    const field = hints().brandColors[role]
    const colour = state.brand.colors[role]
    if (field && colour && !given.has(field)) state.values[field] = colour
  }
}

/** An unset brand colour's picker shows the colour its field has now, not a black nobody chose. */
function unsetShows(role: BrandRole): string {
  const field = hints().brandColors[role]
  return (field && (expandHex(state.values[field]) || expandHex(hints().colorDefaults[field]))) || '#ffffff'
}

function setColor(role: BrandRole, colour: string | undefined): void {
  const field = hints().brandColors[role]
  state.brand = { ...state.brand, colors: { ...state.brand.colors } }
  if (colour) state.brand.colors[role] = colour
  else delete state.brand.colors[role]
  // A colour taken out of the brand gives the field back to the template's own default.
  if (field) state.values[field] = colour ?? ''
  byId<HTMLButtonElement>(ids(role).clear).disabled = !colour
  renderFields(byId('fields'))
  changed()
}

function colorRow(role: BrandRole): HTMLElement {
  const id = ids(role)
  const picker = h('input', { type: 'color', id: id.picker, 'aria-describedby': id.note })
  const hex = h('input', {
    type: 'text',
    id: id.hex,
    maxlength: 7,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': t('brand.hex', { role: t(`brand.${role}`) }),
  })
  const clear = h('button', { type: 'button', class: 'secondary small', id: id.clear, text: t('brand.clear') })
  picker.addEventListener('input', () => {
    hex.value = picker.value
    setColor(role, picker.value)
  })
  hex.addEventListener('input', () => {
    // Half-typed colours wait; a whole one is taken.
    const v = expandHex(hex.value)
    if (!v) return
    picker.value = v
    setColor(role, v)
  })
  clear.addEventListener('click', () => {
    hex.value = ''
    setColor(role, undefined)
    picker.value = unsetShows(role)
  })
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id.picker, text: t(`brand.${role}`) }),
    h('div', { class: 'color-row' }, picker, hex, clear),
    h('span', { class: 'hint', id: id.note }),
  )
}

function emblemRow(): HTMLElement {
  const input = h('input', { type: 'file', id: 'brand-emblem', accept: 'image/png,image/jpeg', 'aria-describedby': 'brand-emblem-note' })
  const msg = h('p', { class: 'hint', role: 'status', id: 'brand-emblem-status' })
  input.addEventListener('change', async () => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    if (!/^image\/(png|jpeg)$/.test(file.type)) return void (msg.textContent = t('brand.badType', { name: file.name }))
    if (file.size > IMAGE_LIMITS.maxBytes) return void (msg.textContent = t('brand.tooLarge', { name: file.name }))
    msg.textContent = ''
    state.brand = { ...state.brand, emblem: await readDataUrl(file), emblemName: file.name }
    showBrand()
    changed()
  })
  const remove = h('button', {
    type: 'button',
    class: 'secondary small',
    id: 'brand-emblem-remove',
    text: t('brand.removeEmblem'),
    onclick: () => {
      const { emblem: _e, emblemName: _n, ...rest } = state.brand
      state.brand = rest
      showBrand()
      changed()
    },
  })
  return h(
    'div',
    { class: 'field' },
    h('label', { for: 'brand-emblem', text: t('brand.emblem') }),
    h('div', { class: 'emblem-row' }, h('img', { id: 'brand-emblem-img', alt: '', hidden: true }), input, remove),
    h('span', { class: 'hint', id: 'brand-emblem-note' }),
    msg,
  )
}

/** What the office's data directory brands every sign with (the server's defaults). */
function officeBox(): HTMLElement | null {
  const o = boot.office
  if (!o) return null
  const name = o.name ? loc({ zh: o.name.zh, ...(o.name.en ? { en: o.name.en } : {}) }) : ''
  return h(
    'div',
    { class: 'brand-office', id: 'brand-office' },
    h('p', { text: t('brand.office', { name, data: o.data }) }),
    h(
      'div',
      { class: 'emblem-row' },
      o.emblem ? h('img', { src: o.emblem, alt: t('brand.officeEmblem', { name }) }) : null,
      h(
        'ul',
        { class: 'swatches' },
        Object.entries(o.colors).map(([n, c]) => {
          const swatch = h('span', { class: 'swatch' })
          swatch.style.background = c // through the CSSOM: the page's CSP refuses style attributes
          return h('li', {}, swatch, `${n} ${c}`)
        }),
      ),
    ),
    h('p', { class: 'hint', text: t('brand.officeNote') }),
  )
}

/** The controls show the brand as it stands, and the notes say what it does on this template. */
export function showBrand(): void {
  const b = state.brand
  const img = byId<HTMLImageElement>('brand-emblem-img')
  img.hidden = !b.emblem
  if (b.emblem) {
    img.src = b.emblem
    img.alt = t('brand.emblemAlt', { name: b.emblemName ?? '' })
  } else img.removeAttribute('src')
  byId<HTMLButtonElement>('brand-emblem-remove').disabled = !b.emblem
  const slots = catalogue.templates.filter((x) => boot.hints[x.id]?.emblem).map((x) => loc(x.title))
  byId('brand-emblem-note').textContent = hints().emblem
    ? t(b.emblem ? 'brand.emblemPlaced' : boot.office?.emblem ? 'brand.emblemOffice' : 'brand.emblemSlot')
    : t('brand.emblemNoSlot', { templates: slots.join(enumSep()) })
  for (const role of BRAND_ROLES) {
    const id = ids(role)
    const colour = b.colors[role]
    byId<HTMLInputElement>(id.picker).value = colour ?? unsetShows(role)
    byId<HTMLInputElement>(id.hex).value = colour ?? ''
    byId<HTMLInputElement>(id.hex).placeholder = t('brand.unset')
    byId<HTMLButtonElement>(id.clear).disabled = !colour
    const field = hints().brandColors[role]
    byId(id.note).textContent = field ? t('brand.fills', { field: labelFor(field) }) : t('brand.fillsNone')
  }
}

export function wireBrand(): void {
  byId('brand-body').replaceChildren(...[officeBox(), emblemRow(), ...BRAND_ROLES.map(colorRow)].filter((e): e is HTMLElement => e !== null))
}
