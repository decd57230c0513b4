/** The interface strings (embedded by page.ts as JSON) and the language they are in. */
import type { Tree } from '../../i18n/types.js'
import type { StudioLang } from '../page.js'
import { byId } from './dom.js'

export interface Boot {
  lang: StudioLang
  htmlLang: string
  strings: Tree
  hints: Record<string, import('../hints.js').StudioTemplateHints>
  office?: import('../page.js').StudioOffice
}

export const boot: Boot = JSON.parse(byId('studio-boot').textContent ?? '{}') as Boot // written by page.ts from these types
export const LANG: StudioLang = boot.lang
export const OTHER_LANG: StudioLang = LANG === 'zh' ? 'en' : 'zh'
/** BCP 47 tags for text in each language the studio shows. */
export const HTML_LANG: Record<string, string> = { zh: 'zh-Hans', en: 'en', mn: 'mn-Mong', ko: 'ko', ug: 'ug-Arab', bo: 'bo', kk: 'kk-Arab' }

export function lookup(key: string): string | undefined {
  let v: string | Tree | undefined = boot.strings
  for (const part of key.split('.')) v = v && typeof v === 'object' ? v[part] : undefined
  return typeof v === 'string' ? v : undefined
}

export type Params = Record<string, string | number | null | undefined>

/** The interface language's plural categories (en: one, other; zh: other only). */
const plurals = new Intl.PluralRules(boot.lang)

/**
 * A string with its {{params}} filled. With a numeric `count`, i18next's plural keys: `key_one`, `key_other`
 * (by the language's plural rules), else `key` itself, as a language without plurals (zh) has it.
 */
export function t(key: string, params?: Params): string {
  const count = params?.count
  const s = (typeof count === 'number' ? lookup(`${key}_${plurals.select(count)}`) : undefined) ?? lookup(key)
  if (s === undefined) return key
  return s.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => {
    const v = params?.[k]
    return v !== undefined && v !== null ? String(v) : ''
  })
}

/** A {zh, en} object in the interface language. */
export const loc = (o: { zh?: string; en?: string } | undefined | null): string => (o ? (o[LANG] ?? o.zh ?? o.en ?? '') : '')
export const scriptName = (code: string): string => lookup(`scripts.${code}`) ?? code
export const langOfText = (s: string | undefined): string => (/[\u3400-\u9fff]/.test(s ?? '') ? 'zh-Hans' : /[\u1800-\u18af]/.test(s ?? '') ? 'mn-Mong' : 'en')
export const listSep = (): string => (LANG === 'zh' ? '；' : '; ')
export const enumSep = (): string => (LANG === 'zh' ? '、' : ', ')
export const colon = (): string => (LANG === 'zh' ? '：' : ': ')
