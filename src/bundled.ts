/**
 * The data every runtime hands the app unchanged, bundled as code: templates
 * and their examples, rule packs, locale files and the slogan catalogue, the
 * font manifest, and the build version. Only font bytes and engines differ
 * between the Node and Workers entries.
 */
import type { AppEnv } from './env.js'
import type { FontManifest } from './fonts/manifest.js'
import { createLocales } from './i18n/locales.js'
import { sloganCatalogue } from './i18n/slogans.js'
import { RULE_PACKS } from './rules/packs.js'
import { buildVersion } from './version.js'
import { LOCALES } from '../locales/index.js'
import manifestJson from '../fonts/manifest.json' with { type: 'json' }
import pkg from '../package.json' with { type: 'json' }
import { EXAMPLES, TEMPLATES } from '../templates/index.js'

export const MANIFEST = manifestJson as FontManifest

export type BundledData = Pick<AppEnv, 'manifest' | 'templates' | 'examples' | 'rulePacks' | 'locales' | 'slogans' | 'version'>

export function bundledData(): BundledData {
  const locales = createLocales(LOCALES)
  return {
    manifest: MANIFEST,
    templates: TEMPLATES,
    examples: EXAMPLES,
    rulePacks: RULE_PACKS,
    locales,
    slogans: sloganCatalogue(locales),
    version: buildVersion(
      pkg.version,
      MANIFEST.fonts.map((f) => f.sha256),
    ),
  }
}
