import type { SignKind } from '../templates/types.js'

export type Language = 'zh' | 'en' | 'mn'
export const LANGUAGES: readonly Language[] = ['zh', 'en', 'mn']

/** A nested object of strings, as in a locale file. */
export interface Tree {
  [key: string]: string | Tree
}

export interface SloganMeta {
  suits: SignKind[]
  /** Where each language's text came from. */
  source: Partial<Record<Language, string>>
  /** true only when a fluent reader checked that language's text. */
  reviewed?: Partial<Record<Language, boolean>>
  variables?: string[]
  /** Why a language is missing, and where a trustworthy text would come from. */
  notes?: Partial<Record<Language, string>>
}

export interface LocaleData {
  resources: Record<Language, Record<string, Tree>>
  index: {
    defaultLanguage: Language
    languages: Language[]
    namespaces: Record<string, { complete: Language[]; missing?: Partial<Record<Language, string>>; partial?: Partial<Record<Language, string>> }>
  }
  sloganMeta: Record<string, SloganMeta | string>
}
