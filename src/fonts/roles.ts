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
  /**
   * always: handed to satori on every render; on-use: only for renders that draw with it. satori parses
   * every font it is handed (+21 MB of JS heap for the Korean, Arabic and Tibetan faces, measured), and a
   * Workers isolate has 128 MB: Mongolian and Chinese renders keep the font list, and memory, they had.
   */
  satori: 'always' | 'on-use'
}

export const ROLES: Record<FontRole, RoleInfo> = {
  mongolian: { scripts: ['Mong'], genre: null, satori: 'always' },
  latin: { scripts: ['Latn', 'Zyyy'], genre: null, satori: 'always' },
  'han-sans': { scripts: ['Hani', 'Zyyy'], genre: 'sans', satori: 'always' },
  'han-serif': { scripts: ['Hani', 'Zyyy'], genre: 'serif', satori: 'always' },
  // One face each: it serves every genre (Noto Sans CJK KR, Noto Naskh Arabic, Noto Serif Tibetan).
  hangul: { scripts: ['Hang'], genre: null, satori: 'on-use' },
  arabic: { scripts: ['Arab'], genre: null, satori: 'on-use' },
  tibetan: { scripts: ['Tibt'], genre: null, satori: 'on-use' },
}
