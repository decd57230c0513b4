/**
 * The slogan catalogue: stable keys, each language's text where a
 * trustworthy one exists, where it came from and whether a fluent reader
 * reviewed it. A missing translation stays missing.
 */
import { QoyarError } from '../errors.js'
import type { SignKind } from '../templates/types.js'
import type { Locales } from './locales.js'
import type { Language, SloganMeta, TextOrigin, Tree } from './types.js'
import { LANGUAGES } from './types.js'

export interface SloganEntry {
  key: string
  texts: Partial<Record<Language, string>>
  /** Languages with no trustworthy text. */
  missing: Language[]
  reviewed: Partial<Record<Language, boolean>>
  source: Partial<Record<Language, string>>
  suits: SignKind[]
  variables: string[]
  notes: Partial<Record<Language, string>>
  /** Whose text each language is: the built-in catalogue's or the office data directory's. */
  origin: Partial<Record<Language, TextOrigin>>
  /** Who reviewed each language's text, and when (YYYY-MM-DD), where recorded. */
  reviewer: Partial<Record<Language, string>>
  reviewedOn: Partial<Record<Language, string>>
}

/** How a catalogue text stands, as X-Qoyar-Translation says it. */
export type TranslationStatus = 'reviewed' | 'office-reviewed' | 'unreviewed'

export function translationStatus(entry: SloganEntry, lang: Language): TranslationStatus {
  if (!entry.reviewed[lang]) return 'unreviewed'
  return entry.origin[lang] === 'office' ? 'office-reviewed' : 'reviewed'
}

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out[key] = v
    else Object.assign(out, flatten(v, key))
  }
  return out
}

export function sloganCatalogue(locales: Locales): SloganEntry[] {
  const byLang = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(locales.data.resources[l].slogans ?? {})])) as Record<Language, Record<string, string>>
  return Object.keys(byLang.zh).map((key) => {
    const meta = locales.data.sloganMeta[key] as SloganMeta | undefined
    const texts: Partial<Record<Language, string>> = {}
    for (const l of LANGUAGES) if (byLang[l][key]) texts[l] = byLang[l][key]
    return {
      key,
      texts,
      missing: LANGUAGES.filter((l) => !texts[l]),
      // Built-in Chinese and English are the requirement documents' own words; anything else counts only if a reader reviewed it.
      reviewed: Object.fromEntries(
        LANGUAGES.filter((l) => texts[l]).map((l) => [l, meta?.origin?.[l] !== 'office' && (l === 'zh' || l === 'en') ? true : meta?.reviewed?.[l] === true]),
      ),
      source: meta?.source ?? {},
      suits: meta?.suits ?? [],
      variables: meta?.variables ?? [],
      notes: meta?.notes ?? {},
      origin: Object.fromEntries(LANGUAGES.filter((l) => texts[l]).map((l) => [l, meta?.origin?.[l] ?? 'built-in'])),
      reviewer: meta?.reviewer ?? {},
      reviewedOn: meta?.reviewedOn ?? {},
    }
  })
}

export interface ResolvedSlogan {
  entry: SloganEntry
  /** Interpolated texts of the languages asked for that exist. */
  texts: Partial<Record<Language, string>>
}

/** A catalogue slogan with its variables filled in (`v.years=75` → {{years}}). */
export function resolveSlogan(locales: Locales, catalogue: readonly SloganEntry[], key: string, variables: Record<string, string>): ResolvedSlogan {
  const entry = catalogue.find((e) => e.key === key)
  if (!entry) throw new QoyarError('unknown_slogan', 422, `No slogan "${key}" in the catalogue; see GET /v1/slogans.`, { key }, { key })
  const absent = entry.variables.filter((v) => !variables[v])
  if (absent.length)
    throw new QoyarError(
      'missing_variable',
      422,
      `The slogan "${key}" needs ${absent.join(', ')} (pass them as v.name=).`,
      { key, variables: absent },
      { key, variables: absent.join(', ') },
    )
  const texts: Partial<Record<Language, string>> = {}
  for (const l of Object.keys(entry.texts) as Language[]) texts[l] = locales.t(l, `slogans:${key}`, { ...variables, fallbackLng: false })
  return { entry, texts }
}
