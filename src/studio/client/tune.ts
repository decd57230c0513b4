/**
 * Tuning a text block (the `tune` field every template takes): pick a block by
 * its box on the preview or from the list, set its size (both scripts at once,
 * so they keep one size) and its script's letter and line spacing, or put a
 * manual break into its text. The values live among the design's values under
 * the query keys the API reads (tune.name.size), so the preview URL, undo,
 * saved designs and batch carry them as they carry any field.
 */
import type { DesignLayout } from './api.js'
import { byId, h } from './dom.js'
import { labelFor } from './form.js'
import { changed, onChange, state } from './state.js'
import { scriptName, t } from './strings.js'
import { marks } from './view.js'
import { TUNE_LIMITS, TUNE_PREFIX, type TuneProperty } from '../../templates/tune-limits.js'

/** A block as tuning names it: `/v1/check`'s id without the face (a desk card's faces are one design). */
interface TuneBlock {
  key: string
  role: string
  lang: string
  field?: string
  /** The ids of its boxes on the preview, every face. */
  ids: string[]
}

const STEP: Record<TuneProperty, number> = { size: 0.01, letter: 0.01, line: 0.05 }
/** Scripts whose letters join or stack: their letter spacing goes between words (TextSpec.letterSpacing). */
const SPACED_AT_WORDS = new Set(['mn', 'ug', 'kk', 'bo'])

let blocks: TuneBlock[] = []
/** The template the blocks are of: another template's blocks are dropped until its preview comes. */
let blocksOf = ''
let selected = ''
/** The designer picked the block (its box, the list, a control): only then is it outlined on the preview. */
let picked = false
/** Set while a control writes its own value: the controls are not rebuilt under the pointer dragging them. */
let writing = false

/** The value key of a property: size belongs to the role (both scripts), spacing to one script. */
const keyOf = (b: TuneBlock, p: TuneProperty) => `${TUNE_PREFIX}${p === 'size' ? b.role : b.key}.${p}`

const valueAt = (b: TuneBlock, p: TuneProperty): number => {
  const v = Number(state.values[keyOf(b, p)])
  return state.values[keyOf(b, p)] !== undefined && Number.isFinite(v) ? v : TUNE_LIMITS[p].identity
}

function set(b: TuneBlock, p: TuneProperty, v: number): void {
  const key = keyOf(b, p)
  // The default is no tuning at all: the URL (and ETag) stay those of the untuned design.
  if (Math.abs(v - TUNE_LIMITS[p].identity) < 1e-9) delete state.values[key]
  else state.values[key] = String(Math.round(v * 100) / 100)
  picked = true
  writing = true
  try {
    changed()
  } finally {
    writing = false
  }
}

const shown = (p: TuneProperty, v: number) => (p === 'letter' ? t('tune.em', { v: v.toFixed(2) }) : t('tune.times', { v: v.toFixed(2) }))

const current = () => blocks.find((b) => b.key === selected)

/** The blocks of the design the preview shows, from its check's layout; the selection kept while it exists. */
export function tuneLayout(layout: DesignLayout | undefined): void {
  if (!layout) return
  const byKey = new Map<string, TuneBlock>()
  for (const b of layout.blocks) {
    const key = `${b.role}:${b.lang}`
    const at = byKey.get(key)
    if (at) at.ids.push(b.id)
    else byKey.set(key, { key, role: b.role, lang: b.lang, ...(b.field ? { field: b.field } : {}), ids: [b.id] })
  }
  blocks = [...byKey.values()]
  blocksOf = state.template
  if (!current()) selected = blocks[0]?.key ?? ''
  draw()
}

function select(key: string): void {
  if (!blocks.some((b) => b.key === key)) return
  selected = key
  picked = true
  draw()
}

/** Inserts a line break at the caret of the block's text field: its line (column) breaks there. */
function insertBreak(b: TuneBlock): void {
  const el = b.field ? document.getElementById(`f-${b.field}`) : null
  if (!(el instanceof HTMLTextAreaElement)) return
  const at = el.selectionStart
  el.value = `${el.value.slice(0, at)}\n${el.value.slice(el.selectionEnd)}`
  el.setSelectionRange(at + 1, at + 1)
  el.focus()
  // The field's own input handler records it, as if typed.
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

function control(b: TuneBlock, p: TuneProperty): HTMLElement {
  const id = `tune-${p}`
  const lim = TUNE_LIMITS[p]
  const v = valueAt(b, p)
  const out = h('output', { id: `${id}-out`, for: id, text: shown(p, v) })
  const input = h('input', {
    type: 'range',
    id,
    min: lim.min,
    max: lim.max,
    step: STEP[p],
    value: String(v),
    'aria-describedby': `${id}-out`,
    oninput: () => {
      out.textContent = shown(p, Number(input.value))
      set(b, p, Number(input.value))
    },
  })
  const label = p === 'size' ? t('tune.size') : t(`tune.${p}`, { script: scriptName(b.lang) })
  return h('div', { class: 'tune-row' }, h('label', { for: id, text: label }), input, out)
}

function draw(): void {
  const box = byId('tune')
  box.hidden = blocks.length === 0
  const b = current()
  marks.select(b && picked ? b.ids : [])
  if (!b) return box.replaceChildren()
  const list = h(
    'select',
    { id: 'tune-block', onchange: () => select(list.value) },
    blocks.map((x) => h('option', { value: x.key, selected: x.key === selected, text: x.field ? labelFor(x.field) : `${x.role} · ${scriptName(x.lang)}` })),
  )
  const breakable = !!b.field && document.getElementById(`f-${b.field}`) instanceof HTMLTextAreaElement
  const tuned = Object.keys(state.values).some((k) => k.startsWith(TUNE_PREFIX))
  const atWords = SPACED_AT_WORDS.has(b.lang) ? [h('p', { class: 'hint', id: 'tune-words', text: t('tune.atWords', { script: scriptName(b.lang) }) })] : []
  box.replaceChildren(
    h('legend', { text: t('tune.heading') }),
    h('p', { class: 'hint', id: 'tune-hint', text: t('tune.hint') }),
    h('div', { class: 'field inline' }, h('label', { for: 'tune-block', text: t('tune.block') }), list),
    control(b, 'size'),
    control(b, 'letter'),
    ...atWords,
    control(b, 'line'),
    h(
      'div',
      { class: 'keep-row' },
      h('button', {
        type: 'button',
        id: 'tune-break',
        class: 'secondary small',
        disabled: !breakable,
        text: t('tune.break'),
        onclick: () => insertBreak(b),
      }),
      h('button', {
        type: 'button',
        id: 'tune-reset',
        class: 'secondary small',
        disabled: !tuned,
        text: t('tune.reset'),
        onclick: () => {
          for (const k of Object.keys(state.values)) if (k.startsWith(TUNE_PREFIX)) delete state.values[k]
          changed()
        },
      }),
    ),
  )
}

/** The tuning controls follow the design (undo, a reopened design) and the preview's boxes pick a block. */
export function wireTune(): void {
  onChange(() => {
    if (writing) return
    // Another template: its blocks come with its first preview.
    if (state.template !== blocksOf) {
      blocks = []
      picked = false
    }
    draw()
  })
  byId('overlay').addEventListener('click', (e) => {
    const id = (e.target as Element | null)?.closest('[data-block]')?.getAttribute('data-block') // a click inside the overlay's SVG
    if (!id) return
    const parts = id.split(':')
    select(parts.slice(-2).join(':'))
  })
}
