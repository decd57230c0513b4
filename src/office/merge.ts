/**
 * An office's data over the built-in data: its slogans and their metadata
 * over the catalogue (per key and language, marked `origin: office`), its
 * rule packs over the built-in packs (by id), its brand as template defaults.
 */
import type { Language, LocaleData, SloganMeta, Tree } from '../i18n/types.js'
import { LANGUAGES } from '../i18n/types.js'
import { OfficeDataError } from './errors.js'
import type { OfficeData } from './parse.js'

function mergeTree(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base }
  for (const [k, v] of Object.entries(over)) {
    const b = out[k]
    out[k] = typeof v !== 'string' && b !== undefined && typeof b !== 'string' ? mergeTree(b, v) : v
  }
  return out
}

const flatten = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)))

export function mergeLocales(base: LocaleData, office: OfficeData): LocaleData {
  const resources = Object.fromEntries(
    LANGUAGES.map((l) => {
      const own = office.slogans[l]
      return [l, own ? { ...base.resources[l], slogans: mergeTree(base.resources[l].slogans ?? {}, own) } : base.resources[l]]
    }),
  ) as LocaleData['resources']
  const zhKeys = new Set(flatten(resources.zh.slogans ?? {}))
  const sloganMeta: LocaleData['sloganMeta'] = { ...base.sloganMeta }
  for (const [key, own] of Object.entries(office.meta)) {
    const b = typeof sloganMeta[key] === 'object' ? (sloganMeta[key] as SloganMeta) : undefined
    const per = <K extends 'source' | 'reviewed' | 'reviewer' | 'reviewedOn' | 'notes'>(k: K) => ({ ...b?.[k], ...own[k] })
    sloganMeta[key] = {
      suits: own.suits?.length ? own.suits : (b?.suits ?? []),
      source: per('source'),
      reviewed: per('reviewed'),
      reviewer: per('reviewer'),
      reviewedOn: per('reviewedOn'),
      notes: per('notes'),
      ...((own.variables ?? b?.variables) ? { variables: own.variables ?? b?.variables } : {}),
      origin: { ...b?.origin },
    }
  }
  for (const [lang, tree] of Object.entries(office.slogans) as [Language, Tree][])
    for (const key of flatten(tree)) {
      // The catalogue is keyed by its Chinese text: an office text needs one, built in or its own.
      if (!zhKeys.has(key)) throw new OfficeDataError(`locales/${lang}/slogans.json`, key, 'no Chinese text for this key (add it to locales/zh/slogans.json)')
      const meta = sloganMeta[key] as SloganMeta
      meta.origin = { ...meta.origin, [lang]: 'office' }
      // A built-in note explaining why the text was missing no longer applies.
      if (meta.notes) delete meta.notes[lang]
    }
  return { ...base, resources, sloganMeta }
}
