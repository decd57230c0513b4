/**
 * The machine checks, each a plain function of the laid-out design. They
 * measure what the layout produced (block extents, ink sizes, orientations,
 * fonts) and say what they measured and what was expected.
 */
import type { FontSet } from '../fonts/font-set.js'
import type { Canvas, Design, PlacedBlock, SignKind } from '../templates/types.js'
import { crossInk } from '../text/measure.js'
import { isDefaultIgnorable } from '../text/script.js'
import type { Box } from '../text/types.js'
import type { Check, LetterSize } from './types.js'

export interface CheckContext {
  design: Design
  kind: SignKind
  canvas: Canvas
  fonts: FontSet
}

export interface CheckOutcome {
  pass: boolean
  measured: unknown
  expected: unknown
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits

/** Blocks that belong together: the same text (role) on the same face, in each language. */
function pairs(design: Design): { key: string; blocks: PlacedBlock[] }[] {
  const groups = new Map<string, PlacedBlock[]>()
  for (const b of design.blocks) {
    const key = b.face ? `${b.face}:${b.role}` : b.role
    groups.set(key, [...(groups.get(key) ?? []), b])
  }
  return [...groups].map(([key, blocks]) => ({ key, blocks }))
}

/** A block's extent as its reader sees it: faces turned 180° are turned back. */
function readingBox(b: PlacedBlock): Box {
  if (b.rotation !== 180 || !b.frame) return b.extent
  const { x0, y0, x1, y1 } = b.frame
  return { x0: x0 + x1 - b.extent.x1, y0: y0 + y1 - b.extent.y1, x1: x0 + x1 - b.extent.x0, y1: y0 + y1 - b.extent.y0 }
}

const TOLERANCE = 0.5

export type Relation = 'above' | 'below' | 'left of' | 'right of' | 'overlapping'

/**
 * One pair an order check measured: where `first` (the rule's language) stands against `other`, as
 * typed fields for clients to explain; `arrangement` is the same in words ("mn below zh").
 */
export interface OrderFinding {
  text: string
  orientation: string
  first: string
  relation: Relation
  other: string
  arrangement: string
  pass: boolean
}

function relation(a: Box, b: Box): Relation {
  if (a.y1 <= b.y0 + TOLERANCE) return 'above'
  if (b.y1 <= a.y0 + TOLERANCE) return 'below'
  if (a.x1 <= b.x0 + TOLERANCE) return 'left of'
  if (b.x1 <= a.x0 + TOLERANCE) return 'right of'
  return 'overlapping'
}

function within(inner: Box, outer: Box): boolean {
  return inner.x0 >= outer.x0 - TOLERANCE && inner.y0 >= outer.y0 - TOLERANCE && inner.x1 <= outer.x1 + TOLERANCE && inner.y1 <= outer.y1 + TOLERANCE
}

export function runCheck(check: Check, ctx: CheckContext): CheckOutcome {
  const { design } = ctx
  switch (check.type) {
    case 'languages-present': {
      // Present means visible: a letter or digit, not only spaces, controls or variation selectors (U+180B alone draws nothing).
      const present = [...new Set(design.blocks.filter((b) => /[\p{L}\p{N}]/u.test(b.layout.text)).map((b) => b.lang))]
      return { pass: check.languages.every((l) => present.includes(l as never)), measured: { languages: present }, expected: { languages: check.languages } }
    }
    case 'order': {
      const findings: OrderFinding[] = []
      for (const { key, blocks } of pairs(design)) {
        const first = blocks.filter((b) => b.lang === check.first)
        const others = blocks.filter((b) => b.lang !== check.first)
        for (const a of first)
          for (const b of others) {
            const orientation = a.layout.orientation === 'vertical' && b.layout.orientation === 'vertical' ? 'vertical' : 'horizontal'
            if (check.orientation !== 'any' && check.orientation !== orientation) continue
            const rel = relation(readingBox(a), readingBox(b))
            // A rule for one arrangement (stacked or side by side) says nothing about the other.
            const stacked = rel === 'above' || rel === 'below'
            if (check.arrangement === 'stacked' && !stacked) continue
            if (check.arrangement === 'side-by-side' && (stacked || rel === 'overlapping')) continue
            // Vertical writing: first on the left only; horizontal: above, or before (left).
            const pass = orientation === 'vertical' && check.orientation !== 'any' ? rel === 'left of' : rel === 'above' || rel === 'left of'
            findings.push({ text: key, orientation, first: a.lang, relation: rel, other: b.lang, arrangement: `${a.lang} ${rel} ${b.lang}`, pass })
          }
      }
      const expected =
        check.arrangement === 'stacked'
          ? `${check.first} above the other script`
          : check.arrangement === 'side-by-side' || check.orientation === 'vertical'
            ? `${check.first} left of the other script`
            : `${check.first} above or before (left of) the other script`
      return {
        pass: findings.every((f) => f.pass),
        measured: findings.length ? findings : 'no pair written this way on this sign',
        expected,
      }
    }
    case 'relative-size': {
      const findings: { text: string; ratio: number; pass: boolean }[] = []
      for (const { key, blocks } of pairs(design)) {
        const a = blocks.find((b) => b.lang === check.lang)
        const b = blocks.find((x) => x.lang === check.than)
        if (!a || !b) continue
        const size = crossInk(b.layout)
        const ratio = size > 0 ? crossInk(a.layout) / size : Infinity
        findings.push({ text: key, ratio: round(ratio), pass: ratio >= check.minRatio && (check.maxRatio === undefined || ratio <= check.maxRatio) })
      }
      return {
        pass: findings.every((f) => f.pass),
        measured: findings.length ? findings : 'no pair on this sign',
        expected: {
          ratio: check.maxRatio ? `${check.minRatio}–${check.maxRatio}` : `≥ ${check.minRatio}`,
          of: `${check.lang} ink size across the script ÷ ${check.than}'s`,
        },
      }
    }
    case 'orientation': {
      const allowed = check.allowed[ctx.kind] ?? ['horizontal', 'vertical']
      const findings = design.blocks
        .filter((b) => b.lang === check.lang)
        .map((b) => {
          const rotatedOnly = b.layout.orientation !== 'vertical' || b.layout.lines.every((l) => l.pieces.every((p) => p.mode !== 'horizontal'))
          const progressionOk = b.layout.orientation !== 'vertical' || !check.progression || b.layout.progression === check.progression
          return {
            text: b.face ? `${b.face}:${b.role}` : b.role,
            orientation: b.layout.orientation,
            progression: b.layout.progression,
            pass: allowed.includes(b.layout.orientation) && progressionOk && rotatedOnly,
          }
        })
      return {
        pass: findings.every((f) => f.pass),
        measured: findings,
        expected: { orientations: allowed, ...(check.progression ? { columns: check.progression === 'ltr' ? 'left to right' : 'right to left' } : {}) },
      }
    }
    case 'within-bounds': {
      const canvas: Box = { x0: 0, y0: 0, x1: ctx.canvas.width, y1: ctx.canvas.height }
      const problems: string[] = []
      for (const b of design.blocks) {
        const name = `${b.face ? `${b.face}:` : ''}${b.role} (${b.lang})`
        const area = design.areas.find((a) => a.id === b.face)?.box ?? design.areas[0]?.box ?? canvas
        if (b.layout.overflow) problems.push(`${name}: a word is longer than its line`)
        if (!within(b.extent, canvas)) problems.push(`${name}: outside the canvas`)
        else if (!within(b.extent, area)) problems.push(`${name}: outside its area`)
      }
      return {
        pass: problems.length === 0,
        measured: problems.length ? problems : 'all text inside its area',
        expected: 'every block inside its area, no overflow',
      }
    }
    case 'glyph-coverage': {
      const missing = new Set<string>()
      for (const b of design.blocks)
        for (const line of b.layout.lines)
          for (const piece of line.pieces) {
            const font = ctx.fonts.byId.get(piece.fontId)
            for (const ch of piece.text) {
              const cp = ch.codePointAt(0)!
              if (!isDefaultIgnorable(cp) && !font?.codepoints.has(cp)) missing.add(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`)
            }
          }
      return {
        pass: missing.size === 0,
        measured: missing.size ? { uncovered: [...missing] } : 'every character drawn by a font that has it',
        expected: 'no uncovered code point',
      }
    }
  }
}

/** The letter size of every block, in mm, as its reader sees it (blocks repeated on a second face once). */
export function letterSizes(design: Design, canvas: Canvas): LetterSize[] {
  const seen = new Set<string>()
  const out: LetterSize[] = []
  for (const b of design.blocks) {
    const key = `${b.role}:${b.lang}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      text: b.role,
      lang: b.lang,
      mm: round(crossInk(b.layout) / canvas.mm(1), 1),
      ...(b.minLetterMm !== undefined ? { minMm: b.minLetterMm } : {}),
    })
  }
  return out
}
