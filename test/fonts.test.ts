/** The shipped fonts are what the manifest says: same bytes, loadable, covering what they claim. */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { env } from './helpers/env.js'

const FONTS = new URL('../fonts/', import.meta.url)

function charset(name: string): number[] {
  return readFileSync(new URL(`charsets/${name}.txt`, FONTS), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => parseInt(l.replace(/^U\+/, ''), 16))
}

describe('fonts/manifest.json', () => {
  it('has the fonts the project needs: Mongolian, Latin, Han sans regular and bold, Han serif bold', () => {
    const has = (role: string, weight: number) => env.manifest.fonts.some((f) => f.role === role && f.weight === weight)
    expect(has('mongolian', 400)).toBe(true)
    expect(has('latin', 400)).toBe(true)
    expect(has('han-sans', 400)).toBe(true)
    expect(has('han-sans', 700)).toBe(true)
    expect(has('han-serif', 700)).toBe(true)
    for (const role of ['hangul', 'arabic', 'tibetan']) {
      expect(has(role, 400), role).toBe(true)
      expect(has(role, 700), role).toBe(true)
    }
  })

  it('covers all 11,172 Hangul syllables and the jamo, the Uyghur and Kazakh letters, and the Tibetan block', () => {
    expect(charset('hangul-syllables')).toHaveLength(11172)
    expect(charset('hangul-jamo').length).toBeGreaterThan(300)
    // Uyghur's 32 letters (with ئ) and Kazakh's extra ones; ، ؛ ؟ among the punctuation.
    expect(charset('uyghur-kazakh')).toEqual(expect.arrayContaining([0x0626, 0x06ad, 0x06c7, 0x06c6, 0x06c8, 0x06cb, 0x06d0, 0x06d5, 0x0674, 0x0675]))
    expect(charset('arabic-punctuation')).toEqual(expect.arrayContaining([0x060c, 0x061b, 0x061f]))
    expect(charset('tibetan')).toEqual(expect.arrayContaining([0x0f0b, 0x0f0d, 0x0f40, 0x0f90, 0x0fb2]))
    // Each script's faces, regular and bold, and what each claims: an empty role would claim everything vacuously.
    const claimed = (role: string) =>
      env.manifest.fonts
        .filter((f) => f.role === role)
        .map((f) => [f.id, ['hangul-syllables', 'hangul-jamo', 'uyghur-kazakh', 'arabic-punctuation', 'tibetan'].filter((name) => f.covers.includes(name))])
    expect(claimed('hangul')).toEqual([
      ['noto-sans-kr-regular', ['hangul-syllables', 'hangul-jamo']],
      ['noto-sans-kr-bold', ['hangul-syllables', 'hangul-jamo']],
    ])
    expect(claimed('arabic')).toEqual([
      ['noto-naskh-arabic-regular', ['uyghur-kazakh', 'arabic-punctuation']],
      ['noto-naskh-arabic-bold', ['uyghur-kazakh', 'arabic-punctuation']],
    ])
    expect(claimed('tibetan')).toEqual([
      ['noto-serif-tibetan-regular', ['tibetan']],
      ['noto-serif-tibetan-bold', ['tibetan']],
    ])
  })

  for (const entry of env.manifest.fonts) {
    describe(entry.id, () => {
      const bytes = readFileSync(new URL(entry.file, FONTS))

      it('matches its checksum and size, with a licence and a source', () => {
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256)
        expect(bytes.length).toBe(entry.bytes)
        expect(entry.license).toBe('OFL-1.1')
        expect(readFileSync(new URL(entry.licenseFile, FONTS), 'utf8')).toContain('SIL OPEN FONT LICENSE')
        const pkg = entry.source.npmPackage ?? entry.source.debianPackage
        expect(pkg).toMatch(/^(fonts-noto|@fontsource\/noto-)/)
        expect(entry.source.npmVersion ?? entry.source.debianVersion).toBeTruthy()
      })

      it('loads, and covers every code point of the charsets it claims', () => {
        expect(env.fonts.byId.has(entry.id), `${entry.id} loaded`).toBe(true)
        const font = env.fonts.byId.get(entry.id)!
        expect(font.codepoints.size).toBe(entry.codepoints)
        for (const name of entry.covers) {
          const missing = new Set((entry.missing?.[name] ?? []).map((s) => parseInt(s.slice(2), 16)))
          const absent = charset(name).filter((cp) => !missing.has(cp) && !font.codepoints.has(cp))
          expect(
            absent.map((cp) => cp.toString(16)),
            `${entry.id} / ${name}`,
          ).toEqual([])
        }
      })
    })
  }

  it('covers the 8,105 characters of 通用规范汉字表 in every Han face', () => {
    expect(charset('tongyong-8105')).toHaveLength(8105)
    for (const f of env.manifest.fonts.filter((x) => x.role.startsWith('han-'))) expect(f.covers).toContain('tongyong-8105')
  })

  it('draws every shipped font through satori (text as paths)', async () => {
    const samples: Record<string, string> = {
      mongolian: 'ᠮᠣᠩᠭᠣᠯ',
      latin: 'Abc 2024',
      'han-sans': '民族团结',
      'han-serif': '民族团结',
      hangul: '연변',
      arabic: 'ئۇيغۇر',
      tibetan: 'བོད་ཡིག',
    }
    for (const f of env.fonts.fonts) {
      const svg = await env.engines.satori(
        { type: 'div', props: { style: { display: 'flex', fontFamily: f.id, fontWeight: f.weight, fontSize: 32 }, children: samples[f.role] } } as never,
        { width: 300, height: 60, fonts: env.fonts.satoriFonts as never },
      )
      expect(svg.match(/<path/g)?.length ?? 0, f.id).toBeGreaterThan(0)
    }
  })
})
