/**
 * Everything a render needs, handed to the app as data by the runtime entry
 * (Node or Workers): the app itself never touches the file system.
 */
import type { FontSet } from './fonts/font-set.js'
import type { FontManifest } from './fonts/manifest.js'
import type { MetricsText, RequestObserver } from './http/observe.js'
import type { RenderCache } from './http/render-cache.js'
import type { Offload } from './http/render-job.js'
import type { Engines } from './render/engines.js'
import type { RulePack } from './rules/types.js'
import type { Locales } from './i18n/locales.js'
import type { SloganEntry } from './i18n/slogans.js'
import type { TemplateDefinition } from './templates/types.js'

export interface AppEnv {
  fonts: FontSet
  manifest: FontManifest
  engines: Engines
  templates: readonly TemplateDefinition[]
  rulePacks: readonly RulePack[]
  locales: Locales
  /** The slogan catalogue, built once from the locale files. */
  slogans: readonly SloganEntry[]
  /** Example fields per template id (templates/<id>/example.json), under the default region's names. */
  examples: Readonly<Record<string, Record<string, unknown>>>
  /** Example fields for the other regions: region → template id → fields under its names (templates/pack-examples.json). */
  packExamples: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>
  /** Where the runtime keeps rendered bytes of GET renders; none = render every time. */
  cache?: RenderCache
  /** Where renders run when not in the request's own thread (Node: a pool of worker threads); none = here. */
  offload?: Offload
  /** Told about every request (access log, metrics); the runtime entry decides where each goes. */
  observers?: readonly RequestObserver[]
  /** Served at /metrics when present (Node; Workers have their own analytics). */
  metrics?: MetricsText
  /** The office data directory merged over the built-in data, if one was given (QOYAR_DATA). */
  office?: {
    data: string
    files: string[]
    brand?: { zh: string; en?: string | undefined; mn?: string | undefined }
    /** The brand's named colours and emblem (a data: URI), for the studio to show what the templates default to. */
    look?: { colors: Record<string, string>; emblem?: string }
  }
  /** Changes whenever code, fonts or templates change: part of every ETag. */
  version: string
}
