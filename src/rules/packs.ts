/**
 * The built-in rule packs, bundled as data (JSON), validated once at load so a
 * malformed pack fails loudly at start-up rather than mid-render.
 */
import innerMongolia from './packs/inner-mongolia.json' with { type: 'json' }
import xinjiang from './packs/xinjiang.json' with { type: 'json' }
import yanbian from './packs/yanbian.json' with { type: 'json' }
import { rulePackSchema, type RulePack } from './types.js'

export const RULE_PACKS: readonly RulePack[] = [innerMongolia, yanbian, xinjiang].map((p) => rulePackSchema.parse(p))

export const DEFAULT_REGION = 'inner-mongolia'
