// The slice of @shuding/opentype.js (satori's own copy of opentype.js) that glyph drawing reads; the package ships no types.
declare module '@shuding/opentype.js' {
  export interface PathCommand {
    type: 'M' | 'L' | 'Q' | 'C' | 'Z'
    x: number
    y: number
    x1: number
    y1: number
    x2: number
    y2: number
  }
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
