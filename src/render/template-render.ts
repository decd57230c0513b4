/**
 * A template render, stage by stage: input → validated fields, canvas and the
 * region's pair (prepare) → design (layout through the kit) → the region's
 * rules → SVG → PNG or PDF. `renderSign` reads the stages in one function;
 * the render job (routes, threads), batch rows and /v1/check all call it.
 */
import type { AppEnv } from '../env.js'
import { QoyarError } from '../errors.js'
import { createKit } from '../templates/kit.js'
import { gatherTune, tuningOf, type Tune } from '../templates/tune.js'
import { resolveCanvas, sizeFields } from '../templates/sizes.js'
import type { Canvas, Design, TemplateDefinition } from '../templates/types.js'
import { resolveSlogan, translationStatus, type TranslationStatus } from '../i18n/slogans.js'
import { LANGUAGES, type Language } from '../i18n/types.js'
import { fieldNamesOf, pairingOf, type FieldNames, type OrderChoice, type Pairing } from '../templates/pairing.js'
import { renderPng } from './png.js'
import { renderSvg } from './svg.js'
import { gridFor, impose, singlePage, type PrintSheet } from './print.js'
import { z, type ZodError } from 'zod'
import { assertSupported, complianceHeader, evaluate, findPack } from '../rules/evaluate.js'
import { DEFAULT_REGION } from '../rules/packs.js'
import type { ComplianceReport, RulePack } from '../rules/types.js'
import { booleanish } from '../schema.js'
import { checkTextFields, legacyEncodingError, type TextReport } from '../text/mongolian/fields.js'

import { CONTROL_KEYS, PRINT_KEYS, SIZE_KEYS, VARIABLE_PREFIX } from './request-keys.js'

export { CONTROL_KEYS }

export const printFields = z.object({
  bleed: z.coerce.number().min(0).max(10).default(0).describe('bleed around the trim, mm (3 is usual)'),
  marks: booleanish.default(false).describe('crop marks'),
  sheet: z.enum(['a4', 'a3']).optional().describe('gang several copies on A4/A3 sheets: shared cuts, crop marks only outside the grid'),
  copies: z.coerce.number().int().min(1).max(200).optional().describe('with sheet: how many copies (default: one sheet full)'),
})

export type PrintFields = z.output<typeof printFields>

/** A batch's print options: the render's, with `perSheet` (at most n signs a sheet) where a render has `copies`. */
export const batchPrintFields = printFields.pick({ bleed: true, marks: true, sheet: true }).extend({
  perSheet: z.coerce.number().int().min(1).max(200).optional().describe('with sheet: at most n signs a sheet (default: as many as fit)'),
})

export type BatchPrintFields = z.output<typeof batchPrintFields>

/** A batch's print options parsed as a render's are: a bad value is a 422 naming it, never clamped. */
export function batchPrint(input: Record<string, unknown>, template: string): BatchPrintFields {
  const parsed = batchPrintFields.safeParse(input)
  if (!parsed.success) throw invalidFields(parsed.error, template)
  return parsed.data
}

export const controls = z.object({
  slogan: z.string().max(64).optional(),
  region: z.string().max(64).default(DEFAULT_REGION),
  strict: booleanish.default(false),
  lang: z.string().max(35).optional(),
  /** Render the Mongolian fields with the checker's certain fixes applied (said in X-Qoyar-Text-Changed). */
  normalize: booleanish.default(false),
})

export type Controls = z.output<typeof controls>

export interface Prepared {
  template: TemplateDefinition
  /** The region's rules, and the two languages they pair. */
  pack: RulePack
  pairing: Pairing
  /** The template's own field names (name_minority) ↔ the pack's (name_mn, name_ko). */
  names: FieldNames
  /** The validated fields, under the template's own names. */
  fields: Record<string, unknown>
  canvas: Canvas
  controls: Controls
  print: PrintFields
  /** Where the texts came from when a catalogue slogan was used: per language reviewed, unreviewed or user-supplied. */
  slogan?: { key: string; translation: Partial<Record<string, TranslationStatus | 'user-supplied'>> }
  /** The Mongolian text checker's findings on the fields as rendered. */
  text: TextReport
  /** The normalised input: what an ETag or cache key hashes. */
  key: {
    template: string
    templateVersion: number
    fields: Record<string, unknown>
    canvas: { width: number; height: number; dpi: number }
    region: string
    strict: boolean
    slogan?: string
    print: PrintFields
    /** Present when normalize changed a field: the response then says so, so it must not share a cache entry. */
    normalized?: true
  }
}

export function findTemplate(env: AppEnv, id: string): TemplateDefinition {
  const t = env.templates.find((x) => x.id === id)
  if (!t)
    throw new QoyarError(
      'unknown_template',
      404,
      `No template "${id}"; see GET /v1/templates.`,
      {
        template: id,
        templates: env.templates.map((x) => x.id),
      },
      { template: id },
    )
  return t
}

function invalidFields(error: ZodError, template: string, names?: FieldNames): QoyarError {
  const issues = error.issues.map((i) => {
    const path = i.path.join('.')
    return { path: names ? names.path(path) : path, message: names ? names.text(i.message) : i.message, code: i.code }
  })
  const first = issues[0]
  return new QoyarError(
    'invalid_fields',
    422,
    first ? `Field "${first.path || '(root)'}" of ${template}: ${first.message}` : `Invalid fields for ${template}.`,
    { template, issues },
    { template, path: first?.path || '(root)', issue: first?.message ?? '' },
  )
}

export function prepare(env: AppEnv, templateId: string, input: Record<string, unknown>): Prepared {
  const template = findTemplate(env, templateId)
  const sizeInput: Record<string, unknown> = {}
  const fieldInput: Record<string, unknown> = {}
  const controlInput: Record<string, unknown> = {}
  const printInput: Record<string, unknown> = {}
  const variables: Record<string, string> = {}
  for (const [k, v] of Object.entries(gatherTune(input))) {
    if ((SIZE_KEYS as readonly string[]).includes(k)) sizeInput[k] = v
    else if ((PRINT_KEYS as readonly string[]).includes(k)) printInput[k] = v
    else if ((CONTROL_KEYS as readonly string[]).includes(k)) controlInput[k] = v
    else if (k.startsWith(VARIABLE_PREFIX)) variables[k.slice(VARIABLE_PREFIX.length)] = String(v)
    else fieldInput[k] = v
  }
  const ctl = controls.safeParse(controlInput)
  if (!ctl.success) throw invalidFields(ctl.error, template.id)
  // The region decides the field names (name_mn, name_ko) and the order: resolved before the fields.
  const pack = findPack(env.rulePacks, ctl.data.region)
  assertSupported(pack, env.fonts)
  const pairing = pairingOf(pack)
  const names = fieldNamesOf(template, pairing.minority.lang)
  const print = printFields.safeParse(printInput)
  if (!print.success) throw invalidFields(print.error, template.id)
  const slogan = ctl.data.slogan ? fillFromSlogan(env, template, pairing, names, ctl.data.slogan, variables, fieldInput) : undefined
  const size = sizeFields.safeParse(sizeInput)
  if (!size.success) throw invalidFields(size.error, template.id)
  const fields = template.fields.safeParse(names.toTemplate(fieldInput))
  if (!fields.success) throw invalidFields(fields.error, template.id, names)
  const canvas = resolveCanvas(template.presets, template.defaultPreset, size.data)
  // The text checker reads the pack's names: it checks Mongolian fields (`_mn`) and only those.
  const text = checkTextFields(names.toPack(fields.data as Record<string, unknown>), ctl.data.normalize)
  const values = text.fields
  return {
    template,
    pack,
    pairing,
    names,
    fields: names.toTemplate(values),
    canvas,
    controls: ctl.data,
    print: print.data,
    ...(slogan ? { slogan } : {}),
    text: text.report,
    key: {
      template: template.id,
      templateVersion: template.version,
      fields: values,
      canvas: { width: canvas.width, height: canvas.height, dpi: canvas.dpi },
      region: ctl.data.region,
      strict: ctl.data.strict,
      ...(slogan ? { slogan: slogan.key } : {}),
      print: print.data,
      ...(text.report.changed.length ? { normalized: true as const } : {}),
    },
  }
}

/**
 * Refuses what must not be drawn as given: legacy Menksoft codes (a 422
 * carrying the converted text; normalize=true renders it), and with
 * strict=true any text error.
 */
export function enforceText(prepared: Prepared): void {
  refuseLegacy(prepared)
  if (prepared.controls.strict && prepared.text.status === 'errors') {
    const bad = prepared.text.fields.filter((f) => f.findings.some((x) => x.severity === 'error'))
    const codes = [...new Set(bad.flatMap((f) => f.findings.filter((x) => x.severity === 'error').map((x) => x.code)))].join(', ')
    throw new QoyarError(
      'text_errors',
      422,
      `strict=true and the Mongolian text has errors in ${bad.map((f) => f.field).join(', ')}: ${codes}.`,
      { fields: bad },
      { fields: bad.map((f) => f.field).join(', '), codes },
    )
  }
}

/** Legacy Menksoft codes are never drawn: a 422 carrying the converted text (normalize=true renders it). */
export function refuseLegacy(prepared: Prepared): void {
  const legacy = prepared.text.fields.filter((f) => f.findings.some((x) => x.code === 'legacy-encoding'))
  if (legacy.length) throw legacyEncodingError(legacy)
}

/**
 * Fills a template's text fields from a catalogue slogan. A field the user
 * set wins (their own translation); a language the catalogue lacks and the
 * user did not supply is refused rather than guessed.
 */
function fillFromSlogan(
  env: AppEnv,
  template: TemplateDefinition,
  pairing: Pairing,
  names: FieldNames,
  key: string,
  variables: Record<string, string>,
  fields: Record<string, unknown>,
): NonNullable<Prepared['slogan']> {
  if (!template.sloganFields)
    throw new QoyarError(
      'invalid_fields',
      422,
      `The ${template.id} template takes no catalogue slogans.`,
      { template: template.id },
      { template: template.id, path: 'slogan', issue: 'not supported by this template' },
    )
  const resolved = resolveSlogan(env.locales, env.slogans, key, variables)
  const translation: NonNullable<Prepared['slogan']>['translation'] = {}
  const catalogued = (lang: string): Language | undefined => LANGUAGES.find((l) => l === lang)
  for (const [role, own] of Object.entries(template.sloganFields) as [keyof Pairing & ('minority' | 'zh'), string][]) {
    const lang = pairing[role].lang
    const field = names.path(own)
    const inCatalogue = catalogued(lang)
    const text = inCatalogue ? resolved.texts[inCatalogue] : undefined
    if (fields[field] !== undefined && fields[field] !== '') translation[lang] = 'user-supplied'
    else if (text && inCatalogue) {
      fields[field] = text
      translation[lang] = translationStatus(resolved.entry, inCatalogue)
    } else
      throw new QoyarError(
        'translation_missing',
        422,
        `The catalogue has no trustworthy ${lang} text for "${key}"; supply your reviewed translation as ${field}=.`,
        { key, language: lang, field },
        { key, language: lang, field },
      )
  }
  return { key, translation }
}

/** The X-Qoyar-Translation header: how each language's text of a catalogue slogan stands. */
export function translationHeader(p: Prepared): string | undefined {
  if (!p.slogan) return undefined
  return Object.entries(p.slogan.translation)
    .map(([lang, status]) => `${lang}=${status}`)
    .join('; ')
}

export function complianceOf(env: AppEnv, p: Prepared, design: Design): ComplianceReport {
  return evaluate(p.pack, p.template, design, p.canvas, env.fonts)
}

/** With strict=true a failing sign is refused (422), carrying the report. */
export function enforce(p: Prepared, report: ComplianceReport): void {
  if (p.controls.strict && !report.pass)
    throw new QoyarError('compliance_failed', 422, `The sign breaks ${report.region} rules: ${complianceHeader(report).replace(/^fail; rules=/, '')}.`, {
      report,
    })
}

const isOrder = (v: unknown): v is OrderChoice => v === 'minority-first' || v === 'zh-first'

export function designOf(env: AppEnv, p: Prepared): Design {
  const { order, minorityScale } = p.fields
  // Parsed by the tune field every template takes (defineTemplate): its canonical output.
  const tuning = tuningOf(p.fields.tune as Tune | undefined)
  const kit = createKit(env.fonts, p.canvas, p.pairing, {
    ...(isOrder(order) ? { order } : {}),
    ...(typeof minorityScale === 'number' ? { minorityScale } : {}),
    tuning,
  })
  // The fields were parsed by this template's own schema (prepare): they are its output type.
  const design = p.template.design(p.fields as never, p.canvas, kit)
  refuseUnusedTune(p, design, tuning.unused())
  // Adjustments name fields as the request does (mnLayout, not the template's minorityLayout).
  return design.adjustments ? { ...design, adjustments: design.adjustments.map((a) => ({ ...a, field: p.names.path(a.field) })) } : design
}

/** A tuning no block asked for (a typo, a block this sign does not have) is a 422, never silently ignored. */
function refuseUnusedTune(p: Prepared, design: Design, unused: string[]): void {
  const key = unused[0]
  if (key === undefined) return
  const blocks = [...new Set(design.blocks.flatMap((b) => [b.role, `${b.role}:${b.lang}`]))]
  const path = `tune.${key}`
  const issue = `no block "${key}" on this sign; its blocks: ${blocks.join(', ')}`
  throw new QoyarError(
    'invalid_fields',
    422,
    `Field "${path}" of ${p.template.id}: ${issue}`,
    { template: p.template.id, issues: [{ path, message: issue, code: 'custom' }], blocks },
    { template: p.template.id, path, issue },
  )
}

export async function svgOf(env: AppEnv, p: Prepared, design: Design): Promise<string> {
  return renderSvg(env.engines, env.fonts, design.root, p.canvas)
}

export async function pngOf(env: AppEnv, p: Prepared, svg: string): Promise<Uint8Array> {
  return renderPng(env.engines, svg, p.canvas)
}

/** The sign as a vector PDF: its own page at the exact size (with bleed and marks), or imposed on sheets. */
export async function pdfOf(env: AppEnv, p: Prepared, design: Design, svg: string): Promise<Uint8Array> {
  if (!env.engines.pdf) throw new QoyarError('format_unavailable', 422, 'This runtime has no PDF writer; ask for SVG or PNG.', {}, { format: 'pdf' })
  const opts = { bleed: p.print.bleed, marks: p.print.marks }
  const { widthMm, heightMm } = p.canvas
  let sheets: PrintSheet[]
  if (p.print.sheet) {
    const copies = p.print.copies ?? gridFor(widthMm, heightMm, p.print.sheet, opts).perSheet
    sheets = impose(
      Array.from({ length: copies }, () => svg),
      widthMm,
      heightMm,
      design.background,
      p.print.sheet,
      opts,
    )
  } else sheets = [singlePage(svg, widthMm, heightMm, design.background, opts)]
  return env.engines.pdf({ title: `${p.template.title.zh} ${p.template.title.en}`, sheets })
}

/** How far a sign is drawn: its rules report only (/v1/check), its SVG, or its SVG and the PNG or PDF from it. */
export type SignOutput = 'report' | 'svg' | 'png' | 'pdf'

export interface Sign {
  design: Design
  report: ComplianceReport
  svg?: string
  /** The PNG or PDF, when asked for. */
  bytes?: Uint8Array
}

/**
 * The one pipeline from prepared input to a sign, stage by stage, as far as `output` asks:
 * design (layout through the kit) → the region's rules (strict refuses a failing sign) → SVG →
 * PNG or PDF. Renders, batch rows and checks all go through here.
 */
export async function renderSign(env: AppEnv, p: Prepared, output: SignOutput): Promise<Sign> {
  const design = designOf(env, p)
  const report = complianceOf(env, p, design)
  if (output === 'report') return { design, report }
  enforce(p, report)
  const svg = await svgOf(env, p, design)
  if (output === 'svg') return { design, report, svg }
  const bytes = output === 'png' ? await pngOf(env, p, svg) : await pdfOf(env, p, design, svg)
  return { design, report, svg, bytes }
}
