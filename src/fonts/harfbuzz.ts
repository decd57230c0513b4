/**
 * The slice of harfbuzzjs (0.10.0, the version satori bundles) that layout
 * uses. The module itself is handed in by the runtime entry, so the app never
 * decides how WebAssembly gets compiled (Node reads hb.wasm; workerd needs a
 * precompiled module).
 */
export interface HbBlob {
  destroy(): void
}
export interface HbFace {
  upem: number
  reference_table(tag: string): Uint8Array | undefined
  collectUnicodes(): Uint32Array
  destroy(): void
}
export interface HbGlyphExtents {
  xBearing: number
  yBearing: number
  width: number
  height: number
}
export interface HbFont {
  setScale(x: number, y: number): void
  glyphExtents(glyph: number): HbGlyphExtents | null
  glyphHAdvance(glyph: number): number
  glyphVOrigin(glyph: number): [number, number] | null
  /** The font's own glyph name (Noto Sans Mongolian v3 names glyphs by UTN #57 written units). */
  glyphName(glyph: number): string
  destroy(): void
}
export interface HbGlyph {
  g: number
  cl: number
  ax: number
  ay: number
  dx: number
  dy: number
}
export interface HbBuffer {
  addText(text: string): void
  guessSegmentProperties(): void
  /** BCP 47 tag; HarfBuzz maps it to the OpenType language system. */
  setLanguage(language: string): void
  /** ISO 15924 code (`Hang`); a run of spaces alone would otherwise be guessed Common. */
  setScript(script: string): void
  setDirection(dir: 'ltr' | 'rtl' | 'ttb' | 'btt'): void
  setScript(script: string): void
  json(): HbGlyph[]
  destroy(): void
}
export interface HarfBuzz {
  createBlob(data: Uint8Array | ArrayBuffer): HbBlob
  createFace(blob: HbBlob, index: number): HbFace
  createFont(face: HbFace): HbFont
  createBuffer(): HbBuffer
  shape(font: HbFont, buffer: HbBuffer, features?: string): void
}
