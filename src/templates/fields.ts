/** Field pieces shared by bilingual templates. */
import { z } from 'zod'

/** Which script comes first (above / left). The rules want Mongolian first; zh-first exists to show a failing check. */
export const order = z.enum(['mn-first', 'zh-first']).default('mn-first').describe('which script goes first (above or left)')

/** Mongolian size against the shared size; below 1 breaks "字号相等" on purpose. */
export const mnScale = z.coerce.number().min(0.3).max(3).default(1).describe('Mongolian size relative to the Chinese (1 = equal)')

export function ordered<T extends { lang: 'mn' | 'zh' }>(o: z.output<typeof order>, mn: T, zh: T): [T, T] {
  return o === 'mn-first' ? [mn, zh] : [zh, mn]
}
