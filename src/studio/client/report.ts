/**
 * The side panel: the compliance report (failing rules first, each explained
 * from what its check measured) and the Mongolian text checker's findings.
 * Each finding names the blocks it concerns, which the preview marks, and its
 * field, which a click focuses.
 */
import type { OrderFinding, Relation } from '../../rules/checks.js'
import type { Check, RuleResult } from '../../rules/types.js'
import type { CheckResponse, DesignLayout } from './api.js'
import { byId, h } from './dom.js'
import { labelFor } from './form.js'
import { colon, enumSep, LANG, langOfText, listSep, loc, scriptName, t } from './strings.js'
import { catalogue, props, setValue, state } from './state.js'

/** What the panel tells the preview: blocks to mark as failing, and blocks to point at now. */
export interface Marks {
  flag(ids: string[]): void
  point(ids: string[]): void
}

// ---- reading what a check measured (the report's measured is typed per check, see src/rules/checks.ts) ----
interface PairFinding {
  text: string
  pass: boolean
}
interface SizeFinding extends PairFinding {
  ratio: number
}
interface OrientationFinding extends PairFinding {
  orientation: string
  progression?: string
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
/** The failing findings of a per-pair check (order, relative-size, orientation); a check that found no pair measures a sentence. */
function failing<T extends PairFinding>(measured: unknown): T[] {
  if (!Array.isArray(measured)) return []
  return measured.filter((f): f is T => isObject(f) && typeof f.text === 'string' && f.pass === false)
}

const RELATION_KEYS: Record<Relation, string> = {
  above: 'above',
  below: 'below',
  'left of': 'leftOf',
  'right of': 'rightOf',
  overlapping: 'overlapping',
}
/** An order finding in words, from its typed fields (src/rules/checks.ts). */
function arrangementText(f: OrderFinding): string {
  return t(`relation.${RELATION_KEYS[f.relation]}`, { a: scriptName(f.first), b: scriptName(f.other) })
}

/** A failing rule in words, from what its check measured. */
export function explain(r: RuleResult, check: Check | undefined): string {
  const m = r.measured
  const withText = (count: number, f: PairFinding, text: string) => (count > 1 ? `${text} (${f.text})` : text)
  switch (check?.type) {
    case 'languages-present': {
      const have = isObject(m) && Array.isArray(m.languages) ? (m.languages as unknown[]) : []
      const missing = check.languages.filter((l) => !have.includes(l)).map(scriptName)
      return t('explain.languagesPresent', { missing: missing.join(enumSep()) })
    }
    case 'order': {
      const found = failing<OrderFinding>(m)
      const key = check.orientation === 'vertical' ? 'orderVertical' : check.orientation === 'horizontal' ? 'orderHorizontal' : 'orderAny'
      return t(`explain.${key}`, {
        first: scriptName(check.first),
        found: found.map((f) => withText(found.length, f, arrangementText(f))).join(listSep()),
      })
    }
    case 'relative-size': {
      const worst = failing<SizeFinding>(m).reduce((a, f) => Math.min(a, f.ratio), Infinity)
      return t('explain.size', { lang: scriptName(check.lang), than: scriptName(check.than), ratio: worst === Infinity ? '?' : worst, min: check.minRatio })
    }
    case 'orientation':
      return t('explain.orientation', {
        lang: scriptName(check.lang),
        found: failing<OrientationFinding>(m)
          .map((f) => `${f.text}: ${f.orientation}${f.progression ? ` / ${f.progression}` : ''}`)
          .join(listSep()),
      })
    case 'within-bounds':
      return t('explain.bounds', { found: Array.isArray(m) ? m.map(String).join(listSep()) : fmt(m) })
    case 'glyph-coverage':
      return t('explain.glyphs', { found: isObject(m) && Array.isArray(m.uncovered) ? m.uncovered.join(' ') : fmt(m) })
    default:
      return t('explain.generic')
  }
}

/** The blocks a failing rule is about: the pairs its findings name, or (within-bounds) the blocks outside their area. */
export function blocksOfRule(r: RuleResult, check: Check | undefined, layout: DesignLayout | undefined): string[] {
  if (!layout || r.pass) return []
  const keyOf = (b: DesignLayout['blocks'][number]) => (b.face ? `${b.face}:${b.role}` : b.role)
  switch (check?.type) {
    case 'order':
    case 'relative-size':
    case 'orientation': {
      const keys = new Set(failing<PairFinding>(r.measured).map((f) => f.text))
      const onlyLang = check.type === 'orientation' ? check.lang : undefined
      return layout.blocks.filter((b) => keys.has(keyOf(b)) && (!onlyLang || b.lang === onlyLang)).map((b) => b.id)
    }
    case 'within-bounds': {
      const inside = (a: { x: number; y: number; width: number; height: number }, o: typeof a) =>
        a.x >= o.x - 0.5 && a.y >= o.y - 0.5 && a.x + a.width <= o.x + o.width + 0.5 && a.y + a.height <= o.y + o.height + 0.5
      return layout.blocks
        .filter((b) => {
          const area = layout.areas.find((a) => a.id === b.face) ?? layout.areas[0]
          return area ? !inside(b.px, area.px) : false
        })
        .map((b) => b.id)
    }
    default:
      return []
  }
}

function fmt(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map(fmt).join('; ')
  if (isObject(v))
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${Array.isArray(x) ? x.map(fmt).join(', ') : fmt(x)}`)
      .join(', ')
  return String(v as string | number | boolean)
}

function sourceText(src: RuleResult['source'] | undefined): string {
  if (!src) return ''
  const main = [src.title, src.number, src.article, src.issuer, src.date].filter(Boolean).join(' ')
  return src.note ? `${main} (${src.note})` : main
}

/** Focuses a field's control and brings it into view. */
export function focusField(field: string): void {
  const box = document.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(field.split('.')[0] ?? field)}"]`)
  const control = box?.querySelector<HTMLElement>('textarea, input, select')
  box?.scrollIntoView({ block: 'center' })
  control?.focus({ preventScroll: true })
}

const blocksOfField = (layout: DesignLayout | undefined, field: string) => (layout ? layout.blocks.filter((b) => b.field === field).map((b) => b.id) : [])

/** Hovering or focusing a finding points at its blocks on the preview. */
function pointing(li: HTMLElement, ids: string[], marks: Marks): void {
  if (!ids.length) return
  li.dataset.blocks = ids.join(' ')
  const on = () => marks.point(ids)
  const off = () => marks.point([])
  li.addEventListener('mouseenter', on)
  li.addEventListener('mouseleave', off)
  li.addEventListener('focusin', on)
  li.addEventListener('focusout', off)
}

export function renderReport(rep: CheckResponse, marks: Marks): void {
  const pack = catalogue.rules.packs.find((p) => p.id === rep.region)
  const defs = new Map(pack?.rules.map((r) => [r.id, r]) ?? [])
  const failed = rep.rules.filter((r) => !r.pass)
  const region = pack ? loc(pack.region) : rep.region
  const summary = byId('report-summary')
  summary.textContent = failed.length
    ? t('report.summaryFail', { failed: failed.length, total: rep.rules.length, region })
    : t('report.summaryPass', { total: rep.rules.length, region })
  summary.className = rep.pass ? 'pass' : 'fail'
  summary.dataset.pass = String(rep.pass)
  byId('report-pack').textContent = (rep.packStatus === 'unverified' ? `${t('report.unverifiedPack')} ` : '') + rep.packVersion
  const flagged = new Set<string>()
  const items = failed.concat(rep.rules.filter((r) => r.pass)).map((r) => {
    const check = defs.get(r.id)?.check
    const li = h(
      'li',
      { 'data-rule': r.id, 'data-pass': String(r.pass) },
      h(
        'div',
        { class: 'rule-head' },
        h('span', { class: 'badge', text: `${r.pass ? '✓' : '✗'} ${t(r.pass ? 'report.pass' : 'report.fail')}` }),
        h('span', { class: 'rule-id', text: r.id }),
      ),
      h('p', { class: 'rule-text', lang: langOfText(r.text), text: r.text }),
    )
    if (LANG === 'en' && r.gloss && r.gloss !== r.text) li.append(h('p', { class: 'rule-gloss', lang: 'en', text: r.gloss }))
    if (!r.pass) {
      li.append(h('p', { class: 'rule-why' }, h('strong', { text: t('report.why') + colon() }), explain(r, check)))
      const ids = blocksOfRule(r, check, rep.design)
      for (const id of ids) flagged.add(id)
      pointing(li, ids, marks)
      const field = ids.map((id) => rep.design?.blocks.find((b) => b.id === id)?.field).find(Boolean)
      // The fields that set order and size are the rule's own remedy; else the block's text field.
      const scale = Object.keys(props()).find((k) => /Scale$/.test(k)) // mnScale, koScale…: the pack's own script's size
      const remedy = check?.type === 'order' ? 'order' : check?.type === 'relative-size' ? scale : field
      if (remedy && document.querySelector(`.field[data-field="${CSS.escape(remedy)}"]`))
        li.append(
          h('button', { type: 'button', class: 'secondary small', text: t('report.toField', { field: labelFor(remedy) }), onclick: () => focusField(remedy) }),
        )
      li.tabIndex = 0
    }
    li.append(
      h(
        'details',
        { class: 'measure-box' },
        h('summary', { text: t('report.details') }),
        h(
          'dl',
          { class: 'measure' },
          h('dt', { text: t('report.source') }),
          h('dd', { lang: langOfText(sourceText(r.source)), text: sourceText(r.source) }),
          h('dt', { text: t('report.measured') }),
          h('dd', { lang: 'en', text: fmt(r.measured) }),
          h('dt', { text: t('report.expected') }),
          h('dd', { lang: 'en', text: fmt(r.expected) }),
        ),
      ),
    )
    return li
  })
  byId('report').replaceChildren(...items)
  renderTextFindings(rep, marks, flagged)
  marks.flag([...flagged])
}

/** The text checker's findings: in the panel (a click focuses the field) and under each field, each suggestion a one-click fix. */
function renderTextFindings(rep: CheckResponse, marks: Marks, flagged: Set<string>): void {
  for (const old of document.querySelectorAll('.text-findings')) old.remove()
  const panel: HTMLElement[] = []
  for (const f of rep.text.fields) {
    const field = document.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(f.field.split('.')[0] ?? f.field)}"]`)
    const ids = blocksOfField(rep.design, f.field)
    for (const x of f.findings) {
      if (x.severity === 'error') for (const id of ids) flagged.add(id)
      const li = h(
        'li',
        { class: `finding ${x.severity}`, 'data-field': f.field, tabindex: 0 },
        h('button', { type: 'button', class: 'link', text: labelFor(f.field), onclick: () => focusField(f.field) }),
        colon(),
        h('span', { text: loc(x.message) }),
      )
      pointing(li, ids, marks)
      panel.push(li)
    }
    if (!field) continue
    const items = f.findings.map((x) =>
      h(
        'li',
        { class: `finding ${x.severity}` },
        h('span', { text: loc(x.message) }),
        x.suggestion !== undefined
          ? h('button', {
              type: 'button',
              class: 'secondary small',
              text: t('text.fix'),
              'aria-label': t('text.fixLabel', { field: labelFor(f.field) }),
              onclick: () => {
                // The finding's offsets are into the text it was found in: apply only if the field still holds it.
                if ((state.values[f.field] ?? '') !== f.text) return
                const next = f.text.slice(0, x.start) + (x.suggestion ?? '') + f.text.slice(x.end)
                const control = field.querySelector<HTMLTextAreaElement | HTMLInputElement>('textarea, input')
                if (control) control.value = next
                setValue(f.field, next)
              },
            })
          : null,
      ),
    )
    field.append(h('ul', { class: 'text-findings', 'aria-live': 'polite' }, items))
  }
  const list = byId('findings')
  list.replaceChildren(...panel)
  byId('findings-summary').textContent = panel.length ? t('text.summary', { count: panel.length }) : t('text.none')
}

export function renderReportError(e: unknown, marks: Marks): void {
  const summary = byId('report-summary')
  summary.textContent = t('report.unavailable', { message: e instanceof Error ? e.message : '' })
  summary.className = 'fail'
  summary.dataset.pass = ''
  byId('report-pack').textContent = ''
  byId('report').replaceChildren()
  marks.flag([])
}
