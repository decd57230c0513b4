/**
 * The design being edited, the catalogues the API gave, and the design as the
 * query pairs a GET render URL carries (or the JSON body a POST takes).
 */
import { PRINT_KEYS, SIZE_KEYS, VARIABLE_PREFIX } from '../../render/request-keys.js'
import { TUNE_FIELD, TUNE_PREFIX } from '../../templates/tune-limits.js'
import { EMBLEM_FIELD, type BrandRole } from '../../templates/brand-roles.js'
import type { StudioTemplateHints } from '../hints.js'
import type { FieldSchema, Pairs, Request, RulesInfo, SloganEntry, TemplateInfo } from './api.js'
import { boot, HTML_LANG } from './strings.js'

export interface Picture {
  src: string
  caption_mn: string
  caption_zh: string
  name: string
  /** Where the crop centres (0..1 from the left and the top); none = the template's default, the centre. */
  focus?: { x: number; y: number }
  /** none = the template's default, cover. */
  fit?: 'cover' | 'contain'
}

/** The designer's brand: applied to every template that has room for it (an emblem slot, colour fields for its roles). */
export interface Brand {
  /** A data: URI (PNG or JPEG). */
  emblem?: string
  emblemName?: string
  colors: Partial<Record<BrandRole, string>>
}

/** Everything that makes the design: what a saved design and an undo step hold. */
export interface DesignState {
  template: string
  preset: string
  region: string
  slogan: string
  values: Record<string, string>
  vars: Record<string, string>
  images: Picture[]
  /** width, height, dpi when given instead of a preset. */
  extra: Record<string, string>
  brand: Brand
}

export const catalogue: { templates: TemplateInfo[]; slogans: SloganEntry[]; rules: RulesInfo } = {
  templates: [],
  slogans: [],
  rules: { default: '', packs: [] },
}

export const state: DesignState = { template: '', preset: '', region: '', slogan: '', values: {}, vars: {}, images: [], extra: {}, brand: { colors: {} } }

const NO_HINTS: StudioTemplateHints = { colors: [], colorDefaults: {}, brandColors: {}, emblem: false }

export function tpl(): TemplateInfo {
  const t = catalogue.templates.find((x) => x.id === state.template) ?? catalogue.templates[0]
  if (!t) throw new Error('studio: no templates')
  return t
}
export const hints = (): StudioTemplateHints => boot.hints[state.template] ?? NO_HINTS
export const props = (): Record<string, FieldSchema> => tpl().fields.properties ?? {}
export const isImagesProp = (p: FieldSchema | undefined): boolean => !!(p?.type === 'array' && p.items?.properties?.src)
export const currentSlogan = (): SloganEntry | undefined => catalogue.slogans.find((s) => s.key === state.slogan)
export const currentPack = () => catalogue.rules.packs.find((p) => p.id === (state.region || catalogue.rules.default))
/** The brand's emblem, where the template places one. */
export const emblemShown = (): string | undefined => (hints().emblem ? state.brand.emblem : undefined)
/** Pictures (and an emblem) are data: URIs, too long for a URL: they go by POST. */
export const usesPost = (): boolean => state.images.length > 0 || emblemShown() !== undefined

/** The field's language: its schema's x-lang, else the name's suffix (name_mn), else none. */
export function langOf(name: string, prop?: FieldSchema): string {
  const tag = prop?.['x-lang']
  if (tag) return tag.toLowerCase().split('-')[0] ?? ''
  const m = /_([a-z]{2})$/.exec(name)
  if (m?.[1]) return m[1]
  return name in HTML_LANG ? name : ''
}
/** Scripts the studio's inputs set vertically: the schema's language says so, not the field name alone. */
const VERTICAL_LANGS = new Set(['mn'])
export const isVertical = (name: string, prop?: FieldSchema): boolean => VERTICAL_LANGS.has(langOf(name, prop))
export const baseOf = (name: string): string => name.replace(/_[a-z]{2}$/, '')

type Scalar = string | number | boolean
/** Keys the studio sets elsewhere (PDF options, interface language) or never (strict, normalize). */
const NOT_DESIGN = new Set<string>(['template', 'lang', 'strict', 'normalize', ...PRINT_KEYS])

/** Reads a design from query-like entries (a URL hash, a template example, a saved design's fields). */
export function applyParams(entries: [string, unknown][]): void {
  for (const [k, v] of entries) {
    if (NOT_DESIGN.has(k)) continue
    if (k === 'preset') state.preset = String(v)
    else if (k === 'region') state.region = String(v)
    else if (k === 'slogan') state.slogan = String(v)
    else if (k.startsWith(VARIABLE_PREFIX)) state.vars[k.slice(VARIABLE_PREFIX.length)] = String(v)
    else if ((SIZE_KEYS as readonly string[]).includes(k)) state.extra[k] = String(v)
    else if (k === 'images' && Array.isArray(v)) state.images = picturesOf(v)
    else if (k === TUNE_FIELD && v && typeof v === 'object')
      applyTune(v as Record<string, unknown>) // a design file's nested form of the field
    else if (k === EMBLEM_FIELD && typeof v === 'string') state.brand = { ...state.brand, emblem: v }
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') state.values[k] = String(v as Scalar)
  }
}

/** A nested tuning ({"name": {"size": 0.9}}) as the flat keys the studio keeps (tune.name.size). */
function applyTune(tune: Record<string, unknown>): void {
  for (const [block, props] of Object.entries(tune))
    if (props && typeof props === 'object')
      for (const [p, v] of Object.entries(props as Record<string, unknown>))
        // checked by the server when rendered
        if (typeof v === 'number' || typeof v === 'string') state.values[`${TUNE_PREFIX}${block}.${p}`] = String(v)
}

function picturesOf(list: unknown[]): Picture[] {
  const out: Picture[] = []
  list.forEach((im, i) => {
    if (!im || typeof im !== 'object') return
    const o = im as Record<string, unknown> // a JSON object from the example or a saved design
    if (typeof o.src !== 'string') return
    const text = (v: unknown) => (typeof v === 'string' ? v : '')
    const f: unknown = o.focus
    const [fx, fy] = f && typeof f === 'object' ? [(f as Record<string, unknown>).x, (f as Record<string, unknown>).y] : [] // any object; its x and y are checked
    const unit = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1
    out.push({
      src: o.src,
      caption_mn: text(o.caption_mn),
      caption_zh: text(o.caption_zh),
      name: text(o.name) || `example-${i + 1}`,
      ...(unit(fx) && unit(fy) ? { focus: { x: fx, y: fy } } : {}),
      ...(o.fit === 'cover' || o.fit === 'contain' ? { fit: o.fit } : {}),
    })
  })
  return out
}

/** The design as query pairs, in schema order, with the region only when it is not the default. */
export function designParams(): Pairs {
  const out: Pairs = []
  const p = props()
  for (const name of Object.keys(p)) {
    if (isImagesProp(p[name])) continue
    const v = state.values[name]
    if (v === undefined || v === '') continue
    out.push([name, v])
  }
  // The tuning (tune.ts), one pair a value, in a stable order.
  for (const k of Object.keys(state.values).sort()) if (k.startsWith(TUNE_PREFIX) && state.values[k]) out.push([k, state.values[k]])
  if (state.preset) out.push(['preset', state.preset])
  for (const k of SIZE_KEYS) if (k !== 'preset' && state.extra[k]) out.push([k, state.extra[k]])
  if (state.region && state.region !== catalogue.rules.default) out.push(['region', state.region])
  const s = currentSlogan()
  if (state.slogan) {
    out.push(['slogan', state.slogan])
    for (const name of s ? s.variables : Object.keys(state.vars)) {
      const v = state.vars[name]
      if (v) out.push([VARIABLE_PREFIX + name, v])
    }
  }
  return out
}

/** The JSON body of a POST render: the pairs, plus the pictures and the emblem. */
export function postBody(pairs: Pairs): Record<string, unknown> {
  const body: Record<string, unknown> = Object.fromEntries(pairs)
  const emblem = emblemShown()
  if (emblem) body[EMBLEM_FIELD] = emblem
  // No pictures, no list: the emblem alone is not a reason to send one.
  if (!state.images.length) return body
  body.images = state.images.map((im) => ({
    src: im.src,
    ...(im.caption_mn.trim() ? { caption_mn: im.caption_mn } : {}),
    ...(im.caption_zh.trim() ? { caption_zh: im.caption_zh } : {}),
    ...(im.focus ? { focus: im.focus } : {}),
    ...(im.fit ? { fit: im.fit } : {}),
  }))
  return body
}

export const request = (pairs: Pairs = designParams()): Request => (usesPost() ? { pairs, body: postBody(pairs) } : { pairs })

// ---- change notification: the form says something changed, the preview listens ----
const listeners: (() => void)[] = []
export const onChange = (f: () => void): void => void listeners.push(f)
export function changed(): void {
  for (const f of listeners) f()
}
export function setValue(name: string, v: string): void {
  state.values[name] = v
  changed()
}

/** Enough of the pictures to tell one set from another without hashing megabytes. */
export const pictureSig = (im: Picture): string =>
  `${im.src.length}:${im.src.slice(-32)}:${im.caption_mn}:${im.caption_zh}:${im.focus ? `${im.focus.x},${im.focus.y}` : ''}:${im.fit ?? ''}`
/** The pictures and the emblem a POST carries, told apart cheaply. */
export const imagesSig = (): string => {
  const emblem = emblemShown()
  return state.images.map(pictureSig).join('|') + (emblem ? `|emblem:${emblem.length}:${emblem.slice(-32)}` : '')
}
