/** Field pieces shared by bilingual templates, written against the pack's own language (src/templates/pairing.ts). */
import { z } from 'zod'

/**
 * Which script goes first (above when stacked, left side by side). Absent: as the region's rules
 * place them; a forced order exists to show a failing check.
 */
export const order = z
  .enum(['minority-first', 'zh-first'])
  .optional()
  .describe('which script goes first (above or left); default: as the region’s rules place them')

/** The pack's own script's size against the shared size; below 1 breaks "字号相等" on purpose. */
export const minorityScale = z.coerce.number().min(0.3).max(3).default(1).describe('size of the region’s own script relative to the Chinese (1 = equal)')
