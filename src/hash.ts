/**
 * FNV-1a (32-bit) over the UTF-16 code units of the strings, in order: a
 * short, stable name for a version of something (an asset, the font set).
 * Not for security; the ETags themselves are SHA-256.
 */
export function fnv1a(...parts: readonly string[]): number {
  let h = 0x811c9dc5
  for (const s of parts)
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
  return h >>> 0
}
