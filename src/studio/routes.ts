/**
 * GET /studio: the designers' page (preview, compliance report, downloads),
 * with its stylesheet, script and the Mongolian font for its input fields.
 * All of it is bundled as code or comes from the app's own data: no file
 * system at request time, nothing fetched from elsewhere.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { fnv1a } from '../hash.js'
import { matchesIfNoneMatch } from '../http/etag.js'
import type { Tree } from '../i18n/types.js'
import { STUDIO_JS } from './generated/client.js'
import { studioHints } from './hints.js'
import { HTML_LANG, studioPage, type StudioLang } from './page.js'
import { STUDIO_CSS } from './styles.js'

/** Enough to name a version of an asset. */
const shortHash = (s: string): string => fnv1a(s).toString(36)

/** The page may load only from this origin; previews are blob: URLs, picture thumbnails data: URLs. */
export const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** The interface language: lang=en for English; Chinese otherwise (Mongolian has no reviewed interface text yet). */
export function studioLang(query: string | undefined): StudioLang {
  return query?.trim().toLowerCase().split(/[-_]/)[0] === 'en' ? 'en' : 'zh'
}

export function studioRoutes(env: AppEnv): Hono {
  const app = new Hono()
  const cssHash = shortHash(STUDIO_CSS)
  const jsHash = shortHash(STUDIO_JS)
  const assets = { css: `/studio/studio.css?v=${cssHash}`, js: `/studio/studio.js?v=${jsHash}` }
  const hints = studioHints(env)
  const o = env.office
  const office = o?.look && { data: o.data, ...(o.brand ? { name: o.brand } : {}), ...o.look }
  const pages = new Map<StudioLang, string>()
  const page = (lang: StudioLang) => {
    let html = pages.get(lang)
    if (!html) {
      const strings = (env.locales.data.resources[lang].studio ?? env.locales.data.resources.zh.studio ?? {}) as Tree
      html = studioPage({ lang, strings, hints, assets, ...(office ? { office } : {}) })
      pages.set(lang, html)
    }
    return html
  }

  app.get('/', (c) => {
    const lang = studioLang(c.req.query('lang'))
    return c.body(page(lang), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': HTML_LANG[lang],
      'Content-Security-Policy': STUDIO_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    })
  })
  app.get('/studio.css', (c) =>
    c.body(STUDIO_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': cacheFor(c.req.query('v'), cssHash),
      'X-Content-Type-Options': 'nosniff',
    }),
  )
  app.get('/studio.js', (c) =>
    c.body(STUDIO_JS, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': cacheFor(c.req.query('v'), jsHash),
      'X-Content-Type-Options': 'nosniff',
    }),
  )
  // The Mongolian font for the input fields: the bytes the renderer already holds.
  app.get('/fonts/mongolian.ttf', (c) => {
    const font = env.fonts.fonts.find((f) => f.role === 'mongolian')
    if (!font) return c.notFound()
    const etag = `"${font.entry.sha256.slice(0, 32)}"`
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) return c.body(null, 304, { ETag: etag })
    return c.body(new Uint8Array(font.data), 200, {
      'Content-Type': 'font/ttf',
      'Cache-Control': 'public, max-age=86400',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    })
  })
  return app
}

/** A versioned asset URL may be cached for good; anything else is revalidated. */
const cacheFor = (asked: string | undefined, current: string) => (asked === current ? 'public, max-age=31536000, immutable' : 'no-cache')
