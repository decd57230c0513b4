/** Every built-in template, bundled as code (no file system at run time). */
import type { TemplateDefinition } from '../src/templates/types.js'
import { deskCard } from './desk-card/template.js'
import { sloganBanner } from './slogan-banner/template.js'
import deskCardExample from './desk-card/example.json' with { type: 'json' }
import sloganBannerExample from './slogan-banner/example.json' with { type: 'json' }
import { meetingBanner } from './meeting-banner/template.js'
import meetingBannerExample from './meeting-banner/example.json' with { type: 'json' }
import { windowSign } from './window-sign/template.js'
import windowSignExample from './window-sign/example.json' with { type: 'json' }
import { doorPlaque } from './door-plaque/template.js'
import doorPlaqueExample from './door-plaque/example.json' with { type: 'json' }
import { letterhead } from './letterhead/template.js'
import letterheadExample from './letterhead/example.json' with { type: 'json' }
import { displayBoard } from './display-board/template.js'
import displayBoardExample from './display-board/example.json' with { type: 'json' }
import packExamples from './pack-examples.json' with { type: 'json' }

export const TEMPLATES: readonly TemplateDefinition[] = [sloganBanner, deskCard, meetingBanner, windowSign, doorPlaque, letterhead, displayBoard]

export const EXAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  'slogan-banner': sloganBannerExample,
  'desk-card': deskCardExample,
  'meeting-banner': meetingBannerExample,
  'window-sign': windowSignExample,
  'door-plaque': doorPlaqueExample,
  letterhead: letterheadExample,
  'display-board': displayBoardExample,
}

/** Examples for the regions other than the default, under each region's field names: sample strings for rendering, not reviewed texts. */
export const PACK_EXAMPLES: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>> = packExamples
