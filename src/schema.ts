/** Shared zod pieces for inputs (query strings or JSON in, typed values out). */
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

/** A boolean from a query string or JSON: true/false/1/0/yes/no. */
export const booleanish = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v
    const s = v.trim().toLowerCase()
    if (['true', '1', 'yes', 'on'].includes(s)) return true
    if (['false', '0', 'no', 'off', ''].includes(s)) return false
    return v
  },
  z.boolean({ message: 'expected true or false' }),
)

/** Text of a sign field: trimmed, non-empty, bounded. */
export const signText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
