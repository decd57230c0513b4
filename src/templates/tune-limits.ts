/**
 * The bounds and key shape of the `tune` field (tune.ts), as plain data: the server's schema and
 * the studio's controls read the same numbers, and the studio's bundle takes no zod for them.
 */
export const TUNE_LIMITS = {
  /** Against the fitted size: larger than fitted does not fit. */
  size: { min: 0.5, max: 1, identity: 1 },
  /** em; never negative, so letters never collide. */
  letter: { min: 0, max: 0.5, identity: 0 },
  /** A factor on the block's pitch; below 0.8 lines (columns) would touch. */
  line: { min: 0.8, max: 2, identity: 1 },
} as const

export type TuneProperty = keyof typeof TUNE_LIMITS

/** The field's name: every template takes it (authoring.ts). */
export const TUNE_FIELD = 'tune'

/** The prefix of a tuning key in a query string, CSV header or flat JSON: tune.title:zh.letter=0.1. */
export const TUNE_PREFIX = 'tune.'
