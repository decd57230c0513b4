/** The raster clean-up of satori's SVG: what changes no pixel goes, the picture stays. */
import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { designOf, prepare } from '../src/render/template-render.js'
import { leanSvg } from '../src/render/svg.js'
import { parseSvg, serializeSvg } from '../src/render/satori-svg/index.js'
import { pathBounds, pathStart } from '../src/render/satori-svg/path-bounds.js'
import { env } from './helpers/env.js'
import type { Raster } from './helpers/image.js'
import { comparePixels } from './helpers/reference.js'

/** resvg's own premultiplied pixels: the clean-up must not move them. */
const pixels = (svg: string): Raster => {
  const r = new Resvg(svg, { font: { loadSystemFonts: false } }).render()
  return { width: r.width, height: r.height, data: new Uint8Array(r.pixels) }
}

const refs = (svg: string) => [...svg.matchAll(/ (?:clip-path|mask|filter)="url\(#([^)]+)\)"/g)].map((m) => m[1]!)
const svgOf = (body: string, defs = '') => `<svg width="40" height="40" viewBox="0 0 40 40" xmlns="http://www.w3.org/2000/svg">${defs}${body}</svg>`

describe('leanSvg on every template example', () => {
  for (const t of env.templates)
    it(t.id, async () => {
      // 40 dpi keeps the images small; the structure satori writes does not depend on the resolution.
      const p = prepare(env, t.id, { ...(env.examples[t.id] as Record<string, unknown>), dpi: '40' })
      const raw = await env.engines.satori(designOf(env, p).root as never, {
        width: p.canvas.width,
        height: p.canvas.height,
        fonts: env.fonts.satoriFonts as never,
        embedFont: true,
      })
      const lean = leanSvg(raw)
      expect(lean.length).toBeLessThan(raw.length)
      // Every clip and mask left is one that still cuts something: never the whole-canvas pair on every element.
      expect(refs(lean).length).toBeLessThan(refs(raw).length / 4)
      expect(lean).not.toMatch(/<g\/>|<g>|<defs\/>/)
      // The same picture. Without the per-element layers resvg rounds anti-aliased edges differently
      // when it composites: by one level, by more (up to 16 at 300 dpi) on a few isolated edge pixels.
      // Main's whole-canvas drop measured the same (e.g. window-sign 108 bytes over one level, meeting-banner 40).
      const { fraction, worst } = comparePixels(pixels(raw), pixels(lean), 1)
      expect(fraction).toBeLessThanOrEqual(1 / 2000)
      expect(worst).toBeLessThanOrEqual(16)
    })
})

describe('leanSvg, rule by rule (exact pixels)', () => {
  const same = (before: string) => {
    const after = leanSvg(before)
    expect(comparePixels(pixels(before), pixels(after), 0).differing).toBe(0)
    return after
  }
  const clip = '<clipPath id="c"><rect x="5" y="5" width="30" height="30"/></clipPath>'
  const mask = '<mask id="m"><rect x="5" y="5" width="30" height="30" fill="#fff"/></mask>'

  it('drops a clip and a mask that hold all the element draws', () => {
    const after = same(svgOf('<rect x="10" y="10" width="20" height="20" fill="#c00" clip-path="url(#c)" mask="url(#m)"/>', clip + mask))
    expect(after).toBe(svgOf('<rect x="10" y="10" width="20" height="20" fill="#c00"/>'))
  })

  it('keeps a clip that cuts the outer half of a border stroke', () => {
    const after = same(svgOf('<path d="M5 5h30v30h-30z" fill="none" stroke="#00c" stroke-width="6" clip-path="url(#c)"/>', clip))
    expect(refs(after)).toEqual(['c'])
  })

  it('fills the ring a clipped square-cornered border leaves, when its edges are on whole pixels', () => {
    const border = (w: number) =>
      `<path width="30" height="30" fill="none" stroke="#c8102e" stroke-width="${w}" clip-path="url(#c)" d="M5,5 A0,0 0 0 1 5,5 h30 a0,0 0 0 1 0,0 v30 a0,0 0 0 1 0,0 h-30 a0,0 0 0 1 0,0 v-30 A0,0 0 0 1 5,5"/>`
    const ring = same(svgOf(border(6), clip))
    expect(ring).toContain('d="M5,5h30v30h-30zM8,8h24v24h-24z"')
    expect(refs(ring)).toEqual([])
    // Half of 5 is no whole pixel: the inner edge would be anti-aliased, so the stroke and its clip stay.
    expect(refs(same(svgOf(border(5), clip)))).toEqual(['c'])
  })

  it('keeps a clip whose edge falls inside a pixel the element covers', () => {
    const after = same(
      svgOf(
        '<rect x="5" y="5" width="30" height="30" fill="#0c0" clip-path="url(#c)"/>',
        '<clipPath id="c"><rect x="5.5" y="5" width="30" height="30"/></clipPath>',
      ),
    )
    expect(refs(after)).toEqual(['c'])
  })

  it('keeps a mask whose default region (the bounding box plus 10 %) cuts a wide stroke', () => {
    const after = same(
      svgOf(
        '<path d="M10 20h20" stroke="#000" stroke-width="8" mask="url(#m)"/>',
        '<mask id="m"><rect x="0" y="0" width="40" height="40" fill="#fff"/></mask>',
      ),
    )
    expect(refs(after)).toEqual(['m'])
  })

  it('keeps a mask that is not plain opaque white', () => {
    const after = same(
      svgOf(
        '<rect x="10" y="10" width="20" height="20" fill="#c00" mask="url(#m)"/>',
        '<mask id="m"><rect x="0" y="0" width="40" height="40" fill="#888"/></mask>',
      ),
    )
    expect(refs(after)).toEqual(['m'])
  })

  it('follows quarter turns: a clip in a rotated element’s own space', () => {
    const body = '<path transform="matrix(0,1,-1,0,40,0)" d="M8 8h10v10h-10z" fill="#c0c" clip-path="url(#c)"/>'
    expect(refs(same(svgOf(body, clip)))).toEqual([])
    const tight = '<clipPath id="c"><rect x="10" y="5" width="30" height="30"/></clipPath>'
    expect(refs(same(svgOf(body, tight)))).toEqual(['c'])
  })

  it('removes empty groups, bare groups, opacity 1, off-canvas shapes and unused definitions', () => {
    const before = svgOf(
      '<g clip-path="url(#c)"/><g><g opacity="1"><rect x="1" y="1" width="9" height="9" fill="#123"/></g></g><rect x="50" y="0" width="9" height="9" fill="#f00"/><path d="M-20 -20h10v10h-10z"/>',
      `${clip}<defs>${mask}</defs>`,
    )
    expect(same(before)).toBe(svgOf('<rect x="1" y="1" width="9" height="9" fill="#123"/>'))
  })

  it('decides a shape that starts on the canvas as one whose bounds it read', () => {
    // Starts on the canvas: kept without reading the outline; starts off it but reaches in: kept from its bounds.
    const body =
      '<path d="M5 5L60 60" stroke="#000"/><path d="M-5 20L10 20" stroke="#000"/><path d="M39.9995 5L45 5" stroke="#000"/><path d="M60 5L70 5" stroke="#000"/>'
    expect(same(svgOf(body))).toBe(svgOf(body.replace('<path d="M60 5L70 5" stroke="#000"/>', '')))
    // Inside a clip, the bounds are read all the same: a clip holding the canvas goes.
    const clip = '<clipPath id="k"><rect x="0" y="0" width="40" height="40"/></clipPath>'
    expect(same(svgOf('<g clip-path="url(#k)"><path d="M5 5L30 30Z" stroke="#000"/></g>', clip))).toBe(svgOf('<path d="M5 5L30 30Z" stroke="#000"/>'))
  })

  it('keeps what a blur could bring onto the canvas from past its edge', () => {
    const defs = '<filter id="f"><feGaussianBlur stdDeviation="4"/></filter>'
    const after = same(svgOf('<g filter="url(#f)"><rect x="41" y="10" width="10" height="10" fill="#000"/></g>', defs))
    expect(after).toContain('<rect x="41"')
  })

  it('keeps a definition another kept one refers to', () => {
    const defs =
      '<clipPath id="outer"><rect x="0" y="0" width="12" height="40"/></clipPath><clipPath id="c" clip-path="url(#outer)"><rect x="5" y="5" width="30" height="30"/></clipPath>'
    const after = same(svgOf('<rect x="2" y="10" width="20" height="20" fill="#c00" clip-path="url(#c)"/>', defs))
    expect(after).toContain('id="outer"')
    expect(refs(after)).toEqual(['outer', 'c'])
  })

  it('leaves SVG that is not satori’s element-only output as it came', () => {
    const text = svgOf('<text x="1" y="20">hi</text><g/>')
    expect(leanSvg(text)).toBe(text)
    expect(leanSvg('<svg')).toBe('<svg')
  })

  it('writes back what it parsed, escapes included', () => {
    const svg = svgOf('<image href="data:image/png;base64,AA==" x="0" y="0" width="1" height="1" data-n="a&amp;b&quot;c"/>')
    expect(serializeSvg(parseSvg(svg)!)).toBe(svg)
  })
})

describe('pathBounds', () => {
  it('brackets a curve between its on-curve points and its control points', () => {
    // A quadratic from (0,0) to (20,0) through control (10,20): its true top is y = 10.
    const b = pathBounds('M0 0Q10 20 20 0')!
    expect(b.inner).toEqual({ x0: 0, y0: 0, x1: 20, y1: 0 })
    expect(b.outer).toEqual({ x0: 0, y0: 0, x1: 20, y1: 20 })
  })

  it('reads relative, implicit and shorthand commands', () => {
    expect(pathBounds('m10 10 5 0h5v5H10z')!.inner).toEqual({ x0: 10, y0: 10, x1: 20, y1: 15 })
    expect(pathBounds('M0 0c0 10 10 10 10 0s10-10 10 0')!.outer).toEqual({ x0: 0, y0: -10, x1: 20, y1: 10 })
    expect(pathBounds('M35,35 A0,0 0 0 1 35,35 h10 a0,0 0 0 1 0,0 v10')!.outer).toEqual({ x0: 35, y0: 35, x1: 45, y1: 45 })
  })

  it('reads numbers to the same doubles as Number()', () => {
    expect(pathBounds('M0.1 0.3L-.5 1e2L1.5e-3 123456789.0123456789L+7.25,0.30000000000000004')!.inner).toEqual({
      x0: -0.5,
      y0: 0.3,
      x1: 7.25,
      y1: 123456789.0123456789,
    })
    expect(pathBounds('M0.7 0.1L0.2 0.3')!.inner).toEqual({ x0: Number('0.2'), y0: Number('0.1'), x1: Number('0.7'), y1: Number('0.3') })
  })

  it('reads where a path starts, when a segment draws from there', () => {
    expect(pathStart(' M12.5,-3L0 0')).toEqual({ x: 12.5, y: -3 })
    expect(pathStart('m1 2 3 4')).toEqual({ x: 1, y: 2 })
    for (const d of ['M1 2', 'M1 2Z', 'M1 2M3 4L5 6', 'L1 2L3 4', 'M1L2 3']) expect(pathStart(d), d).toBeNull()
    const d = 'M7 3Q10 20 20 0L-4 9z'
    const { inner } = pathBounds(d)!
    const p = pathStart(d)!
    expect(p.x >= inner.x0 && p.x <= inner.x1 && p.y >= inner.y0 && p.y <= inner.y1).toBe(true)
  })

  it('bounds an arc by its ellipse, and refuses what it cannot read', () => {
    const arc = pathBounds('M0 0A5 5 0 0 1 10 0')!
    expect(arc.outer.y0).toBeLessThanOrEqual(-5)
    expect(pathBounds('M0 0L1')).toBeNull()
    expect(pathBounds('M0 0 X')).toBeNull()
  })
})
