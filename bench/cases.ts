/**
 * What the bench renders. A case is one input, rendered by qoyar (through the
 * hono app, per format) and optionally by each baseline with the same design.
 * The text cases are here; the template cases (slogan-banner, desk-card) are built
 * in templates.ts from qoyar's own layout of the same input. To add a case (a
 * longer text), push another BenchCase; a runtime such as workerd would be another
 * renderer over the same `qoyar` URLs.
 */
import type { Node, Renderer } from '@takumi-rs/core'
import { fontStack } from './fonts.js'

export type Format = 'svg' | 'png'

export interface ChromiumScene {
  /** The page, loaded once (page reused across renders); gets the @font-face CSS. */
  html: (fontFaceCss: string) => string
  /** The element that is screenshotted. */
  selector: string
  /** Set on every render: each selector's elements get the text as their textContent. */
  fields: Record<string, string>
  /** Viewport while this page is loaded (default 1280×2600): a template's canvas size. */
  viewport?: { width: number; height: number }
}

export interface TakumiScene {
  node: Node
  width: number
  height: number
}

export interface BenchCase {
  name: string
  /** Shown under the table. */
  description: string
  /** In-process request path per format, e.g. /v1/text.png?text=… */
  qoyar: Partial<Record<Format, string>>
  chromium?: ChromiumScene
  /** Builds the takumi node tree once per case (fonts already registered; may call measure()). */
  takumi?: (renderer: Renderer) => Promise<TakumiScene>
  /** Untimed renders before each timed series (default 20 for qoyar and takumi, 10 for Chromium). */
  warmup?: number
  /** Stop each timed series of this case after this much wall time (the n actually run is printed). */
  budgetMs?: number
  /** Canvas in px, when the case has a fixed one (templates). */
  size?: { width: number; height: number }
}

const SIZE = 64
const PADDING = 16

const codePoints = (s: string) => [...s].length

/** Same design everywhere: white background, black text, 64px, 16px padding, one vertical column. */
function textCase(name: string, description: string, text: string, expectedLength: number): BenchCase {
  if (codePoints(text) !== expectedLength) throw new Error(`case ${name}: ${codePoints(text)} code points, want ${expectedLength}`)
  const query = new URLSearchParams({ text, size: String(SIZE), padding: String(PADDING) })
  return {
    name,
    description: `${description} (${codePoints(text)} code points): ${JSON.stringify(text)}`,
    qoyar: { svg: `/v1/text.svg?${query}`, png: `/v1/text.png?${query}` },
    chromium: {
      // The reference: real vertical-lr (Mongolian and digits sideways, Han upright).
      html: (css) =>
        `<!doctype html><meta charset="utf-8"><style>${css} body{margin:0;background:#fff}` +
        ` #t{display:inline-block;writing-mode:vertical-lr;font:${SIZE}px ${fontStack()};color:#000;padding:${PADDING}px}</style><div id="t"></div>`,
      selector: '#t',
      fields: { '#t': text },
    },
    takumi: (renderer) => takumiRotatedLine(renderer, text),
  }
}

/**
 * takumi has no vertical writing mode: draw the horizontal line and turn it 90°
 * clockwise (as qoyar does for Mongolian; here the whole line turns, so Han in the
 * mixed case lies sideways). The canvas is the rotated line box plus padding; the
 * line is measured once here, not on every render.
 */
async function takumiRotatedLine(renderer: Renderer, text: string): Promise<TakumiScene> {
  const style = { fontSize: SIZE, fontFamily: fontStack(), color: '#000000', whiteSpace: 'nowrap' } as const
  const line = { type: 'text', text, style } satisfies Node
  const m = await renderer.measure(line)
  const w = Math.ceil(m.width)
  const h = Math.ceil(m.height)
  const width = h + 2 * PADDING
  const height = w + 2 * PADDING
  const node: Node = {
    type: 'container',
    style: { display: 'flex', position: 'relative', width, height, backgroundColor: '#ffffff' },
    children: [
      {
        ...line,
        style: { ...style, position: 'absolute', left: (width - w) / 2, top: (height - h) / 2, width: w, height: h, transform: 'rotate(90deg)' },
      },
    ],
  }
  return { node, width, height }
}

export const CASES: BenchCase[] = [
  // ᠮᠣᠩᠭᠣᠯ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠶᠢᠨ "of the Mongolian school"; the genitive suffix attaches with U+202F (engine-facts).
  textCase('mongol-20', 'Mongolian', 'ᠮᠣᠩᠭᠣᠯ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ\u202Fᠶᠢᠨ', 20),
  textCase('mixed-40', 'Mongolian + Chinese + digits', 'ᠮᠣᠩᠭᠣᠯ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ\u202Fᠶᠢᠨ 2024年度 蒙古族学校 民族团结进步', 40),
]

/** The case the memory loop renders (PNG). */
export const MEMORY_CASE = 'mixed-40'
