/**
 * The element tree satori gets for laid-out text (src/text/elements.ts): a
 * column of upright characters at a whole-pixel pitch is one text node with a
 * line each, blank pieces are left out, and the pixels are those of one node
 * a character.
 */
import { describe, expect, it } from 'vitest'
import { textImage } from '../src/render/text-image.js'
import type { El } from '../src/text/elements.js'
import { env } from './helpers/env.js'
import { comparePixels, rasterize } from './helpers/reference.js'
import { decodePng } from './helpers/image.js'
import { renderSvg } from '../src/render/svg.js'

const spec = (text: string, size: number) => ({ text, orientation: 'vertical', size, color: '#000000', background: '#ffffff', padding: 16 }) as const

function textNodes(root: El): { text: string; top: number; lineHeight: string | number | undefined }[] {
  const out: { text: string; top: number; lineHeight: string | number | undefined }[] = []
  const walk = (e: El) => {
    const kids = e.props.children
    for (const k of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids])
      if (typeof k === 'string') out.push({ text: k, top: e.props.style?.top as number, lineHeight: e.props.style?.lineHeight })
      else walk(k)
  }
  walk(root)
  return out
}

describe('text elements', () => {
  it('stacks a column of Chinese at 64 px into one node a run, a character a line, and leaves the spaces out', () => {
    const image = textImage(env.fonts, spec('ᠮᠣᠩᠭᠣᠯ 2024年度 蒙古族学校', 64))
    expect(textNodes(image.root).map((n) => n.text)).toEqual(['ᠮᠣᠩᠭᠣᠯ ', '2024', '年\n度', '蒙\n古\n族\n学\n校'])
    const column = textNodes(image.root).find((n) => n.text.startsWith('蒙'))!
    expect(column.lineHeight).toBe('64px')
  })

  it('keeps a node a character where the pitch is not a whole pixel (satori would place the lines elsewhere)', () => {
    const image = textImage(env.fonts, spec('蒙古族学校', 57.3))
    expect(textNodes(image.root).map((n) => n.text)).toEqual(['蒙', '古', '族', '学', '校'])
  })

  it('draws the stacked column with the pixels of one node a character', async () => {
    const image = textImage(env.fonts, spec('年度蒙古族学校民族团结进步', 64))
    const stacked = await renderSvg(env.engines, env.fonts, image.root, image)
    // The same layout, one element a character, as it was drawn before stacking.
    const single = structuredClone(image.root)
    const kids = single.props.children as El[]
    const [node] = kids.filter((k) => typeof k !== 'string' && typeof k.props.children === 'string' && k.props.children.includes('\n'))
    expect(node, 'a stacked node').toBeDefined()
    const chars = (node!.props.children as string).split('\n')
    const style = node!.props.style!
    const pitch = Number.parseFloat(String(style.lineHeight))
    kids.splice(
      kids.indexOf(node!),
      1,
      ...chars.map((c, k) => ({ type: 'div', props: { style: { ...style, top: (style.top as number) + k * pitch, height: pitch }, children: c } })),
    )
    const separate = await renderSvg(env.engines, env.fonts, single, image)
    expect(stacked).not.toBe(separate)
    const a = decodePng(await env.engines.rasterize(stacked, image))
    const b = rasterize(separate)
    expect(comparePixels(b, a, 0).differing).toBe(0)
  })
})
