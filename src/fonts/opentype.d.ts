// The slice of @shuding/opentype.js (satori's own copy of opentype.js) that glyph drawing reads; the package ships no types.
declare module '@shuding/opentype.js' {
  /** As opentype.js writes them: each command carries only its own points. */
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' }
  export interface Path {
    commands: PathCommand[]
    unitsPerEm?: number
  }
  export interface Glyph {
    path: Path | null
  }
  export interface Font {
    unitsPerEm: number
    glyphs: { get(index: number): Glyph | undefined }
  }
  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font }
  export default opentype
}
