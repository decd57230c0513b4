/**
 * How each script is set, as data: its default language, the direction of
 * its lines, how it stands in a vertical line, and where its lines may break.
 * The layout reads these; it never asks "is this Korean?".
 */
import type { Script } from '../script.js'

export type VerticalSetting =
  /** Turned with the line (Mongolian, Latin, Tibetan: UAX #50 `R`). */
  | 'rotated'
  /** Standing upright, one character per cell (Han, Hangul: UAX #50 `U`). */
  | 'upright'
  /** Not set vertically until the practice of the region's signs is researched: a 422, never a guess. */
  | 'refused'

export type BreakRule =
  /** UAX #14 as the `linebreak` package implements it. */
  | 'uax14'
  /** UAX #14, but never between two letters: breaks at spaces only (CSS `word-break: keep-all`). */
  | 'keep-all'

export interface ScriptProfile {
  /** What messages call the script. */
  name: { zh: string; en: string }
  /** BCP 47 language assumed when the request names none. */
  lang: string
  direction: 'ltr' | 'rtl'
  vertical: VerticalSetting
  /** The way its lines run on signs when a design may choose: Mongolian in columns, the others in rows. */
  native: 'vertical' | 'horizontal'
  /** Letters join within a word (Mongolian, Arabic): spread at spaces only, never between letters. */
  joined: boolean
  /**
   * Its lines may be set condensed (长字 for Han, 장평 for Hangul: glyphs narrowed, height kept).
   * Not a joined script's (Arabic by kashida, if at all) nor one whose lines stand turned (Mongolian).
   */
  condensable: boolean
  /**
   * Letters whose ink spans the script's usual extent across the line: tall and deep letters
   * (Arabic alef, lam and the descending ی ر; Tibetan stacks with vowels above and below). The pair
   * layer sizes scripts against each other by it (see metrics.ts).
   */
  sample: string
}

export const SCRIPT_PROFILES: Partial<Record<Script, ScriptProfile>> = {
  Mong: {
    name: { zh: '蒙古文', en: 'Mongolian' },
    lang: 'mn',
    direction: 'ltr',
    vertical: 'rotated',
    native: 'vertical',
    joined: true,
    condensable: false,
    sample: 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ',
  },
  Hani: {
    name: { zh: '汉字', en: 'Han' },
    lang: 'zh',
    direction: 'ltr',
    vertical: 'upright',
    native: 'horizontal',
    joined: false,
    condensable: true,
    sample: '国民族',
  },
  Hang: {
    name: { zh: '朝鲜文（谚文）', en: 'Korean (Hangul)' },
    lang: 'ko',
    direction: 'ltr',
    vertical: 'upright',
    native: 'horizontal',
    joined: false,
    condensable: true,
    sample: '한국어',
  },
  Arab: {
    name: { zh: '阿拉伯字母', en: 'Arabic-script' },
    lang: 'ug',
    direction: 'rtl',
    vertical: 'refused',
    native: 'horizontal',
    joined: true,
    condensable: false,
    sample: 'ئالىي مەكتەپ',
  },
  Tibt: {
    name: { zh: '藏文', en: 'Tibetan' },
    lang: 'bo',
    direction: 'ltr',
    vertical: 'rotated',
    native: 'horizontal',
    joined: false,
    condensable: false,
    sample: 'བོད་སྒྲིག་ཀྱི',
  },
  Latn: {
    name: { zh: '拉丁字母', en: 'Latin' },
    lang: 'en',
    direction: 'ltr',
    vertical: 'rotated',
    native: 'horizontal',
    joined: false,
    condensable: false,
    sample: 'Hxgp',
  },
}

export interface LanguageProfile {
  /** The script the language is written in on signs here. */
  script: Script
  breaks: BreakRule
  /**
   * The fonts give this language's spaces their own width (Noto Sans CJK KR's `locl` for KOR: 280
   * units, not 224), which satori cannot select since it shapes without a language: such text is
   * drawn a word at a time, and the spaces between the words are placed by our measurement.
   */
  wordsDrawnApart?: boolean
}

/** Languages by primary subtag (BCP 47, lower case). Kazakh in China is written in the Arabic script. */
export const LANGUAGE_PROFILES: Record<string, LanguageProfile> = {
  mn: { script: 'Mong', breaks: 'uax14' },
  zh: { script: 'Hani', breaks: 'uax14' },
  ko: { script: 'Hang', breaks: 'keep-all', wordsDrawnApart: true },
  ug: { script: 'Arab', breaks: 'uax14' },
  kk: { script: 'Arab', breaks: 'uax14' },
  bo: { script: 'Tibt', breaks: 'uax14' },
  en: { script: 'Latn', breaks: 'uax14' },
}

/** The primary language subtag of a BCP 47 tag: `ug-Arab-CN` → `ug`. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase()
}

export function languageProfile(tag: string): LanguageProfile | undefined {
  const lang = primaryLanguage(tag)
  // Own keys only: `constructor` or `__proto__` as a language must not find Object.prototype's.
  return Object.hasOwn(LANGUAGE_PROFILES, lang) ? LANGUAGE_PROFILES[lang] : undefined
}

/** The language a text is in when none is named: that of its first script with a profile. */
export function defaultLanguage(scripts: readonly Script[]): string {
  for (const s of scripts) {
    const p = SCRIPT_PROFILES[s]
    if (p) return p.lang
  }
  return 'zh'
}
