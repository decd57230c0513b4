/**
 * Keeping the work: undo and redo over the design, designs saved by name in
 * the browser (localStorage), and export/import as the JSON file that the
 * CLI (`qoyar render --design`) and the API (a POST body) take too, checked
 * against the same schema (src/design-file.ts).
 */
import { DESIGN_FORMAT, designFile, type DesignBrand, type DesignFile } from '../../design-file.js'
import { byId, h } from './dom.js'
import { pdfParams, saveBlob } from './links.js'
import { t } from './strings.js'
import { designParams, emblemShown, pictureSig, postBody, state, type Brand, type DesignState } from './state.js'

const STORE = 'qoyar.studio.designs.v1'
const HISTORY_MAX = 100
/** Typing is one step, not one step a letter: a pause ends it. */
const STEP_MS = 600

export interface Keeper {
  /** Makes a design current: its template, its input, its PDF options, its brand. */
  open(template: string, input: Record<string, unknown>, brand: Brand): Promise<void>
  /** Puts a state back (undo/redo) and redraws the form. */
  restore(s: DesignState): void
}

// ---- the design as a file -------------------------------------------------------
export function currentDesign(name?: string): DesignFile {
  // The render's own body: pictures and the emblem where the template places it.
  const input: Record<string, unknown> = { ...Object.fromEntries([...designParams(), ...pdfParams()]), ...postBody([]) }
  const b = state.brand
  const brand: DesignBrand = {
    // Once is enough: input holds the emblem when this template places it.
    ...(b.emblem && !emblemShown() ? { emblem: b.emblem } : {}),
    ...(Object.keys(b.colors).length ? { colors: { ...b.colors } } : {}),
  }
  return {
    format: DESIGN_FORMAT,
    version: 1,
    ...(name ? { name } : {}),
    template: state.template,
    input,
    ...(Object.keys(brand).length ? { brand } : {}),
    saved: new Date().toISOString(),
  }
}

/** A saved design's brand as the studio holds it. */
export const brandOf = (d: DesignFile): Brand => ({ ...(d.brand?.emblem ? { emblem: d.brand.emblem } : {}), colors: { ...d.brand?.colors } })

/** The PDF options a design carries go back into their controls. */
export function applyPrintOptions(input: Record<string, unknown>): void {
  byId<HTMLInputElement>('pdf-bleed').value = input.bleed !== undefined ? String(input.bleed as string | number) : '0'
  byId<HTMLInputElement>('pdf-marks').checked = input.marks === true || input.marks === 'true'
  byId<HTMLSelectElement>('pdf-sheet').value = typeof input.sheet === 'string' ? input.sheet : ''
  byId('pdf-bleed').dispatchEvent(new Event('input'))
}

// ---- undo and redo ----------------------------------------------------------------
const snapshot = (): DesignState => ({
  ...state,
  values: { ...state.values },
  vars: { ...state.vars },
  extra: { ...state.extra },
  // The pictures' data: URIs are shared, not copied: strings do not change.
  images: state.images.map((im) => ({ ...im })),
  brand: { ...state.brand, colors: { ...state.brand.colors } },
})
const sigOf = (s: DesignState) =>
  JSON.stringify({
    ...s,
    images: s.images.map(pictureSig),
    brand: { ...s.brand, emblem: `${s.brand.emblem?.length ?? 0}:${s.brand.emblem?.slice(-32) ?? ''}` },
  })

/** The design as flat keys (values.name_zh, brand.colors, images …): which parts a change touched. */
function partsOf(s: DesignState): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(JSON.parse(sigOf(s)) as Record<string, unknown>))
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = JSON.stringify(v2)
    else out[k] = JSON.stringify(v)
  return out
}
function touched(a: DesignState, b: DesignState): string {
  const pa = partsOf(a)
  const pb = partsOf(b)
  return [...new Set([...Object.keys(pa), ...Object.keys(pb)])]
    .filter((k) => pa[k] !== pb[k])
    .sort()
    .join(' ')
}

/** past's last entry is the design as it stands; future holds what was undone. */
const past: DesignState[] = []
const future: DesignState[] = []
let restoring = false
let stepTimer: ReturnType<typeof setTimeout> | undefined
/** The change settling now: the design after it, and the parts it touched. */
let pending: { after: DesignState; parts: string } | undefined

function updateButtons(): void {
  byId<HTMLButtonElement>('undo').disabled = past.length < 2
  byId<HTMLButtonElement>('redo').disabled = future.length === 0
}

/** `s` becomes a step, unless it is the last one. */
function push(s: DesignState): void {
  const top = past[past.length - 1]
  if (top && sigOf(top) === sigOf(s)) return
  past.push(s)
  if (past.length > HISTORY_MAX) past.shift()
  future.length = 0
  updateButtons()
}

/** The design as it stands becomes a step. */
function settle(): void {
  clearTimeout(stepTimer)
  pending = undefined
  push(snapshot())
}

/**
 * Called on every change: the change becomes a step once it settles. Typing into one field is
 * one step; a change to another part (a button, another field) first ends the step in progress,
 * so a reset followed at once by typing is two undos, not one.
 */
export function recordStep(): void {
  if (restoring) return
  clearTimeout(stepTimer)
  const now = snapshot()
  if (pending) {
    const parts = touched(pending.after, now).split(' ')
    const own = new Set(pending.parts.split(' '))
    if (parts.some((k) => k && !own.has(k))) push(pending.after)
  }
  pending = { after: now, parts: touched(past[past.length - 1] ?? now, now) }
  stepTimer = setTimeout(settle, STEP_MS)
}

function restore(keeper: Keeper, s: DesignState): void {
  clearTimeout(stepTimer)
  pending = undefined
  restoring = true
  try {
    keeper.restore({
      ...s,
      values: { ...s.values },
      vars: { ...s.vars },
      extra: { ...s.extra },
      images: s.images.map((im) => ({ ...im })),
      brand: { ...s.brand, colors: { ...s.brand.colors } },
    })
  } finally {
    restoring = false
  }
  updateButtons()
}

export function undo(keeper: Keeper): void {
  settle() // a change still settling is a step of its own
  if (past.length < 2) return
  future.push(past.pop()!)
  restore(keeper, past[past.length - 1]!)
}

export function redo(keeper: Keeper): void {
  const s = future.pop()
  if (!s) return
  past.push(s)
  restore(keeper, s)
}

// ---- saved by name ------------------------------------------------------------------
function readStore(): Record<string, DesignFile> {
  let raw: unknown
  try {
    raw = JSON.parse(localStorage.getItem(STORE) ?? '{}')
  } catch {
    return {}
  }
  const out: Record<string, DesignFile> = {}
  if (raw && typeof raw === 'object')
    for (const [name, d] of Object.entries(raw)) {
      const parsed = designFile.safeParse(d)
      if (parsed.success) out[name] = parsed.data
    }
  return out
}
function writeStore(designs: Record<string, DesignFile>): boolean {
  try {
    localStorage.setItem(STORE, JSON.stringify(designs))
    return true
  } catch {
    return false // full (pictures are large) or switched off
  }
}

function renderSaved(selected?: string): void {
  const designs = readStore()
  const names = Object.keys(designs).sort((a, b) => a.localeCompare(b))
  byId('saved').replaceChildren(
    h('option', { value: '', text: names.length ? t('keep.pick') : t('keep.none') }),
    ...names.map((n) => h('option', { value: n, selected: n === selected, text: `${n} · ${designs[n]!.template}` })),
  )
}

const say = (text: string) => void (byId('keep-status').textContent = text)

function importError(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

export function wireKeep(keeper: Keeper): void {
  renderSaved()
  updateButtons()
  byId('undo').addEventListener('click', () => undo(keeper))
  byId('redo').addEventListener('click', () => redo(keeper))
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return
    // Text fields keep their own undo.
    const el = document.activeElement
    if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text')) return
    const key = e.key.toLowerCase()
    if (key === 'z' && !e.shiftKey) undo(keeper)
    else if ((key === 'z' && e.shiftKey) || key === 'y') redo(keeper)
    else return
    e.preventDefault()
  })
  byId('save').addEventListener('click', () => {
    const name = byId<HTMLInputElement>('save-name').value.trim()
    if (!name) return say(t('keep.needName'))
    const designs = readStore()
    designs[name] = currentDesign(name)
    if (!writeStore(designs)) return say(t('keep.storeFull'))
    renderSaved(name)
    say(t('keep.saved', { name }))
  })
  byId('open-saved').addEventListener('click', () => {
    const name = byId<HTMLSelectElement>('saved').value
    const d = readStore()[name]
    if (!d) return
    byId<HTMLInputElement>('save-name').value = name
    void keeper.open(d.template, d.input, brandOf(d)).then(() => say(t('keep.opened', { name })))
  })
  byId('delete-saved').addEventListener('click', () => {
    const name = byId<HTMLSelectElement>('saved').value
    const designs = readStore()
    if (!designs[name]) return
    delete designs[name]
    writeStore(designs)
    renderSaved()
    say(t('keep.deleted', { name }))
  })
  byId('export').addEventListener('click', () => {
    const name = byId<HTMLInputElement>('save-name').value.trim()
    const d = currentDesign(name || undefined)
    saveBlob(new Blob([`${JSON.stringify(d, null, 2)}\n`], { type: 'application/json' }), `${name || d.template}.qoyar.json`)
  })
  const input = byId<HTMLInputElement>('import-file')
  input.addEventListener('change', async () => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    try {
      const parsed = designFile.safeParse(JSON.parse(await file.text()))
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      if (parsed.data.name) byId<HTMLInputElement>('save-name').value = parsed.data.name
      await keeper.open(parsed.data.template, parsed.data.input, brandOf(parsed.data))
      say(t('keep.imported', { name: file.name }))
    } catch (e) {
      say(t('keep.importFailed', { name: file.name, message: importError(e) }))
    }
  })
}
