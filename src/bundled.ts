/**
 * The data every runtime hands the app unchanged, bundled as code: templates
 * and their examples, rule packs, locale files and the slogan catalogue, the
 * font manifest, and the build version, with an office's data directory
 * (if the runtime was given one) merged over them. Only font bytes, engines
 * and how the office's files are read differ between the Node and Workers
 * entries.
 */
import type { AppEnv } from './env.js'
import type { FontManifest } from './fonts/manifest.js'
import { createLocales } from './i18n/locales.js'
import { sloganCatalogue } from './i18n/slogans.js'
import { brandTemplates } from './office/brand.js'
import type { OfficeFiles } from './office/files.js'
import { mergeLocales } from './office/merge.js'
import { parseOffice } from './office/parse.js'
import { mergePacks, RULE_PACKS } from './rules/packs.js'
import { buildVersion } from './version.js'
import { LOCALES } from '../locales/index.js'
import manifestJson from '../fonts/manifest.json' with { type: 'json' }
import pkg from '../package.json' with { type: 'json' }
import { EXAMPLES, PACK_EXAMPLES, TEMPLATES } from '../templates/index.js'

export const MANIFEST = manifestJson as FontManifest

export type BundledData = Pick<AppEnv, 'manifest' | 'templates' | 'examples' | 'packExamples' | 'rulePacks' | 'locales' | 'slogans' | 'version' | 'office'>

export function bundledData(officeFiles?: OfficeFiles): BundledData {
  const office = officeFiles && { ...parseOffice(officeFiles), files: officeFiles.files }
  const locales = createLocales(office ? mergeLocales(LOCALES, office) : LOCALES)
  return {
    manifest: MANIFEST,
    templates: office?.brand ? brandTemplates(TEMPLATES, office.brand, office.files) : TEMPLATES,
    examples: EXAMPLES,
    packExamples: PACK_EXAMPLES,
    rulePacks: office ? mergePacks(RULE_PACKS, office.packs, office.origin) : RULE_PACKS,
    locales,
    slogans: sloganCatalogue(locales),
    // An office's files are part of what a render depends on, like the fonts.
    version: buildVersion(pkg.version, [...MANIFEST.fonts.map((f) => f.sha256), ...(office?.fingerprint ?? [])]),
    ...(office
      ? {
          office: {
            data: office.origin,
            files: Object.keys(office.files).sort(),
            ...(office.brand?.name ? { brand: office.brand.name } : {}),
            // parseOffice refuses a brand whose emblem is not among the files.
            ...(office.brand ? { look: { colors: office.brand.colors, ...(office.brand.emblem ? { emblem: office.files[office.brand.emblem]! } : {}) } } : {}),
          },
        }
      : {}),
  }
}
