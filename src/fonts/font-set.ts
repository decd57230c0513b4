/**
 * Fonts loaded once per process (or isolate): parsed by HarfBuzz for
 * measuring and drawing (outlines: fonts/outlines), and indexed by coverage
 * for fallback. satori draws no text and is handed none of them.
 */
import type { Script } from '../text/script.js'
import type { HarfBuzz, HbFont } from './harfbuzz.js'
import type { FontManifestEntry, FontRole } from './manifest.js'
import { ROLES, type Genre } from './roles.js'

export interface FontBinary {
  entry: FontManifestEntry
  data: ArrayBuffer
}

export interface VMetrics {
  /** Font units, y up: ascender > 0, descender < 0. */
  ascender: number
  descender: number
  lineGap: number
}

export interface LoadedFont {
  id: string
  family: string
  weight: number
  role: FontRole
  scripts: readonly Script[]
  genre: Genre | null
  upem: number
  /** hhea metrics: what satori (opentype.js) places its baseline by. */
  hhea: VMetrics
  data: ArrayBuffer
  codepoints: ReadonlySet<number>
  hb: HbFont
  /**
   * Font units from a glyph's top (its vertical origin) down to its baseline,
   * for upright glyphs in vertical lines: VORG where the font has it, else the
   * typographic ascender, as browsers do. (The harfbuzzjs build leaves
   * vertical origins unset, so we read them ourselves.)
   */
  verticalOrigin(glyph: number): number
  entry: FontManifestEntry
}

/** The font options satori takes, for a caller that has satori draw text itself (the fonts test: every face draws). */
export interface SatoriFont {
  name: string
  data: ArrayBuffer
  weight: 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900
  style: 'normal' | 'italic'
}

export interface TextStyle {
  genre: Genre
  weight: number
}

export interface FontSet {
  fonts: readonly LoadedFont[]
  byId: ReadonlyMap<string, LoadedFont>
  satoriFonts: readonly SatoriFont[]
  hb: HarfBuzz
  /** The font that draws `cp` in a run of `script`, or undefined when none covers it. */
  resolve(cp: number, script: Script, style: TextStyle): LoadedFont | undefined
}

function readVerticalOrigins(vorg: Uint8Array | undefined, os2: Uint8Array | undefined, hhea: VMetrics): (glyph: number) => number {
  let fallback = hhea.ascender
  if (os2 && os2.length >= 70) fallback = new DataView(os2.buffer, os2.byteOffset, os2.byteLength).getInt16(68)
  if (!vorg || vorg.length < 8) return () => fallback
  const view = new DataView(vorg.buffer, vorg.byteOffset, vorg.byteLength)
  const byDefault = view.getInt16(4)
  const count = view.getUint16(6)
  const perGlyph = new Map<number, number>()
  for (let i = 0; i < count && 8 + i * 4 + 4 <= vorg.length; i++) perGlyph.set(view.getUint16(8 + i * 4), view.getInt16(10 + i * 4))
  return (glyph) => perGlyph.get(glyph) ?? byDefault
}

function readHhea(table: Uint8Array | undefined): VMetrics {
  if (!table || table.length < 10) throw new Error('font has no hhea table')
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength)
  return { ascender: view.getInt16(4), descender: view.getInt16(6), lineGap: view.getInt16(8) }
}

export function loadFontSet(hb: HarfBuzz, binaries: readonly FontBinary[]): FontSet {
  const fonts: LoadedFont[] = binaries.map(({ entry, data }) => {
    const blob = hb.createBlob(new Uint8Array(data))
    const face = hb.createFace(blob, 0)
    const font = hb.createFont(face)
    font.setScale(face.upem, face.upem)
    const hhea = readHhea(face.reference_table('hhea'))
    const loaded: LoadedFont = {
      id: entry.id,
      family: entry.family,
      weight: entry.weight,
      role: entry.role,
      scripts: ROLES[entry.role].scripts,
      genre: ROLES[entry.role].genre,
      upem: face.upem,
      hhea,
      data,
      codepoints: new Set(face.collectUnicodes()),
      hb: font,
      verticalOrigin: readVerticalOrigins(face.reference_table('VORG'), face.reference_table('OS/2'), hhea),
      entry,
    }
    face.destroy()
    blob.destroy()
    return loaded
  })
  const byId = new Map(fonts.map((f) => [f.id, f]))
  const satoriFonts: SatoriFont[] = fonts.map((f) => ({
    name: f.id,
    data: f.data,
    weight: f.weight as SatoriFont['weight'],
    style: 'normal',
  }))

  // Preference order for a (script, genre, weight): fonts made for the script,
  // in the asked genre, nearest weight first; then fonts for Common characters
  // (Latin, Han: a bracket inside Uyghur is drawn by Noto Sans, as browsers do,
  // not by the Mongolian face); then every other font as fallback.
  const orderCache = new Map<string, LoadedFont[]>()
  function order(script: Script, style: TextStyle): LoadedFont[] {
    const key = `${script}|${style.genre}|${style.weight}`
    let list = orderCache.get(key)
    if (!list) {
      const rank = (f: LoadedFont): number => {
        const scriptRank = f.scripts[0] === script ? 0 : f.scripts.includes(script) ? 1 : f.scripts.includes('Zyyy') ? 2 : 3
        const genreRank = f.genre === null || f.genre === style.genre ? 0 : 1
        return scriptRank * 100_000 + genreRank * 10_000 + Math.abs(f.weight - style.weight)
      }
      list = [...fonts].sort((a, b) => rank(a) - rank(b))
      orderCache.set(key, list)
    }
    return list
  }


  return {
    fonts,
    byId,
    satoriFonts,
    hb,
    resolve(cp, script, style) {
      return order(script, style).find((f) => f.codepoints.has(cp))
    },
  }
}
