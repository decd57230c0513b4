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
  /** Who reviewed each language's text (required for an office's reviewed text). */
  reviewer?: Partial<Record<Language, string>>
  /** When, as YYYY-MM-DD. */
  reviewedOn?: Partial<Record<Language, string>>
  /** Whose text each language is: the built-in catalogue's or the office data directory's. */
  origin?: Partial<Record<Language, TextOrigin>>
}

/** Where an entry of the catalogue or a rule pack comes from. */
export type TextOrigin = 'built-in' | 'office'

export interface LocaleData {
  resources: Record<Language, Record<string, Tree>>
  index: {
    defaultLanguage: Language
    languages: Language[]
    namespaces: Record<string, { complete: Language[]; missing?: Partial<Record<Language, string>>; partial?: Partial<Record<Language, string>> }>
  }
  sloganMeta: Record<string, SloganMeta | string>
}
