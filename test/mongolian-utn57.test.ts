/**
 * The shipped Mongolian font against UTN #57 (and GB/T 25914-2023): every
 * Hudum letter in every joining position, every FVS the standard assigns,
 * MVS before a final ᠠ/ᠡ, and suffixes after MVS and after NNBSP. Noto Sans
 * Mongolian v3 names its glyphs by UTN #57 written units (uni1820.AA.isol),
 * so HarfBuzz's output names are what we assert on.
 */
import { describe, expect, it } from 'vitest'
import { HUDUM_VARIANTS, type Position } from '../src/text/mongolian/variants.js'
import { MVS, NNBSP } from '../src/text/mongolian/controls.js'
import { SUFFIXES } from '../src/text/mongolian/suffixes.js'
import { env } from './helpers/env.js'

const font = env.fonts.byId.get('noto-sans-mongolian')!
const ZWJ = '\u200D'
const FVS = ['', '\u180B', '\u180C', '\u180D', '\u180F']

function glyphNames(text: string): string[] {
  const buffer = env.fonts.hb.createBuffer()
  buffer.addText(text)
  buffer.guessSegmentProperties()
  env.fonts.hb.shape(font.hb, buffer)
  const names = buffer.json().map((g) => font.hb.glyphName(g.g))
  buffer.destroy()
  return names
}

/** The letter in a position, forced by ZWJ on the joining sides, so no neighbour's shaping rule applies. */
function inPosition(letter: string, fvs: string, position: Position): string {
  const before = position === 'medi' || position === 'fina' ? ZWJ : ''
  const after = position === 'init' || position === 'medi' ? ZWJ : ''
  return before + letter + fvs + after
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0')

describe('Noto Sans Mongolian v3 follows UTN #57', () => {
  it('is v3.002 or later', () => {
    const version = /Version (\d+)\.(\d+)/.exec(font.entry.fontVersion)!
    expect(Number(version[1]) * 1000 + Number(version[2])).toBeGreaterThanOrEqual(3002)
  })

  it('what v2.001 drew and v3 does not (circled digits, vertical presentation forms) falls back to the CJK face', () => {
    const lost = [...Array.from({ length: 20 }, (_, i) => 0x2460 + i), 0xfe3d, 0xfe3e, 0xfe41, 0xfe42, 0xfe43, 0xfe44]
    for (const cp of lost) {
      expect(font.codepoints.has(cp)).toBe(false)
      expect(env.fonts.resolve(cp, 'Mong', { genre: 'sans', weight: 400 })?.role, cp.toString(16)).toBe('han-sans')
    }
  })

  /**
   * Rows typed from GB/T 25914-2023 (its glyph number) and UTN #57 Table 4, not read from HUDUM_VARIANTS:
   * a wrong or missing row in that table fails here, against both the table and the font. FVS 0: no selector.
   */
  const PINNED: [letter: string, position: Position, fvs: 0 | 1 | 2, written: string, gb: string][] = [
    ['ᠠ', 'isol', 0, 'AA', '00B2 a first isolated form'],
    ['ᠠ', 'isol', 1, 'A', '00B3 a second isolated form'],
    ['ᠠ', 'isol', 2, 'Aa', '00B4 a third isolated form'],
    ['ᠠ', 'init', 0, 'AA', '0004 a first initial form'],
    ['ᠠ', 'medi', 0, 'A', '0005 a first medial form'],
    ['ᠠ', 'medi', 1, 'AA', '0006 a second medial form'],
    ['ᠠ', 'fina', 0, 'A', '0008 a first final form'],
    ['ᠠ', 'fina', 1, 'Aa', '0009 a second final form'],
    ['ᠡ', 'isol', 0, 'A', '00B3 e first isolated form'],
    ['ᠡ', 'isol', 1, 'Aa', '00B4 e second isolated form'],
    ['ᠢ', 'isol', 0, 'AI', '00B5 i first isolated form'],
    ['ᠢ', 'init', 0, 'AI', '000A i first initial form'],
    ['ᠢ', 'medi', 0, 'I', '00B7 i first medial form'],
    ['ᠢ', 'medi', 1, 'AI', '00B8 i second medial form'],
    ['ᠢ', 'fina', 0, 'I', '000B i final form'],
    ['ᠣ', 'medi', 1, 'AO', '000D o second medial form'],
    ['ᠣ', 'fina', 0, 'U', '000E o first final form'],
    ['ᠣ', 'fina', 1, 'O', '000F o second final form'],
    ['ᠥ', 'init', 0, 'AOI', '00BE oe initial form'],
  ]
  for (const [letter, position, fvs, written, gb] of PINNED) {
    const cp = letter.codePointAt(0)!
    it(`pinned: ${letter} (U+${hex(cp)}) ${position} ${fvs ? `FVS${fvs}` : 'no FVS'} is ${written} (GB/T 25914 ${gb})`, () => {
      const variants = HUDUM_VARIANTS[cp]?.[position] ?? []
      const row = fvs ? variants.find((v) => v.fvs === fvs) : variants.find((v) => v.default && v.conditions.length === 0)
      expect(row?.written, 'HUDUM_VARIANTS').toBe(written)
      const names = glyphNames(inPosition(letter, FVS[fvs]!, position))
      expect(
        names.find((n) => n.startsWith(`uni${hex(cp)}.`)),
        names.join(' '),
      ).toMatch(new RegExp(`^uni${hex(cp)}\\.${written}\\.${position}(\\.|$)`))
    })
  }

  for (const [cpText, letter] of Object.entries(HUDUM_VARIANTS)) {
    const cp = Number(cpText)
    for (const position of ['isol', 'init', 'medi', 'fina'] as const) {
      const variants = letter[position] ?? []
      // Forms chosen by a condition (gender, syllable, particle) are tested in words below, not alone.
      const plain = variants.filter((v) => v.fvs > 0 || (v.default && v.conditions.length === 0))
      if (!plain.length) continue
      it(`${letter.name} (U+${hex(cp)}) ${position}: ${plain.map((v) => (v.fvs ? `FVS${v.fvs}` : 'default') + '=' + v.written).join(', ')}`, () => {
        for (const v of plain) {
          const forms = v.fvs ? [FVS[v.fvs]!] : ['']
          // The default form is also what FVS-less text gets.
          if (v.default && v.conditions.length === 0 && v.fvs) forms.push('')
          for (const fvs of forms) {
            const names = glyphNames(inPosition(String.fromCodePoint(cp), fvs, position))
            const mine = names.find((n) => n.startsWith(`uni${hex(cp)}.`))
            expect(mine, `${letter.name}${fvs ? ` FVS${v.fvs}` : ''} ${position}: ${names.join(' ')}`).toMatch(
              // A borrowed form may have a glyph of its own in the position (ᡁ medial is named Zr.medi).
              new RegExp(`^uni${hex(cp)}\\.${v.written}\\.(${v.drawnAs}|${position})(\\.|$)`),
            )
            if (fvs) expect(names, `FVS${v.fvs} takes effect`).toContain(`fvs${v.fvs}.effective`)
          }
        }
      })
    }
  }

  it('a selector the standard does not assign for that letter and position has no effect', () => {
    // ᠮ has no variants; ᠡ medial has none; ᠣ initial has none.
    for (const [letter, fvs, position] of [
      ['ᠮ', '\u180B', 'init'],
      ['ᠡ', '\u180C', 'medi'],
      ['ᠣ', '\u180B', 'init'],
    ] as const) {
      const names = glyphNames(inPosition(letter, fvs, position))
      expect(
        names.some((n) => n.endsWith('.effective')),
        names.join(' '),
      ).toBe(false)
      expect(names.filter((n) => n.startsWith('uni18'))).toEqual(glyphNames(inPosition(letter, '', position)).filter((n) => n.startsWith('uni18')))
    }
  })

  it('MVS before a final ᠠ/ᠡ separates the chachlag form (emnelg·e, tan·a)', () => {
    const emnelge = glyphNames('ᠡᠮᠨᠡᠯᠭ' + MVS + 'ᠡ')
    expect(emnelge.at(-1)).toBe('uni1821.Aa.isol')
    expect(emnelge.at(-2)).toMatch(/^mvs/)
    const tana = glyphNames('ᠲᠠᠨ' + MVS + 'ᠠ')
    expect(tana.at(-1)).toBe('uni1820.Aa.isol')
    // Without MVS the same letters join: no separated form.
    expect(glyphNames('ᠡᠮᠨᠡᠯᠭᠡ').at(-1)).not.toBe('uni1821.Aa.isol')
  })

  it('gender decides ᠭ and ᠬ (UTN #57 Table 6, syllabic step): masculine onset Hx/H, feminine G', () => {
    expect(glyphNames('ᠭᠠᠷ')[0]).toMatch(/^uni182D\.Hx\.init/)
    // G before ᠡ ligates (GA: written units G + A).
    expect(glyphNames('ᠭᠡᠷ')[0]).toMatch(/^(uni182D\.G\.init|GA\.init)/)
    expect(glyphNames('ᠬᠠᠷ')[0]).toMatch(/^uni182C\.H\.init/)
    expect(glyphNames('ᠬᠡᠷ')[0]).toMatch(/^(uni182C\.G\.init|GA\.init)/)
    expect(glyphNames('ᠭᠠᠷ')[0]).not.toEqual(glyphNames('ᠬᠠᠷ')[0])
  })

  describe('suffixes after MVS and after NNBSP are drawn the same, in their suffix forms, with the wide gap', () => {
    const stems = { back: 'ᠨᠣᠮ', front: 'ᠡᠷᠳᠡᠮ' }
    for (const suffix of SUFFIXES) {
      const stem = suffix.harmony === 'front' ? stems.front : stems.back
      it(`${stem} + ${suffix.text}`, () => {
        const mvs = glyphNames(stem + MVS + suffix.text)
        const nnbsp = glyphNames(stem + NNBSP + suffix.text)
        expect(mvs).toEqual(nnbsp)
        expect(mvs).toContain('mvs.wide')
        // The suffix is not drawn as a word of its own (what a plain space gives) where the standard has a particle form.
        const spaced = glyphNames(stem + ' ' + suffix.text)
        if (suffix.particleForm) expect(mvs.slice(-suffix.text.length)).not.toEqual(spaced.slice(-suffix.text.length))
      })
    }
  })
})
