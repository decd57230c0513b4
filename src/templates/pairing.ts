/**
 * The two languages a sign pairs, from the region's rule pack: its own
 * (minority) language and Chinese, and where each goes. Templates are written
 * once against the word `minority` (fields `name_minority`, `minorityScale`,
 * `order=minority-first`); each pack sees them under its language's code
 * (`name_mn`, `mnScale`, `order=mn-first`; `name_ko`…), so the API keeps one
 * field per language and Inner Mongolia's requests keep their names.
 */
import { z } from 'zod'
import { QoyarError } from '../errors.js'
import type { Placement, RulePack } from '../rules/types.js'
import type { Script } from '../text/script.js'
import { SCRIPT_PROFILES, languageProfile } from '../text/scripts/profiles.js'
import type { Orientation } from '../text/types.js'
import type { TemplateDefinition } from './types.js'

/** The placeholder templates write for the pack's own language. */
export const MINORITY = 'minority'

/** A pair part as a template names it: the pack's own language, or Chinese. */
export type PairRole = typeof MINORITY | 'zh'

export interface PairLanguage {
  /** BCP 47 primary subtag: 'mn', 'ko', 'ug', 'kk', 'bo', 'zh'. */
  lang: string
  script: Script
  name: { zh: string; en: string }
  /** The script in "蒙汉双语" phrases: 蒙, 朝, 维, 藏 (the pack's, else the first character of its Chinese name). */
  abbr: string
  /** The way its lines run when nothing else asks: Mongolian in columns, the others in rows. */
  native: Orientation
  /** How it stands in a vertical line: refused scripts (Arabic) are a 422 in columns. */
  vertical: 'rotated' | 'upright' | 'refused'
  direction: 'ltr' | 'rtl'
}

export interface Pairing {
  region: string
  minority: PairLanguage
  zh: PairLanguage
  placement: Placement | null
}

function pairLanguage(pack: RulePack, lang: string): PairLanguage {
  const entry = pack.languages.find((l) => l.lang === lang)
  const profile = languageProfile(lang)
  const script = profile ? SCRIPT_PROFILES[profile.script] : undefined
  if (!entry || !profile || !script)
    throw new QoyarError(
      'region_not_supported',
      422,
      `The ${pack.id} pack names a language (${lang}) qoyar cannot set yet.`,
      { region: pack.id, lang },
      { region: pack.id, reason: `no layout profile for ${lang}` },
    )
  return {
    lang,
    script: profile.script,
    name: entry.name,
    abbr: entry.abbr ?? [...entry.name.zh][0]!,
    native: script.native,
    vertical: script.vertical,
    direction: script.direction,
  }
}

/** A pack's pair: its minority language (placement.minority, else its first non-Chinese language) and Chinese. */
export function pairingOf(pack: RulePack): Pairing {
  const minority = pack.placement?.minority ?? pack.languages.find((l) => l.lang !== 'zh')?.lang ?? ''
  return { region: pack.id, minority: pairLanguage(pack, minority), zh: pairLanguage(pack, 'zh'), placement: pack.placement ?? null }
}

/** The order a template may force: the named part first (above when stacked, left side by side). */
export type OrderChoice = `${typeof MINORITY}-first` | 'zh-first'

/**
 * Which part goes first (above when stacked, left side by side), as the pack
 * places them, unless the request forces an order:
 * - stacked: the pack's horizontal first; unregulated: the minority language above, as signs set it;
 * - side by side with a column: the pack's left-hand side; unregulated: the minority language left;
 * - lines side by side: a right-to-left language stands on the right (read first), else as stacked.
 */
export function firstOf(
  pairing: Pairing,
  arrangement: 'stacked' | 'side-by-side',
  orientations: Record<PairRole, Orientation>,
  forced?: OrderChoice,
): PairRole {
  if (forced) return forced === 'zh-first' ? 'zh' : MINORITY
  const roleOf = (lang: string | undefined | null): PairRole | undefined => (lang === 'zh' ? 'zh' : lang === pairing.minority.lang ? MINORITY : undefined)
  const p = pairing.placement
  const stacked = roleOf(p?.horizontalFirst) ?? MINORITY
  if (arrangement === 'stacked') return stacked
  if (orientations.minority === 'vertical' || orientations.zh === 'vertical') return roleOf(p?.verticalSides?.left) ?? MINORITY
  return pairing.minority.direction === 'rtl' ? 'zh' : stacked
}

/* Field names: `minority` in a template's key stands for the pack's language code. */

/** A template's key as a pack sees it: name_minority → name_ko, minorityScale → koScale. */
export const externalKey = (key: string, lang: string): string => key.replace(MINORITY, lang)

/** A value as a pack sees it: order=minority-first → order=ko-first. */
export const externalValue = (value: unknown, lang: string): unknown => (value === `${MINORITY}-first` ? `${lang}-first` : value)

const internalValue = (value: unknown, lang: string): unknown => (value === `${lang}-first` ? `${MINORITY}-first` : value)

/** Keys of a JSON Schema (nested objects and array items included) that carry the placeholder. */
function placeholderKeys(schema: unknown, into = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return into
  const s = schema as { properties?: Record<string, unknown>; items?: unknown }
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    if (k.includes(MINORITY)) into.add(k)
    placeholderKeys(v, into)
  }
  if (s.items) placeholderKeys(s.items, into)
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const v of (schema as Record<string, unknown[] | undefined>)[k] ?? []) placeholderKeys(v, into)
  return into
}

export interface FieldNames {
  /** Request input (external names, any depth) → the template's own names. */
  toTemplate(input: Record<string, unknown>): Record<string, unknown>
  /** The template's values → external names, for reports, keys and errors. */
  toPack(values: Record<string, unknown>): Record<string, unknown>
  /** A dotted path of the template's names → the pack's. */
  path(path: string): string
  /** A message naming the template's fields (a refinement's words) → naming the pack's. */
  text(message: string): string
  /**
   * The template's fields' JSON Schema under the pack's names, each text field marked with its language
   * (`x-lang`); with `languageName`, descriptions written for Mongolian name the pack's language instead.
   */
  jsonSchema(schema: Record<string, unknown>, languageName?: string): Record<string, unknown>
}

/** Plain objects only: decoded pictures and other class instances pass through untouched. */
const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function mapKeys(value: unknown, key: (k: string) => string, val: (k: string, v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, key, val))
  if (!isRecord(value)) return value
  // Null prototype: a `__proto__` key stays a plain key (the input layer parses bodies the same way).
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const [k, v] of Object.entries(value)) out[key(k)] = mapKeys(val(k, v), key, val)
  return out
}

/** The renaming between a template's fields (its JSON Schema) and a pack's language. */
export function fieldNames(templateSchema: Record<string, unknown>, lang: string): FieldNames {
  const internal = placeholderKeys(templateSchema)
  const toInternal = new Map([...internal].map((k) => [externalKey(k, lang), k]))
  const ext = (k: string) => (internal.has(k) ? externalKey(k, lang) : k)
  const langOf = (k: string) => (k === MINORITY || k.endsWith(`_${MINORITY}`) ? lang : k === 'zh' || k.endsWith('_zh') ? 'zh' : undefined)
  const schemaOf = (s: unknown, languageName: string | undefined): unknown => {
    if (Array.isArray(s)) return s.map((v) => schemaOf(v, languageName))
    if (!isRecord(s)) return s
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(s)) {
      if (k === 'properties' && isRecord(v))
        out[k] = Object.fromEntries(
          Object.entries(v).map(([pk, pv]) => {
            const mapped = schemaOf(pv, languageName)
            const l = langOf(pk)
            return [ext(pk), l && isRecord(mapped) && mapped.type === 'string' ? { ...mapped, 'x-lang': l } : mapped]
          }),
        )
      else if (k === 'required' && Array.isArray(v)) out[k] = v.map((r) => (typeof r === 'string' ? ext(r) : r))
      else if (k === 'enum' && Array.isArray(v)) out[k] = v.map((e) => externalValue(e, lang))
      else if (k === 'default' || k === 'const') out[k] = externalValue(v, lang)
      else if (k === 'description' && typeof v === 'string' && languageName) out[k] = v.replaceAll('Mongolian', languageName)
      else out[k] = schemaOf(v, languageName)
    }
    return out
  }
  return {
    toTemplate: (input) =>
      mapKeys(
        input,
        (k) => toInternal.get(k) ?? k,
        (k, v) => (k === 'order' ? internalValue(v, lang) : v),
      ) as Record<string, unknown>,
    toPack: (values) => mapKeys(values, ext, (k, v) => (k === 'order' ? externalValue(v, lang) : v)) as Record<string, unknown>,
    path: (path) => path.split('.').map(ext).join('.'),
    text: (message) => [...internal].sort((a, b) => b.length - a.length).reduce((m, k) => m.replaceAll(k, externalKey(k, lang)), message),
    jsonSchema: (schema, languageName) => schemaOf(schema, languageName) as Record<string, unknown>,
  }
}

const schemas = new WeakMap<TemplateDefinition, Record<string, unknown>>()
const namings = new WeakMap<TemplateDefinition, Map<string, FieldNames>>()

/** A template's fields as JSON Schema (its own names), made once per template. */
export function templateSchema(template: TemplateDefinition): Record<string, unknown> {
  let s = schemas.get(template)
  if (!s) {
    s = z.toJSONSchema(template.fields, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    schemas.set(template, s)
  }
  return s
}

/** The renaming of a template's fields for a language, made once per template and language. */
export function fieldNamesOf(template: TemplateDefinition, lang: string): FieldNames {
  let byLang = namings.get(template)
  if (!byLang) namings.set(template, (byLang = new Map()))
  let names = byLang.get(lang)
  if (!names) byLang.set(lang, (names = fieldNames(templateSchema(template), lang)))
  return names
}
