/** What a picture sent with a design may be: plain data, read by the decoder (images.ts) and the studio's file picker. */
export const IMAGE_LIMITS = {
  maxBytes: 3 * 1024 * 1024,
  maxSide: 8000,
  /** Decoded pixels a picture may have: 25 MP is 100 MB of RGBA while it is decoded. */
  maxPixels: 25_000_000,
  /**
   * The long side a picture is kept at. A board's picture area is at most
   * 40 % of its width, and the largest preset (2400 mm at 60 dpi, 5,669 px)
   * gives it about 2,270 px: more is never visible.
   */
  keepSide: 2400,
} as const
