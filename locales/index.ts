/** Every locale file, bundled as data (no file system at request time, so Workers can use them too). */
import enMessages from './en/messages.json' with { type: 'json' }
import enSlogans from './en/slogans.json' with { type: 'json' }
import enStudio from './en/studio.json' with { type: 'json' }
import localeIndex from './index.json' with { type: 'json' }
import mnMessages from './mn/messages.json' with { type: 'json' }
import mnSlogans from './mn/slogans.json' with { type: 'json' }
import sloganMeta from './slogans.meta.json' with { type: 'json' }
import zhMessages from './zh/messages.json' with { type: 'json' }
import zhSlogans from './zh/slogans.json' with { type: 'json' }
import zhStudio from './zh/studio.json' with { type: 'json' }
import type { LocaleData } from '../src/i18n/types.js'

export const LOCALES: LocaleData = {
  resources: {
    zh: { messages: zhMessages, slogans: zhSlogans, studio: zhStudio },
    en: { messages: enMessages, slogans: enSlogans, studio: enStudio },
    mn: { messages: mnMessages, slogans: mnSlogans },
  },
  index: localeIndex as LocaleData['index'],
  sloganMeta: sloganMeta as unknown as LocaleData['sloganMeta'],
}
