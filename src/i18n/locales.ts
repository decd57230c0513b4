/**
 * Locale files through i18next: one instance, created once with the bundled
 * resources; messages in zh (default), en, and mn where a reviewed text exists.
 */
import i18next, { type i18n } from 'i18next'
import type { Language, LocaleData } from './types.js'
import { LANGUAGES } from './types.js'

export interface Locales {
  data: LocaleData
  i18n: i18n
  t(lang: Language, key: string, params?: Record<string, unknown>): string
  has(lang: Language, key: string, ns: string): boolean
  /** An error code's message in `lang`, the English text as the fallback (also when values are missing). */
  error(lang: Language, code: string, params: Record<string, string | number>, english: string): string
}

export function createLocales(data: LocaleData): Locales {
  const instance = i18next.createInstance()
  void instance.init({
    resources: data.resources,
    lng: data.index.defaultLanguage,
    fallbackLng: data.index.defaultLanguage,
    supportedLngs: [...LANGUAGES],
    ns: ['messages', 'slogans'],
    defaultNS: 'messages',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return {
    data,
    i18n: instance,
    t: (lang, key, params = {}) => instance.t(key, { lng: lang, ...params }) as string,
    has: (lang, key, ns) => instance.exists(key, { lng: lang, ns, fallbackLng: false } as never),
    error: (lang, code, params, english) => {
      const text = instance.t(`messages:errors.${code}`, { lng: lang, ...params, defaultValue: english }) as string
      // A message whose values were not all supplied reads worse than the English original.
      return /\{\{/.test(text) ? english : text
    },
  }
}

/**
 * The language of a response: `lang=` if given, else the best of
 * Accept-Language, else Chinese.
 */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined, fallback: Language = 'zh'): Language {
  const norm = (tag: string): Language | undefined => {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0]
    return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined
  }
  if (query) return norm(query) ?? fallback
  if (!acceptLanguage) return fallback
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.split(';')
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='))
      return { lang: norm(tag ?? ''), q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((x): x is { lang: Language; q: number } => x.lang !== undefined && x.q > 0)
    .sort((a, b) => b.q - a.q)
  return ranked[0]?.lang ?? fallback
}
