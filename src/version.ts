/**
 * Bumped whenever the drawing of an unchanged input changes (layout, design,
 * renderer upgrades). Together with the package version and the fonts'
 * checksums it forms the build version in every ETag.
 */
export const RENDER_VERSION = 1

export function buildVersion(packageVersion: string, fontChecksums: readonly string[]): string {
  // A short, stable digest of the font set: FNV-1a over the sha256 strings.
  let h = 0x811c9dc5
  for (const s of fontChecksums)
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
  return `${packageVersion}+r${RENDER_VERSION}.f${h.toString(16).padStart(8, '0')}`
}
