/** Dropping satori's whole-canvas masks and clips: the same picture, and partial clips kept. */
import { describe, expect, it } from 'vitest'
import { designOf, prepare } from '../src/render/template-render.js'
import { dropCanvasClips } from '../src/render/svg.js'
import { env } from './helpers/env.js'
import { decodePng } from './helpers/image.js'

describe('dropCanvasClips', () => {
  it('removes only references to masks and clips that are the whole canvas, and the picture stays the same', async () => {
    const p = prepare(env, 'desk-card', { ...env.examples['desk-card'], dpi: '72' })
    const d = designOf(env, p)
    const raw = await env.engines.satori(d.root as never, { width: p.canvas.width, height: p.canvas.height, fonts: env.fonts.satoriFonts as never, embedFont: true })
    const slim = dropCanvasClips(raw, p.canvas)
    expect(slim.length).toBeLessThan(raw.length)
    expect(slim).not.toContain('mask="url(#satori_om-id)"')
    // The face clips (smaller than the canvas) stay.
    expect(slim).toMatch(/clip-path="url\(#satori_bc-id-0-0\)"/)
    const a = decodePng(await env.engines.rasterize(raw, p.canvas))
    const b = decodePng(await env.engines.rasterize(slim, p.canvas))
    let diff = 0
    for (let i = 0; i < a.data.length; i++) diff += Math.abs(a.data[i]! - b.data[i]!)
    expect(diff / a.data.length).toBeLessThan(0.05)
  })

  it('keeps a mask that is not the full canvas', () => {
    const svg = '<svg width="10" height="10"><mask id="m"><rect x="0" y="0" width="5" height="10" fill="#fff"/></mask><path mask="url(#m)" d="M0 0h10v10z"/></svg>'
    expect(dropCanvasClips(svg, { width: 10, height: 10 })).toBe(svg)
  })
})
