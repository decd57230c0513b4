import type { Script } from '../text/script.js'
import type { FontRole } from './manifest.js'

export type Genre = 'sans' | 'serif'

/**
 * What each font role is for: the scripts it is first choice for, and the
 * typeface genre it answers. A role with `genre: null` serves every genre
 * (Noto Sans Mongolian is the only Mongolian face, so serif Mongolian is it too).
 * New scripts arrive as a new role and fonts, not code.
 */
export interface RoleInfo {
  scripts: readonly Script[]
  genre: Genre | null
}

export const ROLES: Record<FontRole, RoleInfo> = {
  mongolian: { scripts: ['Mong'], genre: null },
  latin: { scripts: ['Latn', 'Zyyy'], genre: null },
  'han-sans': { scripts: ['Hani', 'Zyyy'], genre: 'sans' },
  'han-serif': { scripts: ['Hani', 'Zyyy'], genre: 'serif' },
  // One face each: it serves every genre (Noto Sans CJK KR, Noto Naskh Arabic, Noto Serif Tibetan).
  hangul: { scripts: ['Hang'], genre: null },
  arabic: { scripts: ['Arab'], genre: null },
  tibetan: { scripts: ['Tibt'], genre: null },
}
