/**
 * Laid-out text as elements and then as SVG (src/text/elements.ts,
 * src/render/glyph-marks.ts): a column of upright characters at a
 * whole-pixel pitch is one glyph run with a line each, blank pieces are left
 * out, satori is handed no text and no font, and the glyphs land on layout's
 * baselines.
 */
import { describe, expect, it } from 'vitest'
import { textImage } from '../src/render/text-image.js'
import { childElements, childrenOf, type El } from '../src/text/elements.js'
import { glyphPath, PathWriter, type GlyphRun } from '../src/text/glyph-paths.js'
import { pathBounds } from '../src/render/satori-svg/path-bounds.js'
import { markGlyphRuns } from '../src/render/glyph-marks.js'
import { renderSvg } from '../src/render/svg.js'
import { parseSvg, type SvgElement } from '../src/render/satori-svg/index.js'
import { env } from './helpers/env.js'

const spec = (text: string, size: number) => ({ text, orientation: 'vertical', size, color: '#000000', background: '#ffffff', padding: 16 }) as const

function runs(root: El): { run: GlyphRun; style: Record<string, string | number> }[] {
  const out: { run: GlyphRun; style: Record<string, string | number> }[] = []
  const walk = (e: El) => {
    if (e.props.glyphs) out.push({ run: e.props.glyphs, style: e.props.style ?? {} })
    for (const k of childElements(e)) walk(k)
  }
  walk(root)
  return out
}

function hasText(root: El): boolean {
  return childrenOf(root).some((k) => typeof k === 'string' || hasText(k))
}

const paths = (root: SvgElement): SvgElement[] => (root.name === 'path' ? [root] : root.children.flatMap(paths))

describe('text elements', () => {
  it('stacks a column of Chinese at 64 px into one run, a character a line, and leaves the spaces out', () => {
    const image = textImage(env.fonts, spec('ᠮᠣᠩᠭᠣᠯ 2024年度 蒙古族学校', 64))
    expect(runs(image.root).map((r) => r.run.lines.map((l) => l.text).join('|'))).toEqual(['ᠮᠣᠩᠭᠣᠯ ', '2024', '年|度', '蒙|古|族|学|校'])
    const column = runs(image.root).find((r) => r.run.lines[0]!.text === '蒙')!
    // Baselines a pitch apart, the pitch being layout's.
    const baselines = column.run.lines.map((l) => l.baseline)
    expect(baselines.slice(1).map((b, k) => b - baselines[k]!)).toEqual([64, 64, 64, 64])
    expect(column.run.features).toBe('vert')
  })

  it('keeps a run a character where the pitch is not a whole pixel', () => {
    const image = textImage(env.fonts, spec('蒙古族学校', 57.3))
    expect(runs(image.root).map((r) => r.run.lines.map((l) => l.text).join('|'))).toEqual(['蒙', '古', '族', '学', '校'])
  })

  it('hands satori boxes only: no text node, each run a marker colour of its own no design colour uses', () => {
    const image = textImage(env.fonts, spec('ᠮᠣᠩᠭᠣᠯ 蒙古族学校', 64))
    const marked = markGlyphRuns(image.root)
    expect(hasText(marked.root)).toBe(false)
    expect(marked.runs.size).toBe(runs(image.root).length)
    const colours = [...marked.runs.keys()]
    expect(new Set(colours).size).toBe(colours.length)
    // A design that fills a box with the first marker colour moves the markers elsewhere.
    const clash: El = { type: 'div', props: { style: { display: 'flex', backgroundColor: colours[0]! }, children: [image.root] } }
    const moved = [...markGlyphRuns(clash).runs.keys()]
    expect(moved).not.toContain(colours[0])
  })

  it('draws each run as one path in its colour, with the glyphs on layout baselines', async () => {
    const image = textImage(env.fonts, { ...spec('蒙古族学校', 64), color: '#123456' })
    const svg = await renderSvg(env.engines, env.fonts, image.root, image)
    expect(svg).not.toMatch(/<text|<rect[^>]*#01f2e3/)
    const drawn = paths(parseSvg(svg)!).filter((p) => p.attrs.fill === '#123456')
    expect(drawn).toHaveLength(runs(image.root).length)
    // The ink of the column: every glyph between the first's top and the last's bottom, none past the canvas.
    const ys = [...drawn.map((p) => p.attrs.d!).join(' ').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])).filter((_, k) => k % 2 === 1)
    const ink = image.layout.ink!
    const offsetY = (image.height - (ink.y1 - ink.y0)) / 2 - ink.y0
    expect(Math.min(...ys)).toBeCloseTo(ink.y0 + offsetY, 0)
    expect(Math.max(...ys)).toBeCloseTo(ink.y1 + offsetY, 0)
  })

  it("draws HarfBuzz's vertical mark offsets upward, where layout measured the marks' ink (Arabic harakat)", async () => {
    // مُحَمَّد: the damma, fatha and shadda are moved up by GPOS (dy > 0, y up); drawn downward they sat inside their letters.
    const image = textImage(env.fonts, { text: 'مُحَمَّد', orientation: 'horizontal', size: 96, color: '#123456', background: '#ffffff', padding: 24 })
    const svg = await renderSvg(env.engines, env.fonts, image.root, image)
    const ys = paths(parseSvg(svg)!)
      .filter((p) => p.attrs.fill === '#123456')
      .flatMap((p) => [...p.attrs.d!.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])).filter((_, k) => k % 2 === 1))
    const ink = image.layout.ink!
    const offsetY = (image.height - (ink.y1 - ink.y0)) / 2 - ink.y0
    // The topmost outline point is the top of the highest mark, as layout measured it (control points may stand a little off the ink).
    expect(Math.abs(Math.min(...ys) - (ink.y0 + offsetY))).toBeLessThan(1.5)
  })

  it('emboldens a regular face asked for at 700 as satori did (a stroke of 1/32 em in the fill)', async () => {
    const image = textImage(env.fonts, spec('ᠮᠣᠩᠭᠣᠯ', 64))
    const bold: El = structuredClone(image.root)
    for (const r of runs(bold)) r.run.weight = 700
    const svg = await renderSvg(env.engines, env.fonts, bold, image)
    const [p] = paths(parseSvg(svg)!).filter((e) => e.attrs.fill === '#000000')
    expect(p!.attrs.stroke).toBe('#000000')
    expect(Number(p!.attrs['stroke-width'])).toBeCloseTo(64 / 32, 6)
  })

  it('knows each glyph path\'s bounds as the clean-up would read them back from its numbers', () => {
    const texts: [string, number, 'vertical' | 'horizontal'][] = [
      ['ᠮᠣᠩᠭᠣᠯ 2024年度 蒙古族学校', 57.3, 'vertical'],
      ['مُحَمَّد', 96, 'horizontal'],
      ['བོད་ཡིག', 41, 'horizontal'],
      ['연변 조선족', 33.3, 'horizontal'],
    ]
    let checked = 0
    for (const [text, size, orientation] of texts) {
      const image = textImage(env.fonts, { text, orientation, size, color: '#000000', background: '#ffffff', padding: 16 })
      for (const { run } of runs(image.root))
        // Fractional and negative origins: the rounding of every number is in play.
        for (const [left, top] of [[0, 0], [12.345, 7.06], [-3.55, -120.25]] as const) {
          const path = glyphPath(env.fonts, run, left, top)
          if (!path) continue
          expect({ inner: path.inner, outer: path.outer }).toEqual(pathBounds(path.d))
          checked++
        }
    }
    expect(checked).toBeGreaterThan(12)
  })

  it('bounds control points off the curve in outer only, and a moveto only once a segment draws from it', () => {
    const w = new PathWriter()
    w.outline(
      [
        { type: 'M', x: 100, y: 0 },
        { type: 'M', x: 0, y: 0 },
        { type: 'Q', x1: 50, y1: 100, x: 100, y: 0 },
        { type: 'C', x1: 120, y1: -30, x2: -40, y2: -30, x: 0.04, y: 0 },
        { type: 'Z' },
      ],
      10,
      200,
      0.5,
    )
    expect(w.d).toBe('M60 200M10 200Q35 150 60 200C70 215 -10 215 10 200Z')
    expect({ inner: w.inner, outer: w.outer }).toEqual(pathBounds(w.d))
    expect(w.inner).toEqual({ x0: 10, y0: 200, x1: 60, y1: 200 })
    expect(w.outer).toEqual({ x0: -10, y0: 150, x1: 70, y1: 215 })
  })
})
