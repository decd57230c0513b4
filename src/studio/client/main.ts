/**
 * The studio's browser script (bundled by scripts/studio/bundle.mjs, served at
 * /studio/studio.js): reads the templates, slogans and rule packs from the
 * API, builds the form from each template's JSON Schema, and keeps the
 * preview, its overlays and the report panel in step with the form.
 */
import { batchDesignChanged, wireBatch } from './batch.js'
import { applyBrandColors, showBrand, wireBrand } from './brand.js'
import { applyPrintOptions, recordStep, wireKeep } from './keep.js'
import { getJson, type RulesInfo, type SloganEntry, type TemplateInfo } from './api.js'
import { byId, h, valueOf } from './dom.js'
import { renderFields } from './form.js'
import { copyLink, postDownload, syncLinks, writeHash } from './links.js'
import { schedule } from './preview.js'
import { scheduleSizes } from './sizes.js'
import { pickSlogan, renderSlogan } from './slogans.js'
import { wireTune } from './tune.js'
import { loc, t } from './strings.js'
import { applyParams, catalogue, changed, currentPack, onChange, state, tpl, usesPost } from './state.js'
import { draw, OVERLAYS, setBleed, view, ZOOMS, type Zoom } from './view.js'

function renderDesign(): void {
  const t0 = tpl()
  byId('template').replaceChildren(...catalogue.templates.map((x) => h('option', { value: x.id, selected: x.id === state.template }, loc(x.title))))
  byId('template-desc').textContent = loc(t0.description)
  byId('preset').replaceChildren(
    ...t0.presets.map((p) => {
      const title = loc(p.title)
      // Screen presets already name their pixels.
      const label = title.includes(`${p.widthPx}×${p.heightPx}`) ? title : t('design.presetOption', { title, w: p.widthPx, h: p.heightPx })
      return h('option', { value: p.id, selected: p.id === state.preset }, label)
    }),
  )
  byId('region').replaceChildren(
    ...catalogue.rules.packs.map((p) =>
      h(
        'option',
        { value: p.id, selected: p.id === (state.region || catalogue.rules.default) },
        t(p.status === 'verified' ? 'design.regionOption' : 'design.regionUnverified', { name: loc(p.name) }),
      ),
    ),
  )
  renderRegionNote()
}

function renderRegionNote(): void {
  const p = currentPack()
  byId('region-note').textContent = p
    ? `${t('design.regionNote', { version: p.version })} ${t(p.status === 'verified' ? 'design.verified' : 'design.unverified')}`
    : ''
  // The text checker reads Traditional Mongolian: its section shows only where the region writes it.
  const checker = byId('findings-heading').closest('section')
  if (checker) checker.hidden = !p?.languages.some((l) => l.script === 'Mong')
}

/** Makes a template current, from query-like entries (a hash, a saved design) or its example. */
function selectTemplate(id: string, entries?: [string, unknown][]): void {
  Object.assign(state, { template: id, values: {}, vars: {}, images: [], slogan: '', extra: {}, preset: '' })
  const t0 = tpl()
  applyParams(entries ?? Object.entries(t0.example ?? {}))
  // The brand colours the template, except where a saved design or a link says otherwise.
  applyBrandColors(new Set(entries?.map(([k]) => k)))
  if (!t0.presets.some((p) => p.id === state.preset)) state.preset = t0.defaultPreset
  if (state.slogan && !catalogue.slogans.some((s) => s.key === state.slogan)) state.slogan = ''
  if (!catalogue.rules.packs.some((p) => p.id === state.region)) state.region = catalogue.rules.default
  rebuild()
}

function rebuild(): void {
  renderDesign()
  showBrand()
  renderSlogan()
  renderFields(byId('fields'))
  changed()
}

/**
 * A region's pack names the template fields in its languages (name_ko for
 * Yanbian): the templates are fetched again for it and the form rebuilt,
 * keeping what was typed into fields that still exist; new ones take the pack's example.
 */
async function pickRegion(region: string): Promise<void> {
  state.region = region
  renderRegionNote()
  try {
    const { templates } = await getJson<{ templates: TemplateInfo[] }>(`/v1/templates?region=${encodeURIComponent(region)}`)
    if (state.region !== region) return
    const before = new Set(Object.keys(tpl().fields.properties ?? {}))
    catalogue.templates = templates
    const t0 = tpl()
    const names = new Set(Object.keys(t0.fields.properties ?? {}))
    for (const k of Object.keys(state.values)) if (!names.has(k)) delete state.values[k]
    // Fields new in this pack's language (name_ko where name_mn was) start from the pack's example, not empty.
    for (const [k, v] of Object.entries(t0.example ?? {}))
      if (names.has(k) && !before.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) state.values[k] = String(v)
    rebuild()
  } catch {
    changed() // the previous list stays; the render reports what it cannot do
  }
}

function wireView(): void {
  const zoom = byId<HTMLSelectElement>('zoom')
  zoom.value = view.zoom
  zoom.addEventListener('change', () => {
    const z = zoom.value as Zoom // the select's options are ZOOMS
    if (ZOOMS.includes(z)) view.zoom = z
    draw()
  })
  for (const o of OVERLAYS) {
    const box = byId<HTMLInputElement>(`ov-${o}`)
    box.checked = view.overlays[o]
    box.addEventListener('change', () => {
      view.overlays[o] = box.checked
      draw()
    })
  }
  const bleed = byId<HTMLInputElement>('pdf-bleed')
  bleed.addEventListener('input', () => setBleed(Number(bleed.value)))
  setBleed(Number(bleed.value))
  new ResizeObserver(() => {
    if (view.zoom === 'fit') draw()
  }).observe(byId('stage'))
}

async function main(): Promise<void> {
  const status = byId('load-status')
  try {
    const [templates, slogans, rules] = await Promise.all([
      getJson<{ templates: TemplateInfo[] }>('/v1/templates'),
      getJson<{ slogans: SloganEntry[] }>('/v1/slogans'),
      getJson<RulesInfo>('/v1/rules'),
    ])
    catalogue.templates = templates.templates
    catalogue.slogans = slogans.slogans
    catalogue.rules = rules
  } catch (e) {
    status.textContent = t('loadFailed', { message: e instanceof Error ? e.message : String(e) })
    status.className = 'notice error'
    return
  }
  status.hidden = true
  state.region = catalogue.rules.default
  onChange(syncLinks)
  onChange(writeHash)
  onChange(schedule)
  onChange(scheduleSizes)
  onChange(batchDesignChanged)
  onChange(recordStep)
  byId('template').addEventListener('change', (e) => selectTemplate(valueOf(e)))
  byId('preset').addEventListener('change', (e) => {
    state.preset = valueOf(e)
    changed()
  })
  byId('region').addEventListener('change', (e) => void pickRegion(valueOf(e)))
  byId('slogan').addEventListener('change', (e) => {
    pickSlogan(valueOf(e))
    renderFields(byId('fields'))
    changed()
  })
  for (const id of ['pdf-bleed', 'pdf-marks', 'pdf-sheet', 'link-format']) byId(id).addEventListener('input', syncLinks)
  for (const f of ['svg', 'png', 'pdf'])
    byId(`dl-${f}`).addEventListener('click', (e) => {
      if (!usesPost()) return
      e.preventDefault()
      void postDownload(f)
    })
  byId('copy-link').addEventListener('click', () => void copyLink())
  wireView()
  wireBatch()
  wireTune()
  wireBrand()
  wireKeep({
    async open(template, input, brand) {
      if (!catalogue.templates.some((x) => x.id === template)) throw new Error(t('keep.unknownTemplate', { template }))
      const region = typeof input.region === 'string' ? input.region : catalogue.rules.default
      if (region !== state.region) await pickRegion(region)
      applyPrintOptions(input)
      state.brand = brand
      selectTemplate(template, Object.entries(input))
    },
    restore(s) {
      Object.assign(state, s)
      rebuild()
    },
  })
  const hp = new URLSearchParams(location.hash.slice(1))
  const id = hp.get('template')
  const first = catalogue.templates[0]
  if (id && catalogue.templates.some((x) => x.id === id)) {
    const region = hp.get('region')
    if (region && region !== catalogue.rules.default) await pickRegion(region)
    selectTemplate(id, Array.from(hp.entries()))
  } else if (first) selectTemplate(first.id)
  document.documentElement.dataset.ready = 'true'
}

void main()
