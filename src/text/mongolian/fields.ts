/**
 * The checker applied to a template's fields: which fields hold Mongolian,
 * their findings, and (when asked) the fields with the certain fixes applied.
 * Fields are Mongolian by name (`mn`, `*_mn`, at any depth: images.0.caption_mn).
 */
import { QoyarError } from '../../errors.js'
import { CERTAIN_FIXES, checkMongolian, textStatus, type Finding, type TextStatus } from './check.js'

const MONGOLIAN_FIELD = /(^|_)mn$/

export interface FieldCheck {
  /** Dotted path of the field (images.0.caption_mn). */
  field: string
  text: string
  findings: Finding[]
  normalized: string | null
}

export interface TextReport {
  status: TextStatus
  /** Only the Mongolian fields that have findings. */
  fields: FieldCheck[]
  /** With normalize: the fields whose text was replaced by its normalised form, and why. */
  changed: { field: string; codes: string[] }[]
}

function collect(value: unknown, path: string, key: string, out: { field: string; text: string }[]): void {
  if (typeof value === 'string') {
    if (MONGOLIAN_FIELD.test(key)) out.push({ field: path, text: value })
  } else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}.${i}`, key, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, path ? `${path}.${k}` : k, k, out)
}

export function mongolianFields(fields: Record<string, unknown>): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = []
  collect(fields, '', '', out)
  return out
}

export function checkFields(fields: Record<string, unknown>): FieldCheck[] {
  return mongolianFields(fields)
    .map(({ field, text }) => {
      const { findings, normalized } = checkMongolian(text)
      return { field, text, findings, normalized }
    })
    .filter((f) => f.findings.length > 0)
}

function replaced(value: unknown, path: string, by: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return by.get(path) ?? value
  if (Array.isArray(value)) return value.map((v, i) => replaced(v, `${path}.${i}`, by))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, path ? `${path}.${k}` : k, by)]))
  return value
}

/**
 * Checks the Mongolian fields; with `normalize`, returns the fields with the
 * normalised texts in place and the report of the texts as rendered (what
 * was fixed is listed in `changed`, what remains in `fields`).
 */
export function checkTextFields(fields: Record<string, unknown>, normalize: boolean): { fields: Record<string, unknown>; report: TextReport } {
  const checks = checkFields(fields)
  const fixes = normalize ? checks.filter((c) => c.normalized !== null) : []
  if (!fixes.length) return { fields, report: { status: textStatus(checks.flatMap((c) => c.findings)), fields: checks, changed: [] } }
  const by = new Map(fixes.map((c) => [c.field, c.normalized!]))
  const next = replaced(fields, '', by) as Record<string, unknown> // replaced() keeps the object's shape
  const after = checkFields(next)
  return {
    fields: next,
    report: {
      status: textStatus(after.flatMap((c) => c.findings)),
      fields: after,
      changed: fixes.map((c) => ({
        field: c.field,
        codes: [...new Set(c.findings.filter((f) => f.suggestion !== undefined && CERTAIN_FIXES.includes(f.code)).map((f) => f.code))],
      })),
    },
  }
}

/** Legacy Menksoft codes are never drawn: the 422 carries each field's converted text. */
export function legacyEncodingError(checks: readonly FieldCheck[]): QoyarError {
  const fields = checks.map((f) => f.field).join(', ')
  return new QoyarError(
    'legacy_encoding',
    422,
    `${fields}: legacy Menksoft glyph codes, not Unicode text. The converted text is in details; send it, or render with normalize=true.`,
    { fields: checks.map((f) => ({ field: f.field, converted: f.normalized, findings: f.findings })) },
    { fields },
  )
}

/** X-Qoyar-Text-Changed: `name_mn (legacy-encoding); service_mn (suffix-space)`; ASCII only. */
export function changedHeader(report: TextReport): string | undefined {
  return report.changed.length ? report.changed.map((c) => `${c.field} (${c.codes.join(', ')})`).join('; ') : undefined
}
