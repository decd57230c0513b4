/**
 * Hudum letters and their variants by joining position, as UTN #57 (version 4,
 * 2024, "Encoding and Shaping of the Mongolian Script", Table 4) and
 * GB/T 25914-2023 assign them: for each position, the free variation selectors
 * (FVS1–FVS4) the standard defines, and the written units each one selects.
 * Generated from the machine-readable tables of the UTN editor's
 * Kushim-Jiang/mongfontbuilder (data/variants.json, commit 539b455, MIT),
 * Hudum (MNG) entries only; `fvs: 0` is the form without a selector. Data, not code.
 */
export type Position = 'isol' | 'init' | 'medi' | 'fina'

export interface Variant {
  /** 0: no FVS; 1–4: FVS1–FVS4. */
  fvs: 0 | 1 | 2 | 3 | 4
  /** Written units, as Noto Sans Mongolian v3 names its glyphs (uni1820.AA.isol). */
  written: string
  /** The position whose glyph the written form borrows (an isolated consonant is drawn as its initial). */
  drawnAs: Position
  /** The form chosen when no FVS is given and no condition applies. */
  default: boolean
  archaic: boolean
  /** UTN #57 shaping conditions under which the form is chosen without an FVS. */
  conditions: readonly string[]
}

export const HUDUM_VARIANTS: Readonly<Record<number, { name: string } & Partial<Record<Position, readonly Variant[]>>>> = {
  0x1820: {
    name: 'a',
    isol: [
      { fvs: 1, written: 'A', drawnAs: 'isol', default: false, archaic: false, conditions: [] },
      { fvs: 2, written: 'Aa', drawnAs: 'isol', default: false, archaic: false, conditions: ['chachlag', 'particle'] },
      { fvs: 3, written: 'AA', drawnAs: 'isol', default: true, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'A', drawnAs: 'init', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'AA', drawnAs: 'init', default: true, archaic: false, conditions: [] },
    ],
    medi: [
      { fvs: 0, written: 'A', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'AA', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
    ],
    fina: [
      { fvs: 1, written: 'Aa', drawnAs: 'fina', default: false, archaic: false, conditions: ['post_bowed'] },
      { fvs: 2, written: 'A', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
    ],
  },
  0x1821: {
    name: 'e',
    isol: [
      { fvs: 1, written: 'Aa', drawnAs: 'isol', default: false, archaic: false, conditions: ['chachlag', 'particle'] },
      { fvs: 2, written: 'A', drawnAs: 'isol', default: true, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 0, written: 'A', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'AA', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    medi: [{ fvs: 0, written: 'A', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [
      { fvs: 1, written: 'Aa', drawnAs: 'fina', default: false, archaic: false, conditions: ['post_bowed'] },
      { fvs: 2, written: 'A', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
    ],
  },
  0x1822: {
    name: 'i',
    isol: [
      { fvs: 1, written: 'I', drawnAs: 'isol', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'Ix', drawnAs: 'isol', default: false, archaic: true, conditions: [] },
      { fvs: 3, written: 'AI', drawnAs: 'isol', default: true, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'I', drawnAs: 'init', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'AI', drawnAs: 'init', default: true, archaic: false, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'AI', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
      { fvs: 2, written: 'II', drawnAs: 'medi', default: false, archaic: false, conditions: ['vowel_devsger'] },
      { fvs: 3, written: 'I', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
    ],
    fina: [{ fvs: 0, written: 'I', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1823: {
    name: 'o',
    isol: [{ fvs: 0, written: 'AO', drawnAs: 'isol', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'AO', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [
      { fvs: 0, written: 'O', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'AO', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
    ],
    fina: [
      { fvs: 1, written: 'O', drawnAs: 'fina', default: false, archaic: false, conditions: ['marked', 'post_bowed'] },
      { fvs: 2, written: 'U', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
    ],
  },
  0x1824: {
    name: 'u',
    isol: [
      { fvs: 1, written: 'U', drawnAs: 'isol', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'Ux', drawnAs: 'isol', default: false, archaic: true, conditions: [] },
      { fvs: 3, written: 'AO', drawnAs: 'isol', default: true, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'O', drawnAs: 'init', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'AO', drawnAs: 'init', default: true, archaic: false, conditions: [] },
    ],
    medi: [
      { fvs: 0, written: 'O', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'AO', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
    ],
    fina: [
      { fvs: 1, written: 'O', drawnAs: 'fina', default: false, archaic: false, conditions: ['marked', 'post_bowed'] },
      { fvs: 2, written: 'U', drawnAs: 'fina', default: true, archaic: false, conditions: ['particle'] },
    ],
  },
  0x1825: {
    name: 'oe',
    isol: [
      { fvs: 0, written: 'AUe', drawnAs: 'isol', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'AU', drawnAs: 'isol', default: false, archaic: true, conditions: [] },
    ],
    init: [{ fvs: 0, written: 'AOI', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [
      { fvs: 1, written: 'OI', drawnAs: 'medi', default: false, archaic: false, conditions: ['marked'] },
      { fvs: 2, written: 'AOI', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
      { fvs: 3, written: 'O', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
    ],
    fina: [
      { fvs: 1, written: 'Ue', drawnAs: 'fina', default: false, archaic: false, conditions: ['marked'] },
      { fvs: 2, written: 'O', drawnAs: 'fina', default: false, archaic: false, conditions: ['post_bowed'] },
      { fvs: 3, written: 'U', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
    ],
  },
  0x1826: {
    name: 'ue',
    isol: [
      { fvs: 0, written: 'AUe', drawnAs: 'isol', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'AU', drawnAs: 'isol', default: false, archaic: false, conditions: [] },
      { fvs: 2, written: 'U', drawnAs: 'isol', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 3, written: 'Ux', drawnAs: 'isol', default: false, archaic: true, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'O', drawnAs: 'init', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'AOI', drawnAs: 'init', default: true, archaic: false, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'OI', drawnAs: 'medi', default: false, archaic: false, conditions: ['marked'] },
      { fvs: 2, written: 'AOI', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
      { fvs: 3, written: 'O', drawnAs: 'medi', default: true, archaic: false, conditions: ['particle'] },
    ],
    fina: [
      { fvs: 1, written: 'Ue', drawnAs: 'fina', default: false, archaic: false, conditions: ['marked'] },
      { fvs: 2, written: 'O', drawnAs: 'fina', default: false, archaic: false, conditions: ['post_bowed'] },
      { fvs: 3, written: 'U', drawnAs: 'fina', default: true, archaic: false, conditions: ['particle'] },
    ],
  },
  0x1827: {
    name: 'ee',
    isol: [{ fvs: 0, written: 'AW', drawnAs: 'isol', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'AW', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'W', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'W', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1828: {
    name: 'na',
    isol: [
      { fvs: 0, written: 'N', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'A', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    init: [
      { fvs: 0, written: 'N', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'A', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'N', drawnAs: 'medi', default: false, archaic: false, conditions: ['onset'] },
      { fvs: 2, written: 'A', drawnAs: 'medi', default: true, archaic: false, conditions: ['devsger'] },
    ],
    fina: [
      { fvs: 1, written: 'N', drawnAs: 'fina', default: false, archaic: false, conditions: ['chachlag_onset'] },
      { fvs: 2, written: 'A', drawnAs: 'fina', default: true, archaic: false, conditions: ['devsger'] },
    ],
  },
  0x1829: {
    name: 'ang',
    isol: [{ fvs: 0, written: 'AG', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'AG', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'AG', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'AG', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x182a: {
    name: 'ba',
    isol: [{ fvs: 0, written: 'B', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'B', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'B', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [
      { fvs: 0, written: 'B', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'B2', drawnAs: 'fina', default: false, archaic: true, conditions: [] },
    ],
  },
  0x182b: {
    name: 'pa',
    isol: [{ fvs: 0, written: 'P', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'P', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'P', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'P', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x182c: {
    name: 'qa',
    isol: [
      { fvs: 0, written: 'H', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'Hx', drawnAs: 'init', default: false, archaic: true, conditions: [] },
      { fvs: 2, written: 'G', drawnAs: 'init', default: false, archaic: false, conditions: [] },
      { fvs: 4, written: 'Gx', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'Hx', drawnAs: 'init', default: false, archaic: true, conditions: [] },
      { fvs: 2, written: 'G', drawnAs: 'init', default: false, archaic: false, conditions: ['feminine'] },
      { fvs: 3, written: 'H', drawnAs: 'init', default: true, archaic: false, conditions: ['masculine_onset'] },
      { fvs: 4, written: 'Gx', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'Hx', drawnAs: 'medi', default: false, archaic: true, conditions: [] },
      { fvs: 2, written: 'G', drawnAs: 'medi', default: true, archaic: false, conditions: ['feminine'] },
      { fvs: 3, written: 'H', drawnAs: 'medi', default: false, archaic: false, conditions: ['masculine_onset', 'masculine_devsger'] },
      { fvs: 4, written: 'Gx', drawnAs: 'medi', default: false, archaic: true, conditions: [] },
    ],
    fina: [
      { fvs: 0, written: 'H', drawnAs: 'fina', default: true, archaic: false, conditions: ['chachlag_onset', 'masculine_devsger'] },
      { fvs: 1, written: 'Hx', drawnAs: 'fina', default: false, archaic: true, conditions: [] },
    ],
  },
  0x182d: {
    name: 'ga',
    isol: [
      { fvs: 0, written: 'Hx', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'H', drawnAs: 'init', default: false, archaic: true, conditions: [] },
      { fvs: 2, written: 'G', drawnAs: 'init', default: false, archaic: false, conditions: [] },
      { fvs: 4, written: 'Gx', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'H', drawnAs: 'init', default: false, archaic: true, conditions: [] },
      { fvs: 2, written: 'G', drawnAs: 'init', default: false, archaic: false, conditions: ['feminine'] },
      { fvs: 3, written: 'Hx', drawnAs: 'init', default: true, archaic: false, conditions: ['masculine_onset'] },
      { fvs: 4, written: 'Gx', drawnAs: 'init', default: false, archaic: true, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'Hx', drawnAs: 'medi', default: false, archaic: false, conditions: ['masculine_onset'] },
      { fvs: 2, written: 'G', drawnAs: 'medi', default: true, archaic: false, conditions: ['feminine'] },
      { fvs: 3, written: 'H', drawnAs: 'medi', default: false, archaic: false, conditions: ['masculine_devsger', 'dotless'] },
      { fvs: 4, written: 'Gx', drawnAs: 'medi', default: false, archaic: true, conditions: [] },
    ],
    fina: [
      { fvs: 1, written: 'H', drawnAs: 'fina', default: false, archaic: false, conditions: ['chachlag_onset_gb', 'masculine_devsger', 'dotless'] },
      { fvs: 2, written: 'G', drawnAs: 'fina', default: true, archaic: false, conditions: ['feminine'] },
      { fvs: 3, written: 'Hx', drawnAs: 'fina', default: false, archaic: false, conditions: ['chachlag_onset'] },
    ],
  },
  0x182e: {
    name: 'ma',
    isol: [{ fvs: 0, written: 'M', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'M', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'M', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'M', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x182f: {
    name: 'la',
    isol: [{ fvs: 0, written: 'L', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'L', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'L', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'L', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1830: {
    name: 'sa',
    isol: [{ fvs: 0, written: 'S', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'S', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'S', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [
      { fvs: 0, written: 'S', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'Sz', drawnAs: 'fina', default: false, archaic: true, conditions: [] },
    ],
  },
  0x1831: {
    name: 'sha',
    isol: [
      { fvs: 0, written: 'Sh', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'S', drawnAs: 'init', default: false, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'S', drawnAs: 'init', default: false, archaic: false, conditions: ['dotless'] },
      { fvs: 2, written: 'Sh', drawnAs: 'init', default: true, archaic: false, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'S', drawnAs: 'medi', default: false, archaic: false, conditions: ['dotless'] },
      { fvs: 2, written: 'Sh', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
    ],
    fina: [{ fvs: 0, written: 'Sh', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1832: {
    name: 'ta',
    isol: [{ fvs: 0, written: 'T', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'T', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [
      { fvs: 1, written: 'T', drawnAs: 'medi', default: false, archaic: false, conditions: ['devsger'] },
      { fvs: 2, written: 'D', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
    ],
    fina: [{ fvs: 0, written: 'T', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1833: {
    name: 'da',
    isol: [
      { fvs: 0, written: 'D', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'T', drawnAs: 'init', default: false, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'D', drawnAs: 'init', default: false, archaic: false, conditions: ['marked', 'particle'] },
      { fvs: 2, written: 'T', drawnAs: 'init', default: true, archaic: false, conditions: ['onset'] },
    ],
    medi: [
      { fvs: 1, written: 'D', drawnAs: 'medi', default: false, archaic: false, conditions: ['onset'] },
      { fvs: 2, written: 'Dd', drawnAs: 'medi', default: true, archaic: false, conditions: ['devsger'] },
    ],
    fina: [
      { fvs: 0, written: 'Dd', drawnAs: 'fina', default: true, archaic: false, conditions: ['devsger'] },
      { fvs: 1, written: 'D', drawnAs: 'fina', default: false, archaic: false, conditions: [] },
    ],
  },
  0x1834: {
    name: 'cha',
    isol: [{ fvs: 0, written: 'Ch', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'Ch', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'Ch', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'Ch', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1835: {
    name: 'ja',
    isol: [
      { fvs: 0, written: 'I', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'I', drawnAs: 'isol', default: false, archaic: false, conditions: ['chachlag_onset'] },
    ],
    init: [{ fvs: 0, written: 'I', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'J', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [
      { fvs: 0, written: 'J', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'I', drawnAs: 'fina', default: false, archaic: false, conditions: ['chachlag_onset'] },
    ],
  },
  0x1836: {
    name: 'ya',
    isol: [
      { fvs: 0, written: 'Y', drawnAs: 'init', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'I', drawnAs: 'init', default: false, archaic: false, conditions: [] },
    ],
    init: [
      { fvs: 1, written: 'I', drawnAs: 'init', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'Y', drawnAs: 'init', default: true, archaic: false, conditions: [] },
    ],
    medi: [
      { fvs: 1, written: 'I', drawnAs: 'medi', default: false, archaic: false, conditions: ['particle'] },
      { fvs: 2, written: 'II', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
      { fvs: 3, written: 'Y', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
    ],
    fina: [{ fvs: 0, written: 'I', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1837: {
    name: 'ra',
    isol: [{ fvs: 0, written: 'R', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'R', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'R', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'R', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1838: {
    name: 'wa',
    isol: [{ fvs: 0, written: 'W', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'W', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [
      { fvs: 0, written: 'W', drawnAs: 'medi', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'O', drawnAs: 'medi', default: false, archaic: false, conditions: [] },
    ],
    fina: [
      { fvs: 0, written: 'W', drawnAs: 'fina', default: true, archaic: false, conditions: [] },
      { fvs: 1, written: 'U', drawnAs: 'fina', default: false, archaic: false, conditions: ['chachlag_onset'] },
    ],
  },
  0x1839: {
    name: 'fa',
    isol: [{ fvs: 0, written: 'F', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'F', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'F', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'F', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x183a: {
    name: 'ka',
    isol: [{ fvs: 0, written: 'K2', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'K2', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'K2', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'K2', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x183b: {
    name: 'kha',
    isol: [{ fvs: 0, written: 'K', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'K', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'K', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'K', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x183c: {
    name: 'tsa',
    isol: [{ fvs: 0, written: 'C', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'C', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'C', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'C', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x183d: {
    name: 'za',
    isol: [{ fvs: 0, written: 'Z', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'Z', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'Z', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'Z', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x183e: {
    name: 'haa',
    isol: [{ fvs: 0, written: 'AHr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'AHr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'Hr', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'Hr', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x183f: {
    name: 'zra',
    isol: [{ fvs: 0, written: 'Rh', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'Rh', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'Rh', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'Rh', drawnAs: 'fina', default: true, archaic: false, conditions: [] }],
  },
  0x1840: {
    name: 'lha',
    isol: [{ fvs: 0, written: 'LHr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'LHr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'LHr', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'LHr', drawnAs: 'medi', default: true, archaic: false, conditions: [] }],
  },
  0x1841: {
    name: 'zhi',
    isol: [{ fvs: 0, written: 'Zr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'Zr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'Zr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'Zr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
  },
  0x1842: {
    name: 'chi',
    isol: [{ fvs: 0, written: 'Cr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    init: [{ fvs: 0, written: 'Cr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    medi: [{ fvs: 0, written: 'Cr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
    fina: [{ fvs: 0, written: 'Cr', drawnAs: 'init', default: true, archaic: false, conditions: [] }],
  },
}
