/** Shared zod pieces for query parameters (strings in, typed values out). */
import { z } from 'zod'

/** CSS hex colour, with or without the leading # (a bare # must be sent as %23 in a URL). */
export const hexColor = z
  .string()
  .trim()
  .transform((s) => (s.startsWith('#') ? s : `#${s}`))
  .pipe(z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'expected a CSS hex colour such as #c8102e'))
  .transform((s) => s.toLowerCase())

export const colorOrTransparent = z.union([z.literal('transparent'), hexColor])

/** A number from a query string, bounded. */
export const boundedNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'expected a number' })
    .refine((n) => Number.isFinite(n), 'expected a finite number')
    .pipe(z.number().min(min).max(max))
