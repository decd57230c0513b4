/**
 * Design geometry measured on the laid-out sign, in mm and em: what a
 * sign-maker checks with a ruler. Unlike the reference renders these survive
 * an UPDATE_REFS run, so a spacing constant changed by mistake still fails here.
 */
import { describe, expect, it } from 'vitest'
import { variantsOf } from '../scripts/variants.js'
import type { PlacedBlock } from '../src/templates/types.js'
import { env } from './helpers/env.js'
import { design as designed } from './helpers/design.js'

function design(template: string, input: Record<string, unknown>) {
  const { p, d } = designed(template, input)
  return { p, d, mm: (px: number) => (px / p.canvas.dpi) * 25.4 }
}
const only = (blocks: PlacedBlock[], role: string, lang: string, face?: string) => {
  const found = blocks.filter((b) => b.role === role && b.lang === lang && (face === undefined || b.face === face))
  expect(found, `${role} (${lang}${face ? `, ${face}` : ''})`).toHaveLength(1)
  return found[0]!
}

describe('line pitch', () => {
  it('a two-line Mongolian slogan sets its lines 1.2–1.45 em apart, their ink clear of each other', () => {
    const banner = variantsOf(env.examples)['slogan-banner']!.find((v) => v.preset === 'screen-1920x480')!
    const mn = only(design('slogan-banner', banner).d.blocks, 'slogan', 'mn')
    const [first, second] = mn.layout.lines
    expect(mn.layout.lines).toHaveLength(2)
    const pitch = (second!.box.y0 - first!.box.y0) / mn.layout.fontSize
    expect(pitch).toBeGreaterThanOrEqual(1.2)
    expect(pitch).toBeLessThanOrEqual(1.45)
    expect(second!.ink?.y0 ?? -Infinity, 'both lines carry ink').toBeGreaterThan(first!.ink?.y1 ?? Infinity)
  })
})

describe('desk-card', () => {
  const card = (input: Record<string, unknown>) => design('desk-card', input)

  it('stands the Mongolian column half the Chinese type size clear of the Chinese name', () => {
    const { d, mm } = card(env.examples['desk-card']!)
    const mn = only(d.blocks, 'name', 'mn', 'front')
    const zh = only(d.blocks, 'name', 'zh', 'front')
    const gap = zh.extent.x0 - mn.extent.x1
    const zhInk = zh.extent.y1 - zh.extent.y0
    expect(gap / zhInk).toBeGreaterThanOrEqual(0.4)
    expect(gap / zhInk).toBeLessThanOrEqual(0.6)
    expect(mm(gap)).toBeGreaterThan(8) // a finger's width at the default 200×100 mm face
  })

  it('keeps 8 mm margins on a 100 mm face and fills them: a short name reaches within 12 mm of top and bottom', () => {
    const { d, mm, p } = card({ name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图' })
    const face = d.areas.find((a) => a.id === 'front')!.box
    expect(mm(face.y1 - face.y0)).toBeCloseTo(100, 0)
    const mn = only(d.blocks, 'name', 'mn', 'front')
    const top = mm(mn.extent.y0 - face.y0)
    const bottom = mm(face.y1 - mn.extent.y1)
    for (const edge of [top, bottom]) {
      expect(edge).toBeGreaterThanOrEqual(8 - 0.1)
      expect(edge).toBeLessThanOrEqual(12)
    }
    expect(p.canvas.widthMm).toBe(200)
  })
})
