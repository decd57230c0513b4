/** The shape of fonts/manifest.json: what ships, where it came from, what it covers. */
export type FontRole = 'mongolian' | 'latin' | 'han-sans' | 'han-serif' | 'hangul' | 'arabic' | 'tibetan'

export interface FontManifestEntry {
  id: string
  family: string
  file: string
  format: 'truetype' | 'opentype-cff'
  weight: number
  style: 'normal' | 'italic'
  role: FontRole
  covers: string[]
  missing?: Record<string, string[]>
  glyphs: number
  codepoints: number
  fontVersion: string
  /** Where the file came from: a Debian package, or an npm package (then with the upstream file's checksum). */
  source: {
    debianPackage?: string
    debianVersion?: string
    npmPackage?: string
    npmVersion?: string
    path: string
    fontNumber?: number
    sha256?: string
    conversion?: string
    subset: string | null
  }
  bytes: number
  sha256: string
  license: string
  licenseFile: string
  /** Anything a user of the font should know (e.g. what Noto Sans Mongolian lacks). */
  note?: string
}

export interface FontManifest {
  version: 1
  fonts: FontManifestEntry[]
}
