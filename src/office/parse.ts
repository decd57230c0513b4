/**
 * An office's data directory, parsed and validated: slogans in the built-in
 * locale layout, their metadata (with reviewer and date for every reviewed
 * language), rule packs under the pack schema, and a brand. Any problem is an
 * OfficeDataError naming the file and the field.
 */
import { z, type ZodError } from 'zod'
import type { Language, SloganMeta, Tree } from '../i18n/types.js'
import { LANGUAGES } from '../i18n/types.js'
import { rulePackSchema } from '../rules/types.js'
import type { RulePack } from '../rules/types.js'
import { brandSchema, type Brand } from './brand.js'
import { OfficeDataError } from './errors.js'
import type { OfficeFiles } from './files.js'

export interface OfficeData {
  origin: string
  slogans: Partial<Record<Language, Tree>>
  meta: Record<string, SloganMeta>
  packs: { file: string; pack: RulePack }[]
  brand?: Brand
  /** Every file's path and content, for the build version (a changed office changes every ETag). */
  fingerprint: string[]
}

const tree: z.ZodType<Tree> = z.lazy(() => z.record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'keys are letters, digits, - and _'), z.union([z.string().trim().min(1), tree])))
const perLanguage = <T extends z.ZodType>(value: T) => z.partialRecord(z.enum(LANGUAGES as [Language, ...Language[]]), value)
const kinds = z.enum(['slogan', 'banner', 'desk-card', 'meeting-banner', 'letterhead', 'window-sign', 'door-plaque', 'display-board'])

const metaEntry = z
  .object({
    suits: z.array(kinds).optional(),
    source: perLanguage(z.string().min(1)),
    reviewed: perLanguage(z.boolean()).optional(),
    reviewer: perLanguage(z.string().trim().min(1)).optional(),
    reviewedOn: perLanguage(z.iso.date('expected a date as YYYY-MM-DD')).optional(),
    variables: z.array(z.string().regex(/^\w+$/)).optional(),
    notes: perLanguage(z.string()).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    // A reviewed text says who reviewed it and when: that is what makes it more than a guess.
    for (const [lang, yes] of Object.entries(m.reviewed ?? {}))
      if (yes)
        for (const key of ['reviewer', 'reviewedOn'] as const)
          if (!m[key]?.[lang as Language]) ctx.addIssue({ code: 'custom', path: [key, lang], message: `required: the ${lang} text is marked reviewed` })
  })
const metaFile = z.record(z.string(), z.union([metaEntry, z.string()]))

function failure(file: string, error: ZodError): OfficeDataError {
  const issue = error.issues[0]
  return new OfficeDataError(file, issue?.path.join('.') ?? '', issue?.message ?? 'invalid')
}

function json(files: OfficeFiles, file: string): unknown {
  try {
    return JSON.parse(files.files[file]!)
  } catch (e) {
    throw new OfficeDataError(file, '', `not JSON (${(e as Error).message})`)
  }
}

function parseWith<T>(files: OfficeFiles, file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(json(files, file))
  if (!parsed.success) throw failure(file, parsed.error)
  return parsed.data
}

const flatKeys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatKeys(v, `${prefix}${k}.`)))

export function parseOffice(files: OfficeFiles): OfficeData {
  const paths = Object.keys(files.files).sort()
  const slogans: OfficeData['slogans'] = {}
  for (const lang of LANGUAGES) {
    const file = `locales/${lang}/slogans.json`
    if (paths.includes(file)) slogans[lang] = parseWith(files, file, tree)
  }
  for (const p of paths.filter((x) => /^locales\/[a-z]{2}\/slogans\.json$/.test(x)))
    if (!(LANGUAGES as readonly string[]).includes(p.split('/')[1]!)) throw new OfficeDataError(p, '', `unknown language; qoyar reads ${LANGUAGES.join(', ')}`)

  const metaPath = 'locales/slogans.meta.json'
  const rawMeta = paths.includes(metaPath) ? parseWith(files, metaPath, metaFile) : {}
  const meta: Record<string, SloganMeta> = {}
  for (const [key, m] of Object.entries(rawMeta)) if (typeof m !== 'string') meta[key] = { suits: [], ...m } as SloganMeta
  // Every office text says where it came from, like every built-in one.
  for (const [lang, t] of Object.entries(slogans) as [Language, Tree][])
    for (const key of flatKeys(t))
      if (!meta[key]?.source?.[lang]) throw new OfficeDataError(metaPath, `${key}.source.${lang}`, `required: locales/${lang}/slogans.json has a text for "${key}"`)

  const packs = paths
    .filter((p) => p.startsWith('packs/'))
    .map((file) => ({ file, pack: parseWith(files, file, rulePackSchema) as RulePack }))
  const brand = paths.includes('brand.json') ? parseWith(files, 'brand.json', brandSchema) : undefined
  if (brand?.emblem && !files.files[brand.emblem]) throw new OfficeDataError('brand.json', 'emblem', `no image "${brand.emblem}" in the data directory (PNG or JPEG)`)
  return {
    origin: files.origin,
    slogans,
    meta,
    packs,
    ...(brand ? { brand } : {}),
    fingerprint: paths.map((p) => `${p}\0${files.files[p]}`),
  }
}
