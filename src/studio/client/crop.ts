/**
 * How a picture sits in its frame: cover (fills the frame, cropped around a
 * focal point) or contain (the whole picture, inside the frame). The focal
 * point is set by clicking the picture's thumbnail (or with the arrow keys on
 * it) and travels as the template's own `images[].focus` and `images[].fit`.
 */
import { h } from './dom.js'
import { t } from './strings.js'
import { changed, type Picture } from './state.js'

/** The thumbnail's longest side, CSS px. */
const THUMB_PX = 96
/** An arrow key moves the focal point this far (of the picture's side). */
const STEP = 0.05
const CENTRE = { x: 0.5, y: 0.5 }

/** Two decimals: finer than a frame shows, and the same number in the URL, the body and the design every time. */
const round = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100
const percent = (v: number) => Math.round(v * 100)

/** The thumbnail that sets the focal point, with a mark where it is. */
export function focusPicker(im: Picture, n: number, alt: string): HTMLElement {
  const img = h('img', { src: im.src, alt, draggable: 'false' })
  const mark = h('span', { class: 'focus-mark', 'aria-hidden': 'true' })
  const button = h('button', { type: 'button', class: 'focus-pick', 'data-picture': n }, img, mark)
  const show = () => {
    const f = im.focus ?? CENTRE
    mark.style.left = `${f.x * 100}%`
    mark.style.top = `${f.y * 100}%`
    const contain = im.fit === 'contain'
    button.disabled = contain
    button.dataset.focus = `${f.x},${f.y}`
    button.setAttribute('aria-label', t(contain ? 'crop.pickOff' : 'crop.pick', { n, x: percent(f.x), y: percent(f.y) }))
  }
  const set = (x: number, y: number) => {
    im.focus = { x: round(x), y: round(y) }
    show()
    changed()
  }
  // The thumbnail is the picture scaled whole, so a click's place in it is the place in the picture.
  const size = () => {
    const [w, h0] = [img.naturalWidth, img.naturalHeight]
    if (!w || !h0) return
    const scale = THUMB_PX / Math.max(w, h0)
    img.style.width = `${w * scale}px`
    img.style.height = `${h0 * scale}px`
  }
  if (img.complete) size()
  else img.addEventListener('load', size)
  button.addEventListener('click', (e) => {
    const r = img.getBoundingClientRect()
    if (!r.width || !r.height) return
    set((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height)
  })
  button.addEventListener('keydown', (e) => {
    const f = im.focus ?? CENTRE
    const moves: Record<string, [number, number]> = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }
    const m = moves[e.key]
    if (!m) return
    e.preventDefault()
    set(f.x + m[0], f.y + m[1])
  })
  show()
  // The fit control redraws the picker when it changes.
  button.addEventListener('qoyar:fit', show)
  return button
}

/** Cover or contain, and a way back to the centre. */
export function fitControls(im: Picture, n: number, id: string, picker: HTMLElement): HTMLElement {
  const select = h(
    'select',
    { id },
    (['cover', 'contain'] as const).map((v) => h('option', { value: v, selected: (im.fit ?? 'cover') === v, text: t(`crop.${v}`) })),
  )
  select.addEventListener('change', () => {
    // 'cover' is the template's default: left out, so an untouched picture sends what it always did.
    if (select.value === 'contain') im.fit = 'contain'
    else delete im.fit
    picker.dispatchEvent(new Event('qoyar:fit'))
    changed()
  })
  const centre = h('button', {
    type: 'button',
    class: 'secondary small',
    id: `${id}-centre`,
    text: t('crop.centre'),
    onclick: () => {
      delete im.focus
      picker.dispatchEvent(new Event('qoyar:fit'))
      changed()
    },
  })
  return h(
    'div',
    { class: 'field crop-row' },
    h('label', { for: id, text: t('crop.fit', { n }) }),
    h('div', { class: 'crop-controls' }, select, centre),
    h('span', { class: 'hint', text: t('crop.hint') }),
  )
}
