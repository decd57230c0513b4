/** Every built-in template, bundled as code (no file system at run time). */
import type { TemplateDefinition } from '../src/templates/types.js'
import { deskCard } from './desk-card/template.js'
import { sloganBanner } from './slogan-banner/template.js'
import deskCardExample from './desk-card/example.json' with { type: 'json' }
import sloganBannerExample from './slogan-banner/example.json' with { type: 'json' }

export const TEMPLATES: readonly TemplateDefinition[] = [sloganBanner as unknown as TemplateDefinition, deskCard as unknown as TemplateDefinition]

export const EXAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  'slogan-banner': sloganBannerExample,
  'desk-card': deskCardExample,
}
