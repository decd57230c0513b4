/**
 * The print view: the preview at a zoom (fit, 100 % = the sign's real size in
 * CSS millimetres, 1:1 = one image pixel per device pixel), mm rulers along
 * the top and left, and overlays drawn over the image in the canvas's own
 * pixels: trim, bleed, the safe areas, folds and each text block's box.
 */
import type { DesignLayout } from './api.js'
import { byId } from './dom.js'
import { t } from './strings.js'

export type Zoom = 'fit' | 'real' | 'px'
export const ZOOMS: readonly Zoom[] = ['fit', 'real', 'px']
export type Overlay = 'trim' | 'bleed' | 'safe' | 'fold' | 'blocks'
export const OVERLAYS: readonly Overlay[] = ['trim', 'bleed', 'safe', 'fold', 'blocks']

const SVG = 'http://www.w3.org/2000/svg'
/** CSS pixels in a CSS millimetre (CSS Values 4: 1in = 96px = 25.4mm). */
const CSS_PX_PER_MM = 96 / 25.4
/** Ruler steps in mm: the smallest whose ticks stand at least MIN_TICK_PX apart is taken. */
const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]
const MIN_TICK_PX = 6
const MIN_LABEL_PX = 44
const RULER_PX = 18
/** The sheet's margin for the rulers (styles.ts: .sheet). */
const SHEET_MARGIN_PX = 30

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  if (text !== undefined) el.textContent = text
  return el
}

export interface ViewState {
  zoom: Zoom
  overlays: Record<Overlay, boolean>
}

export const view: ViewState = { zoom: 'fit', overlays: { trim: true, bleed: true, safe: true, fold: true, blocks: false } }

let layout: DesignLayout | undefined
let flagged: string[] = []
let pointed: string[] = []
/** The block being tuned (tune.ts): outlined whether or not the text boxes are shown. */
let selectedIds: string[] = []
/** The print bleed, mm (the PDF options' value). */
let bleedMm = 0

export function setLayout(next: DesignLayout | undefined): void {
  layout = next
  draw()
  // The batch's print plan takes the sign's size from here.
  document.dispatchEvent(new Event(LAYOUT_EVENT))
}
export const LAYOUT_EVENT = 'qoyar:layout'
/** The canvas of the sign the preview shows: its size in px and mm, as every batch row without a size of its own gets it. */
export const shownCanvas = (): DesignLayout['canvas'] | undefined => layout?.canvas
export function setBleed(mm: number): void {
  bleedMm = Number.isFinite(mm) && mm > 0 ? mm : 0
  draw()
}
export const marks = {
  flag(ids: string[]) {
    flagged = ids
    draw()
  },
  point(ids: string[]) {
    pointed = ids
    draw()
  },
  select(ids: string[]) {
    if (ids.join(' ') === selectedIds.join(' ')) return
    selectedIds = ids
    draw()
  },
}

/** The image's size on screen, CSS px, at the current zoom. */
function displaySize(c: DesignLayout['canvas']): { width: number; height: number } {
  if (view.zoom === 'real') return { width: c.widthMm * CSS_PX_PER_MM, height: c.heightMm * CSS_PX_PER_MM }
  if (view.zoom === 'px') return { width: c.widthPx / devicePixelRatio, height: c.heightPx / devicePixelRatio }
  const stage = byId('stage')
  const room = { width: stage.clientWidth - SHEET_MARGIN_PX - 28, height: Math.max(160, window.innerHeight * 0.62) }
  const scale = Math.min(room.width / c.widthPx, room.height / c.heightPx)
  return { width: c.widthPx * scale, height: c.heightPx * scale }
}

/** Lays the sheet out at the zoom and redraws rulers and overlays. */
export function draw(): void {
  const stage = byId('stage')
  stage.dataset.zoom = view.zoom
  const sheet = byId('sheet')
  const img = byId<HTMLImageElement>('preview-img')
  if (!layout || img.hidden) {
    sheet.hidden = img.hidden
    return
  }
  sheet.hidden = false
  const c = layout.canvas
  const size = displaySize(c)
  // 100 % is set in CSS mm so that the browser's own idea of a millimetre holds, not our arithmetic.
  img.style.width = view.zoom === 'real' ? `${c.widthMm}mm` : `${size.width}px`
  img.style.height = view.zoom === 'real' ? `${c.heightMm}mm` : `${size.height}px`
  drawRulers(size, c)
  drawOverlay(c)
}

function drawRulers(size: { width: number; height: number }, c: DesignLayout['canvas']): void {
  const pxPerMm = size.width / c.widthMm
  const step = STEPS.find((s) => s * pxPerMm >= MIN_TICK_PX) ?? STEPS[STEPS.length - 1]!
  const major = STEPS.find((s) => s >= step * 5 && s * pxPerMm >= MIN_LABEL_PX) ?? step * 10
  const ruler = (id: string, lengthMm: number, lengthPx: number, across: boolean) => {
    const el = byId(id)
    const w = across ? lengthPx : RULER_PX
    const h = across ? RULER_PX : lengthPx
    const root = svg('svg', { width: w, height: h, viewBox: `0 0 ${w} ${h}`, 'aria-hidden': 'true' })
    root.append(svg('rect', { x: 0, y: 0, width: w, height: h, class: 'ruler-ground' }))
    for (let mm = 0; mm <= lengthMm + 1e-6; mm += step) {
      const at = Math.round(mm * pxPerMm) + 0.5
      const isMajor = Math.abs(mm / major - Math.round(mm / major)) < 1e-6
      const len = isMajor ? RULER_PX : RULER_PX / 3
      root.append(
        across
          ? svg('line', { x1: at, x2: at, y1: RULER_PX - len, y2: RULER_PX, class: 'tick' })
          : svg('line', { y1: at, y2: at, x1: RULER_PX - len, x2: RULER_PX, class: 'tick' }),
      )
      if (isMajor && mm > 0)
        root.append(
          across
            ? svg('text', { x: at + 2, y: 9, class: 'tick-label' }, String(mm))
            : svg('text', { x: 2, y: at - 2, class: 'tick-label', transform: `rotate(-90 ${2} ${at - 2})` }, String(mm)),
        )
    }
    el.replaceChildren(root)
    el.dataset.stepMm = String(step)
  }
  ruler('ruler-x', c.widthMm, size.width, true)
  ruler('ruler-y', c.heightMm, size.height, false)
  byId('ruler-unit').textContent = 'mm'
}

function drawOverlay(c: DesignLayout['canvas']): void {
  if (!layout) return
  const o = view.overlays
  const pxPerMm = c.widthPx / c.widthMm
  const root = svg('svg', { id: 'overlay-svg', viewBox: `0 0 ${c.widthPx} ${c.heightPx}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' })
  const rect = (r: { x: number; y: number; width: number; height: number }, cls: string, extra: Record<string, string> = {}) =>
    svg('rect', { x: r.x, y: r.y, width: r.width, height: r.height, class: cls, ...extra })
  if (o.bleed && bleedMm > 0) {
    const b = bleedMm * pxPerMm
    // The band outside the trim that the print shop cuts away: drawn as one path with a hole.
    const d = `M${-b} ${-b}H${c.widthPx + b}V${c.heightPx + b}H${-b}Z M0 0V${c.heightPx}H${c.widthPx}V0Z`
    root.append(svg('path', { d, class: 'ov-bleed', 'fill-rule': 'evenodd', 'data-overlay': 'bleed' }))
  }
  if (o.trim) root.append(rect({ x: 0, y: 0, width: c.widthPx, height: c.heightPx }, 'ov-trim', { 'data-overlay': 'trim' }))
  if (o.safe) for (const a of layout.areas) root.append(rect(a.px, 'ov-safe', { 'data-overlay': 'safe', 'data-area': a.id }))
  if (o.fold) for (const f of layout.folds) root.append(svg('line', { x1: 0, x2: c.widthPx, y1: f.yPx, y2: f.yPx, class: 'ov-fold', 'data-overlay': 'fold' }))
  for (const b of layout.blocks) {
    const isFlagged = flagged.includes(b.id)
    const isPointed = pointed.includes(b.id)
    const isSelected = selectedIds.includes(b.id)
    if (!o.blocks && !isFlagged && !isPointed && !isSelected) continue
    const cls = ['ov-block', isFlagged ? 'flagged' : '', isPointed ? 'pointed' : '', isSelected ? 'selected' : ''].filter(Boolean).join(' ')
    root.append(rect(b.px, cls, { 'data-block': b.id, ...(b.field ? { 'data-field': b.field } : {}) }))
  }
  byId('overlay').replaceChildren(root)
  const bleedLabel = document.querySelector('label[for="ov-bleed"]')
  if (bleedLabel) bleedLabel.textContent = bleedMm > 0 ? t('view.bleedMm', { mm: bleedMm }) : t('view.bleedNone')
  byId('fold-row').hidden = layout.folds.length === 0
}
