/**
 * Template cases: slogan-banner and desk-card through qoyar's render route, and
 * the same designs as an HTML/CSS page for Chromium and a node tree for takumi.
 *
 * The baselines' designs are generated once per case (untimed) from qoyar's own
 * layout of the same input: the font sizes its fitting chose and where each line
 * sits (baseline, column centre), plus the template's fixed parts (background,
 * frame, fold line, the upper face turned 180°). So the pictures match, and the
 * baselines do no fitting of their own: their times are a floor for the design,
 * while qoyar's include fitting the text to the sign (HarfBuzz measuring).
 *
 * Chromium draws a Mongolian column with `writing-mode: vertical-lr`; takumi has no
 * vertical text, so its column is the horizontal line turned 90° clockwise (what
 * qoyar does for Mongolian; a column with Han in it would show them lying down).
 */
import type { Node, Renderer } from '@takumi-rs/core'
import type { BenchCase, TakumiScene } from './cases.js'
import { benchFonts, faceOf } from './fonts.js'

/** Every timed series of a template case stops after this much wall time (the n run is printed). */
export const TEMPLATE_BUDGET_MS = Number(process.env.BENCH_TEMPLATE_BUDGET_MS ?? 10_000)

/** One laid-out line as the baselines draw it, in face coordinates (px). */
interface SheetLine {
  /** CSS class Chromium sets the text through; unique per line. */
  cls: string
  text: string
  vertical: boolean
  fontSize: number
  /** Font alias first, then the other bench families as fallbacks. */
  family: string
  /** The weight qoyar asked for; with no bold face (Mongolian) the renderer synthesizes one, as satori does. */
  weight: number
  color: string
  /** Horizontal: left edge of the line and top of its line box; vertical: column left edge and top. */
  left: number
  top: number
  /** Line box height (horizontal) or column width (vertical): the primary font's ascent + descent. */
  lineHeight: number
  /** Length along the line as qoyar measured it (px). */
  length: number
}

/** A sign as the baselines draw it: faces (each w × faceHeight) with the same content. */
interface Sheet {
  width: number
  height: number
  background: string
  faces: { top: number; height: number; turned: boolean }[]
  lines: SheetLine[]
  frame?: { inset: number; border: number; color: string }
  fold?: { y: number; border: number; color: string }
}

const px = (v: number) => `${+v.toFixed(3)}px`
const q = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()

/** Primary family first, then the rest of the bench stack (M, L, S). */
function familyFor(alias: string): string {
  return [alias, ...new Set(benchFonts().map((f) => f.alias))].filter((a, i, all) => all.indexOf(a) === i).join(', ')
}

type Layout = Awaited<ReturnType<typeof qoyarLayout>>

/** qoyar's canvas, fields and placed blocks for one input (the design function, not a render). */
async function qoyarLayout(template: string, input: Record<string, string>) {
  const { nodeEnv } = await import('../src/node/env.js')
  const { prepare, designOf } = await import('../src/render/template-render.js')
  const env = await nodeEnv()
  const p = prepare(env, template, input)
  const design = designOf(env, p)
  return { canvas: p.canvas, fields: p.fields as Record<string, string>, blocks: design.blocks }
}

/** The lines of the blocks on one face, moved to face coordinates (dy = the face's top). */
function sheetLines(layout: Layout, face: string | undefined, dy: number, colorOf: (role: string) => string): SheetLine[] {
  const out: SheetLine[] = []
  for (const b of layout.blocks) {
    if (b.face !== face) continue
    b.layout.lines.forEach((line, i) => {
      const first = line.pieces[0]
      if (!first) return
      const font = faceOf(first.fontId)
      const common = {
        cls: `t-${b.role}-${b.lang}-${i}`,
        text: line.text,
        fontSize: first.fontSize,
        family: familyFor(font.alias),
        weight: first.weight,
        color: colorOf(b.role),
        lineHeight: first.ascent + first.descent,
        length: line.length,
      }
      if (b.layout.orientation === 'vertical') {
        // The column's centre is the primary font's central baseline (the middle of its em box),
        // which is where Chromium's vertical-lr puts it too.
        const centre = b.x + (first.box.x0 + first.box.x1) / 2
        out.push({ ...common, vertical: true, left: centre - common.lineHeight / 2, top: b.y - dy + line.box.y0 })
      } else {
        // A piece's origin (the start of its baseline) is in block px.
        const baseline = b.y - dy + first.origin.y
        out.push({ ...common, vertical: false, left: b.x + first.origin.x, top: baseline - first.ascent })
      }
    })
  }
  return out
}

function sheetHtml(s: Sheet, css: string): string {
  const faceH = s.faces[0]!.height
  const rules = [
    css,
    'body{margin:0}',
    `#sheet{position:relative;width:${px(s.width)};height:${px(s.height)};background:${s.background};overflow:hidden}`,
    `.face{position:absolute;left:0;width:${px(s.width)};height:${px(faceH)}}`,
    '.turned{transform:rotate(180deg)}',
    '.l{position:absolute;margin:0;white-space:pre}',
    '.v{writing-mode:vertical-lr}',
    s.frame &&
      `.frame{position:absolute;box-sizing:border-box;left:${px(s.frame.inset)};top:${px(s.frame.inset)};width:${px(s.width - 2 * s.frame.inset)};height:${px(faceH - 2 * s.frame.inset)};border:${px(s.frame.border)} solid ${s.frame.color}}`,
    s.fold &&
      `.fold{position:absolute;box-sizing:border-box;left:0;top:${px(s.fold.y - 0.5)};width:${px(s.width)};height:1px;border-top:${px(s.fold.border)} dashed ${s.fold.color}}`,
    ...s.lines.map((l) => `.${l.cls}{left:${px(l.left)};top:${px(l.top)};font:${l.weight} ${px(l.fontSize)}/${px(l.lineHeight)} ${l.family};color:${l.color}}`),
  ]
  const content = (s.frame ? '<div class="frame"></div>' : '') + s.lines.map((l) => `<div class="l ${l.vertical ? 'v ' : ''}${l.cls}"></div>`).join('')
  const faces = s.faces.map((f) => `<div class="face${f.turned ? ' turned' : ''}" style="top:${px(f.top)}">${content}</div>`).join('')
  return `<!doctype html><meta charset="utf-8"><style>${rules.filter(Boolean).join('\n')}</style><div id="sheet">${faces}${s.fold ? '<div class="fold"></div>' : ''}</div>`
}

async function sheetTakumi(s: Sheet, renderer: Renderer): Promise<TakumiScene> {
  const children: Node[] = []
  if (s.frame) {
    const { inset, border, color } = s.frame
    children.push({
      type: 'container',
      style: {
        position: 'absolute',
        boxSizing: 'border-box',
        left: inset,
        top: inset,
        width: s.width - 2 * inset,
        height: s.faces[0]!.height - 2 * inset,
        border: `${border}px solid ${color}`,
      },
    })
  }
  for (const l of s.lines) {
    const style = {
      fontSize: l.fontSize,
      fontFamily: l.family,
      fontWeight: l.weight,
      color: l.color,
      lineHeight: `${l.lineHeight}px`,
      whiteSpace: 'pre',
    } as const
    const text = { type: 'text', text: l.text, style } satisfies Node
    if (!l.vertical) {
      children.push({ ...text, style: { ...style, position: 'absolute', left: l.left, top: l.top } })
      continue
    }
    // No vertical writing mode: the horizontal line (its length as takumi shapes it, measured
    // once here) turned 90° clockwise about its centre, centred on the column.
    const len = (await renderer.measure(text)).width
    const cx = l.left + l.lineHeight / 2
    const cy = l.top + len / 2
    children.push({
      ...text,
      style: { ...style, position: 'absolute', left: cx - len / 2, top: cy - l.lineHeight / 2, width: len, height: l.lineHeight, transform: 'rotate(90deg)' },
    })
  }
  const faces: Node[] = s.faces.map((f) => ({
    type: 'container',
    style: {
      position: 'absolute',
      display: 'flex',
      left: 0,
      top: f.top,
      width: s.width,
      height: f.height,
      ...(f.turned ? { transform: 'rotate(180deg)' } : {}),
    },
    children,
  }))
  if (s.fold)
    faces.push({
      type: 'container',
      style: {
        position: 'absolute',
        boxSizing: 'border-box',
        left: 0,
        top: s.fold.y - 0.5,
        width: s.width,
        height: 1,
        borderTop: `${s.fold.border}px dashed ${s.fold.color}`,
      },
    })
  const node: Node = {
    type: 'container',
    style: { display: 'flex', position: 'relative', width: s.width, height: s.height, backgroundColor: s.background, overflow: 'hidden' },
    children: faces,
  }
  return { node, width: s.width, height: s.height }
}

function templateCase(name: string, description: string, template: string, input: Record<string, string>, sheet: Sheet, warmup: number): BenchCase {
  const fields = Object.fromEntries(sheet.lines.map((l) => [`.${l.cls}`, l.text]))
  return {
    name,
    description: `${description}, ${sheet.width}×${sheet.height}: ${JSON.stringify(input)}`,
    qoyar: { svg: `/v1/render/${template}.svg?${q(input)}`, png: `/v1/render/${template}.png?${q(input)}` },
    chromium: { html: (css) => sheetHtml(sheet, css), selector: '#sheet', fields, viewport: { width: sheet.width, height: sheet.height } },
    takumi: (renderer) => sheetTakumi(sheet, renderer),
    warmup,
    budgetMs: TEMPLATE_BUDGET_MS,
    size: { width: sheet.width, height: sheet.height },
  }
}

async function bannerCase(examples: Record<string, Record<string, unknown>>): Promise<BenchCase> {
  const input = { ...(examples['slogan-banner'] as Record<string, string>), preset: 'screen-1920x480' }
  const layout = await qoyarLayout('slogan-banner', input)
  const { width, height } = layout.canvas
  const sheet: Sheet = {
    width,
    height,
    background: layout.fields.background!,
    faces: [{ top: 0, height, turned: false }],
    lines: sheetLines(layout, undefined, 0, () => layout.fields.color!),
  }
  return templateCase('slogan-banner', 'slogan-banner (Mongolian line over Chinese, red cloth)', 'slogan-banner', input, sheet, 10)
}

async function deskCardCase(examples: Record<string, Record<string, unknown>>, dpi?: number): Promise<BenchCase> {
  const input: Record<string, string> = { ...(examples['desk-card'] as Record<string, string>), ...(dpi ? { dpi: String(dpi) } : {}) }
  const layout = await qoyarLayout('desk-card', input)
  const { width, height } = layout.canvas
  const h = height / 2
  const f = layout.fields
  // The fixed parts as templates/desk-card/template.ts draws them.
  const sheet: Sheet = {
    width,
    height,
    background: f.background!,
    faces: [
      { top: 0, height: h, turned: true },
      { top: h, height: h, turned: false },
    ],
    lines: sheetLines(layout, 'front', h, (role) => (role === 'name' ? f.color! : f.accent!)),
    frame: f.frame === 'line' ? { inset: h * 0.03, border: Math.max(1, h * 0.006), color: f.accent! } : undefined,
    fold: { y: h, border: Math.max(1, layout.canvas.mm(0.3)), color: '#9a9a9a' },
  }
  const at = `${layout.canvas.dpi} dpi`
  return templateCase(
    `desk-card-${layout.canvas.dpi}`,
    `desk-card sheet 200×200 mm at ${at} (two faces, upper turned 180°; Mongolian name a column left of the Chinese)`,
    'desk-card',
    input,
    sheet,
    dpi && dpi < 300 ? 5 : 3,
  )
}

/** slogan-banner (1920×480), desk-card at 300 dpi (the preset's) and at 150 dpi. */
export async function templateCases(): Promise<BenchCase[]> {
  const { nodeEnv } = await import('../src/node/env.js')
  const { examples } = await nodeEnv()
  return [await bannerCase(examples), await deskCardCase(examples), await deskCardCase(examples, 150)]
}
