/**
 * Baseline 2: takumi (@takumi-rs/core, Rust, native Node binding). One Renderer,
 * fonts registered once; a render = render() to PNG or renderSvg() of a node tree
 * built once per case (see cases.ts).
 */
import { Renderer } from '@takumi-rs/core'
import type { Format, TakumiScene } from './cases.js'
import { benchFonts } from './fonts.js'

export interface TakumiSession {
  renderer: Renderer
  /** new Renderer() + registerFont for every face (three families, regular and bold). */
  setupMs: number
  render(scene: TakumiScene, format: Format): Promise<Buffer | string>
}

export async function startTakumi(): Promise<TakumiSession> {
  const t0 = performance.now()
  const renderer = new Renderer()
  for (const f of benchFonts()) await renderer.registerFont({ name: f.alias, data: f.data, weight: f.weight })
  const setupMs = performance.now() - t0
  return {
    renderer,
    setupMs,
    render(scene, format) {
      const size = { width: scene.width, height: scene.height }
      return format === 'png' ? renderer.render(scene.node, { ...size, format: 'png' }) : renderer.renderSvg(scene.node, size)
    },
  }
}
