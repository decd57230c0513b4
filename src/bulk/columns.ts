/**
 * The header check before a batch renders: when the columns give none of a
 * template's required fields, every row would fail with "is required"; say
 * once which columns were seen and how to map them instead.
 */
import { QoyarError } from '../errors.js'
import { findPack } from '../rules/evaluate.js'
import { DEFAULT_REGION } from '../rules/packs.js'
import type { RulePack } from '../rules/types.js'
import { fieldNamesOf, pairingOf, templateSchema, type FieldNames } from '../templates/pairing.js'
import type { TemplateDefinition } from '../templates/types.js'
import { fieldOf } from './rows.js'

/** The template's required fields under the region's names (name_mn, name_ko…). */
export function requiredFields(template: TemplateDefinition, names: FieldNames): string[] {
  const schema = names.jsonSchema(templateSchema(template)) as { required?: string[] } // a JSON Schema object
  return schema.required ?? []
}

export function checkColumns(
  template: TemplateDefinition,
  packs: readonly RulePack[],
  columns: readonly string[],
  map: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, unknown>>,
): void {
  // The region (a default for every row) decides the field names the columns must match.
  const region = typeof defaults.region === 'string' ? defaults.region : DEFAULT_REGION
  const names = fieldNamesOf(template, pairingOf(findPack(packs, region)).minority.lang)
  const required = requiredFields(template, names)
  const given = new Set([...columns.map((c) => fieldOf(c, map)), ...Object.keys(defaults)])
  // A slogan column (or default) fills the template's text fields from the catalogue.
  if (given.has('slogan')) for (const field of Object.values(template.sloganFields ?? {})) given.add(names.path(field))
  const missing = required.filter((f) => !given.has(f))
  if (!missing.length) return
  const unknown = columns.filter((c) => c && !required.includes(fieldOf(c, map)))
  const hint = unknown.length
    ? `--map ${unknown
        .slice(0, missing.length)
        .map((c, i) => `${c}=${missing[i]}`)
        .join(',')}`
    : `--map column=${missing[0]}`
  throw new QoyarError(
    'unknown_columns',
    422,
    `The header has ${
      columns
        .filter(Boolean)
        .map((c) => `"${c}"`)
        .join(', ') || 'no columns'
    }; ${template.id} needs ${missing.join(', ')}. Rename the columns, or map them, e.g. CLI ${hint} (API: ?map=…).`,
    { columns, missing, required },
    { columns: columns.join(', '), missing: missing.join(', '), hint },
  )
}
