import { fnv1a } from './hash.js'

/**
 * Bumped whenever the drawing of an unchanged input changes (layout, design,
 * renderer upgrades). Together with the package version and the fonts'
 * checksums it forms the build version in every ETag. 3: 标点挤压, right-to-left
 * punctuation drawn on its side, every template for every region. 4: 标点挤压 in
 * columns. 5: a line breaks at a phrase before it balances (a word break costs
 * about seven characters of imbalance, was three). 6: digits and Latin ahead of the
 * first Mongolian letter take the Mongolian's weight (they were Noto Sans Bold). 7: a
 * pair is set smaller when that buys breaks a reader would not fault (a slogan at its
 * comma, 共同体 and 少数民族 kept whole), 暨 ends a phrase. 8: other bytes, same
 * pixels: PNG rows deflated with Z_RLE, a column of upright characters at a
 * whole-pixel pitch drawn as one satori text node. 9: text drawn as glyph paths from our
 * own shaping at layout's baselines, satori no longer shaping it (same pixels but for
 * lines satori had set a pixel off layout's baseline). 10: HarfBuzz's vertical mark
 * offsets drawn upward (Arabic harakat had been dropped into their letters, as satori drew them).
 */
export const RENDER_VERSION = 10

export function buildVersion(packageVersion: string, fontChecksums: readonly string[]): string {
  // A short, stable digest of the font set.
  const h = fnv1a(...fontChecksums)
  return `${packageVersion}+r${RENDER_VERSION}.f${h.toString(16).padStart(8, '0')}`
}
