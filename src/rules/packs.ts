/**
 * The built-in rule packs, bundled as data (JSON), validated once at load so a
 * malformed pack fails loudly at start-up rather than mid-render.
 */
import innerMongolia from './packs/inner-mongolia.json' with { type: 'json' }
import xinjiang from './packs/xinjiang.json' with { type: 'json' }
import tibet from './packs/tibet.json' with { type: 'json' }
import yanbian from './packs/yanbian.json' with { type: 'json' }
import { rulePackSchema, type RulePack } from './types.js'

/** A pack as served: where it comes from (built in, or a file of the office's data directory). */
export type LoadedPack = RulePack & { origin: { from: 'built-in' } | { from: 'office'; data: string; file: string } }

export const RULE_PACKS: readonly LoadedPack[] = [innerMongolia, yanbian, xinjiang, tibet].map((p) => ({ ...rulePackSchema.parse(p), origin: { from: 'built-in' } }))

/** The office's packs over the built-in ones: a pack with a built-in id replaces it, a new id is added. */
export function mergePacks(builtIn: readonly LoadedPack[], office: readonly { file: string; pack: RulePack }[], data: string): LoadedPack[] {
  const byId = new Map<string, LoadedPack>(builtIn.map((p) => [p.id, p]))
  for (const { file, pack } of office) byId.set(pack.id, { ...pack, origin: { from: 'office', data, file } })
  return [...byId.values()]
}

export const DEFAULT_REGION = 'inner-mongolia'
