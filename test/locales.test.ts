/** Locale files: complete where declared, honest where missing, and used by the API. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../locales/index.js'
import type { Tree } from '../src/i18n/types.js'
import { app, env } from './helpers/env.js'
import { q } from './helpers/http.js'

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)))

/** i18next's plural suffixes (CLDR categories): `count_one`, `count_other` in English are `count` in Chinese, which has no plural. */
const PLURAL = /_(zero|one|two|few|many|other)$/
/** Keys as a language-neutral set: each plural family once, under its base key. */
const baseKeysOf = (tree: Tree): string[] => [...new Set(keysOf(tree).map((k) => k.replace(PLURAL, '')))]

/** Every error code the source can throw: `new QoyarError('code', status` and the Error subclasses. */
function errorCodesInSource(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = `${dir}/${name}`
      if (statSync(path).isDirectory()) walk(path)
      else if (path.endsWith('.ts')) files.push(path)
    }
  }
  walk(new URL('../src', import.meta.url).pathname)
  walk(new URL('../templates', import.meta.url).pathname)
  const codes = new Set<string>()
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/['"]([a-z_]+)['"],\s*\n?\s*(400|404|413|422)\b/g)) codes.add(m[1]!)
  return [...codes].sort()
}

describe('locale files', () => {
  const { resources, index } = LOCALES

  for (const [ns, decl] of Object.entries(index.namespaces)) {
    it(`${ns}: every key exists in every complete language, and other languages only hold known keys`, () => {
      const reference = baseKeysOf(resources.zh[ns] ?? {}).sort()
      expect(reference.length).toBeGreaterThan(5)
      for (const lang of decl.complete) {
        expect(baseKeysOf(resources[lang][ns] ?? {}).sort(), `${lang}/${ns}`).toEqual(reference)
        // A plural family is whole: every form the language's rules can pick, with _other as i18next's fallback.
        const keys = keysOf(resources[lang][ns] ?? {})
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
        for (const k of keys.filter((k) => PLURAL.test(k)))
          for (const c of categories) expect(keys, `${lang}/${ns}: ${k}`).toContain(k.replace(PLURAL, `_${c}`))
      }
      for (const lang of index.languages.filter((l) => !decl.complete.includes(l))) {
        // Not complete: declared missing or partial, with a reason.
        expect(decl.missing?.[lang] ?? decl.partial?.[lang], `${lang}/${ns} must be declared`).toMatch(/\S.{10,}/)
        for (const k of baseKeysOf(resources[lang][ns] ?? {})) expect(reference).toContain(k)
      }
    })
  }

  it('has a message in zh and en for every error code the code can raise', () => {
    const codes = errorCodesInSource()
    expect(codes).toEqual(expect.arrayContaining(['uncovered_code_points', 'invalid_fields', 'image_too_large', 'translation_missing']))
    for (const code of [...codes, 'text_does_not_fit', 'not_found', 'internal_error'])
      for (const lang of ['zh', 'en'] as const) expect(env.locales.has(lang, `errors.${code}`, 'messages'), `${lang}: errors.${code}`).toBe(true)
  })

  it('gives every slogan metadata: the kinds it suits and its Chinese source', () => {
    for (const s of env.slogans) {
      expect(s.suits.length, s.key).toBeGreaterThan(0)
      expect(s.source.zh, s.key).toBeTruthy()
      expect(s.texts.zh).toBeTruthy()
    }
  })

  it('never presents a Mongolian slogan without saying where it came from and whether it was reviewed', () => {
    for (const s of env.slogans) {
      if (s.texts.mn) {
        expect(s.source.mn, s.key).toMatch(/\w{8}/)
        expect(typeof s.reviewed.mn).toBe('boolean')
        expect(s.texts.mn).toMatch(/^[\u1800-\u18AF\u202F\u200C\u200D ,.!?0-9]+$/)
      } else expect(s.missing).toContain('mn')
    }
  })
})

describe('slogans over HTTP', () => {
  it('GET /v1/slogans lists the catalogue with review status and what is missing', async () => {
    const body = (await (await app.request('/v1/slogans')).json()) as {
      slogans: { key: string; texts: Record<string, string>; missing: string[]; reviewed: Record<string, boolean> }[]
    }
    const family = body.slogans.find((s) => s.key === 'unity.family')!
    expect(family.texts.zh).toBe('中华民族一家亲，同心共筑中国梦')
    expect(family.reviewed.zh).toBe(true)
    for (const s of body.slogans) expect(s.texts.mn !== undefined || s.missing.includes('mn')).toBe(true)
  })

  const banner = env.templates.find((t) => t.id === 'slogan-banner')!
  for (const s of env.slogans.filter((x) => x.suits.includes(banner.kind))) {
    it(`renders ${s.key} in slogan-banner, or says which translation is missing`, async () => {
      const vars = Object.fromEntries(s.variables.map((v) => [`v.${v}`, v === 'years' ? '77' : '自治区领导']))
      const res = await app.request(`/v1/render/slogan-banner.svg?${q({ slogan: s.key, ...vars, preset: 'screen-1920x480', lang: 'en' })}`)
      if (s.texts.mn) {
        expect(res.status).toBe(200)
        expect(res.headers.get('x-qoyar-translation')).toContain(s.reviewed.mn ? 'mn=reviewed' : 'mn=unreviewed')
        return
      }
      expect(res.status).toBe(422)
      const err = ((await res.json()) as { error: { code: string; message: string } }).error
      expect(err.code).toBe('translation_missing')
      expect(err.message).toContain(s.key)
      // With the office's own Mongolian text the catalogue's Chinese is used.
      const own = await app.request(`/v1/render/slogan-banner.svg?${q({ slogan: s.key, ...vars, mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ', preset: 'screen-1920x480' })}`)
      expect(own.status).toBe(200)
      expect(own.headers.get('x-qoyar-slogan')).toBe(s.key)
      expect(own.headers.get('x-qoyar-translation')).toBe('mn=user-supplied; zh=reviewed')
      expect(own.headers.get('x-qoyar-compliance')).toBe('pass')
    })
  }

  it('interpolates variables, and asks for a missing one', async () => {
    const check = await app.request(`/v1/check/slogan-banner?${q({ slogan: 'festival.nationalDay', 'v.years': '77', mn: 'ᠮᠣᠩᠭᠣᠯ' })}`)
    expect(check.status).toBe(200)
    const missing = await app.request(`/v1/render/slogan-banner.svg?${q({ slogan: 'festival.nationalDay', mn: 'ᠮᠣᠩᠭᠣᠯ', lang: 'en' })}`)
    expect(missing.status).toBe(422)
    const err = ((await missing.json()) as { error: { code: string; message: string } }).error
    expect(err.code).toBe('missing_variable')
    expect(err.message).toContain('years')
  })

  it('422 for an unknown slogan', async () => {
    const res = await app.request(`/v1/render/slogan-banner.svg?${q({ slogan: 'unity.nonexistent' })}`)
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unknown_slogan')
  })
})

describe('error messages switch language, codes stay', () => {
  const url = `/v1/render/desk-card.png?${q({ name_mn: 'ᠪᠠᠲᠤ', mnLayout: 'diagonal' })}`
  const read = async (res: Response) => ({
    lang: res.headers.get('content-language'),
    ...((await res.json()) as { error: { code: string; message: string } }).error,
  })

  it('Chinese by default', async () => {
    const e = await read(await app.request(url))
    expect(e.code).toBe('invalid_fields')
    expect(e.lang).toBe('zh')
    expect(e.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('English with lang=en or Accept-Language: en', async () => {
    for (const res of [await app.request(`${url}&lang=en`), await app.request(url, { headers: { 'Accept-Language': 'en-US,en;q=0.9,zh;q=0.5' } })]) {
      const e = await read(res)
      expect(e.code).toBe('invalid_fields')
      expect(e.lang).toBe('en')
      expect(e.message).not.toMatch(/[\u4e00-\u9fff]/)
      expect(e.message).toContain('desk-card')
    }
  })

  it('Mongolian requests read Chinese while no reviewed Mongolian interface text exists', async () => {
    const e = await read(await app.request(`${url}&lang=mn`))
    expect(e.code).toBe('invalid_fields')
    expect(e.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('a 422 for an uncovered code point reads in English with lang=en and names it', async () => {
    const res = await app.request(`/v1/text.png?${q({ text: 'ᠮᠣᠩᠭᠣᠯ \u{1F600}', lang: 'en' })}`)
    expect(res.status).toBe(422)
    const e = await read(res)
    expect(e.message).toBe('No font covers U+1F600; it would render as an empty box.')
  })
})
