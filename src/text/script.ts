/**
 * Script itemization: which writing system each code point belongs to, and
 * how it stands in a vertical line. Ranges are a deliberate subset of
 * Unicode's Scripts.txt and VerticalOrientation.txt (UAX #50): the scripts a
 * signage pair can use, plus Common/Inherited, which take their neighbour's
 * script so that spaces and punctuation shape inside the run they sit in.
 */

/** ISO 15924 codes. `Zyyy` = Common, `Zinh` = Inherited (joins its neighbour). */
export type Script = 'Mong' | 'Hani' | 'Latn' | 'Cyrl' | 'Arab' | 'Tibt' | 'Hang' | 'Yiii' | 'Kana' | 'Zyyy' | 'Zinh' | 'Zzzz'

type Range = readonly [from: number, to: number, script: Script]

// Sorted by start; looked up by binary search.
const RANGES: readonly Range[] = [
  [0x0000, 0x0040, 'Zyyy'],
  [0x0041, 0x005a, 'Latn'],
  [0x005b, 0x0060, 'Zyyy'],
  [0x0061, 0x007a, 'Latn'],
  [0x007b, 0x00bf, 'Zyyy'],
  [0x00c0, 0x024f, 'Latn'], // × and ÷ are Common; close enough for fonts that cover both
  [0x0250, 0x02af, 'Latn'],
  [0x02b0, 0x02ff, 'Zyyy'],
  [0x0300, 0x036f, 'Zinh'],
  [0x0400, 0x052f, 'Cyrl'],
  [0x0600, 0x06ff, 'Arab'],
  [0x0750, 0x077f, 'Arab'],
  [0x0f00, 0x0fff, 'Tibt'],
  [0x1100, 0x11ff, 'Hang'],
  [0x1800, 0x1801, 'Mong'],
  [0x1802, 0x1803, 'Mong'], // ᠂ ᠃ are Common in Scripts.txt; only the Mongolian font draws them right
  [0x1804, 0x1804, 'Mong'],
  [0x1805, 0x1805, 'Mong'],
  [0x1806, 0x180a, 'Mong'],
  [0x180b, 0x180f, 'Zinh'], // FVS1–3, MVS, FVS4: shaping controls, stay in the Mongolian run
  [0x1810, 0x18af, 'Mong'],
  [0x1e00, 0x1eff, 'Latn'],
  [0x2000, 0x200b, 'Zyyy'],
  [0x200c, 0x200d, 'Zinh'], // ZWNJ, ZWJ
  [0x200e, 0x2029, 'Zyyy'],
  [0x202a, 0x202e, 'Zyyy'],
  [0x202f, 0x202f, 'Zinh'], // NNBSP: attaches a Mongolian suffix to its stem
  [0x2030, 0x2bff, 'Zyyy'],
  [0x2e80, 0x2fdf, 'Hani'],
  [0x2ff0, 0x2fff, 'Zyyy'],
  [0x3000, 0x3004, 'Zyyy'],
  [0x3005, 0x3005, 'Hani'],
  [0x3006, 0x3006, 'Zyyy'],
  [0x3007, 0x3007, 'Hani'],
  [0x3008, 0x3020, 'Zyyy'],
  [0x3021, 0x3029, 'Hani'],
  [0x302a, 0x302f, 'Zinh'],
  [0x3030, 0x3037, 'Zyyy'],
  [0x3038, 0x303b, 'Hani'],
  [0x303c, 0x303f, 'Zyyy'],
  [0x3040, 0x30ff, 'Kana'],
  [0x3100, 0x312f, 'Hani'], // Bopomofo: set with Han fonts
  [0x3130, 0x318f, 'Hang'],
  [0x31a0, 0x31bf, 'Hani'],
  [0x31c0, 0x31ef, 'Zyyy'],
  [0x31f0, 0x31ff, 'Kana'],
  [0x3200, 0x33ff, 'Zyyy'],
  [0x3400, 0x4dbf, 'Hani'],
  [0x4dc0, 0x4dff, 'Zyyy'],
  [0x4e00, 0x9fff, 'Hani'],
  [0xa000, 0xa4cf, 'Yiii'],
  [0xac00, 0xd7ff, 'Hang'],
  [0xf900, 0xfaff, 'Hani'],
  [0xfe00, 0xfe0f, 'Zinh'], // variation selectors
  [0xfe10, 0xfe1f, 'Zyyy'],
  [0xfe30, 0xfe4f, 'Zyyy'],
  [0xfe50, 0xfe6f, 'Zyyy'],
  [0xfeff, 0xfeff, 'Zyyy'],
  [0xff01, 0xff20, 'Zyyy'],
  [0xff21, 0xff3a, 'Latn'],
  [0xff3b, 0xff40, 'Zyyy'],
  [0xff41, 0xff5a, 'Latn'],
  [0xff5b, 0xff65, 'Zyyy'],
  [0xff66, 0xff9f, 'Kana'],
  [0xffa0, 0xffdf, 'Hang'],
  [0xffe0, 0xffef, 'Zyyy'],
  [0x11660, 0x1167f, 'Mong'],
  [0x20000, 0x3ffff, 'Hani'],
]

export function scriptOf(cp: number): Script {
  let lo = 0
  let hi = RANGES.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = RANGES[mid]!
    if (cp < r[0]) hi = mid - 1
    else if (cp > r[1]) lo = mid + 1
    else return r[2]
  }
  return 'Zzzz'
}

/**
 * Upright in vertical text (UAX #50 `U`/`Tu`): Han, Kana, Hangul, Yi, CJK
 * punctuation and full-width forms stand; everything else (Mongolian, Latin,
 * digits, Arabic…) turns with the line.
 */
const UPRIGHT: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3ffff],
]

export function isUprightInVertical(cp: number): boolean {
  for (const [a, b] of UPRIGHT) if (cp >= a && cp <= b) return true
  return false
}

/** Characters that need no glyph of their own: shaping controls and selectors. */
export function isDefaultIgnorable(cp: number): boolean {
  return (
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0x00ad
  )
}

/** Scripts whose lines are vertical and whose columns run left to right. */
export function columnsRunLeftToRight(script: Script): boolean {
  return script === 'Mong'
}

export interface ScriptRun {
  script: Script
  /** UTF-16 offsets into the source text. */
  start: number
  end: number
}

/**
 * Splits text into runs of one script. Common and Inherited characters join
 * the run before them (or, at the start, the first real script after them),
 * as in UAX #24's script-run resolution.
 */
export function itemizeScripts(text: string): ScriptRun[] {
  const cps: { cp: number; at: number; script: Script }[] = []
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!
    cps.push({ cp, at: i, script: scriptOf(cp) })
    i += cp > 0xffff ? 2 : 1
  }
  const firstReal = cps.find((c) => c.script !== 'Zyyy' && c.script !== 'Zinh')?.script ?? 'Zyyy'
  let current: Script = firstReal
  for (const c of cps) {
    if (c.script === 'Zyyy' || c.script === 'Zinh') c.script = current
    else current = c.script
  }
  const runs: ScriptRun[] = []
  for (const c of cps) {
    const last = runs[runs.length - 1]
    const end = c.at + (c.cp > 0xffff ? 2 : 1)
    if (last && last.script === c.script) last.end = end
    else runs.push({ script: c.script, start: c.at, end })
  }
  return runs
}
