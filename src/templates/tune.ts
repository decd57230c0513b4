/**
 * A designer's tuning of a sign's text blocks, one field every template takes
 * (`tune`): per block, a size against the fitted size and letter and line
 * spacing. Keys are the block ids `/v1/check` reports, without the face:
 * `<role>` tunes a block in both scripts (its size only there, so the two
 * scripts keep one size), `<role>:<lang>` one script's spacing. The kit applies
 * it (kit.ts); templates never read it.
 */
import { z } from 'zod'
import { QoyarError } from '../errors.js'
import { TUNE_LIMITS, TUNE_PREFIX, type TuneProperty } from './tune-limits.js'

/** `title` or `title:mn`: a role, and optionally one script's language code. */
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,39}(:[a-z]{2,3})?$/

const bounded = (p: TuneProperty, what: string) =>
  z.coerce
    .number()
    .min(TUNE_LIMITS[p].min)
    .max(TUNE_LIMITS[p].max)
    .optional()
    .describe(`${what} (${TUNE_LIMITS[p].min}–${TUNE_LIMITS[p].max}; default ${TUNE_LIMITS[p].identity})`)

const blockTune = z.strictObject({
  size: bounded('size', 'size against the fitted size; on a role key only, for both scripts at once'),
  letter: bounded('letter', 'letter spacing, em: after each Chinese or Korean character, at the spaces of Mongolian, Uyghur and Tibetan'),
  line: bounded('line', 'line (column) spacing, a factor on the pitch'),
})

export type BlockTune = z.output<typeof blockTune>
/** Keys sorted, values at their identity dropped: the same look is the same field (and ETag). */
export type Tune = Readonly<Record<string, BlockTune>>

function canonical(t: Record<string, BlockTune> | undefined): Tune | undefined {
  if (!t) return undefined
  const out: Record<string, BlockTune> = {}
  for (const key of Object.keys(t).sort()) {
    const b: BlockTune = {}
    for (const p of Object.keys(TUNE_LIMITS) as TuneProperty[]) {
      const v = t[key]![p]
      if (v !== undefined && v !== TUNE_LIMITS[p].identity) b[p] = v
    }
    if (Object.keys(b).length) out[key] = b
  }
  return Object.keys(out).length ? out : undefined
}

export const tune = z
  .record(z.string().regex(KEY, 'a block: `<role>` or `<role>:<lang>` as /v1/check names it (without the face)'), blockTune)
  .superRefine((t, ctx) => {
    for (const [key, b] of Object.entries(t))
      if (key.includes(':') && b.size !== undefined)
        ctx.addIssue({ code: 'custom', path: [key, 'size'], message: `size applies to both scripts of a block at once: tune.${key.split(':')[0]}.size` })
  })
  .optional()
  .transform(canonical)
  .describe(
    'tuning per text block, keyed by role (`title`) or role and language (`title:zh`) as /v1/check names blocks: `size` against the fitted size (both scripts together, so they stay at one size), `letter` spacing in em, `line` spacing factor. In a query: tune.title.size=0.9&tune.title:zh.letter=0.1',
  )

/**
 * Flat `tune.<block>.<property>` keys gathered into the `tune` object (a query string has no
 * nesting); a `tune` object given as such is kept, flat keys win over it.
 */
export function gatherTune(input: Record<string, unknown>): Record<string, unknown> {
  const flat = Object.keys(input).filter((k) => k.startsWith(TUNE_PREFIX))
  if (!flat.length) return input
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown> // null prototype, as the input layer's
  const given = input.tune
  const tuned: Record<string, Record<string, unknown>> = Object.create(null) as Record<string, Record<string, unknown>>
  if (given && typeof given === 'object' && !Array.isArray(given))
    for (const [k, v] of Object.entries(given)) tuned[k] = v && typeof v === 'object' ? { ...(v as Record<string, unknown>) } : {} // checked by the schema
  for (const [k, v] of Object.entries(input)) {
    if (k === 'tune') continue
    if (!k.startsWith(TUNE_PREFIX)) {
      out[k] = v
      continue
    }
    const rest = k.slice(TUNE_PREFIX.length)
    const dot = rest.lastIndexOf('.')
    if (dot <= 0)
      throw new QoyarError(
        'invalid_fields',
        422,
        `Field "${k}": a tuning is tune.<block>.<size|letter|line>, e.g. tune.title.size=0.9.`,
        { issues: [{ path: k, message: 'expected tune.<block>.<property>', code: 'custom' }] },
        { template: '', path: k, issue: 'expected tune.<block>.<property>' },
      )
    const block = rest.slice(0, dot)
    ;(tuned[block] ??= Object.create(null) as Record<string, unknown>)[rest.slice(dot + 1)] = v
  }
  out.tune = tuned
  return out
}

/** A block's tuning as the layout takes it. */
export interface BlockTuning {
  size: number
  letterSpacing: number
  lineSpacing: number
}

/** The tuning a design reads, block by block, remembering which keys it asked for. */
export interface Tuning {
  /** The pair's (or one text's) size factor, for a role. */
  size(role: string): number
  /** One script's spacing in a role: its `role:lang` key, else the role's. */
  spacing(role: string, lang: string): Pick<BlockTuning, 'letterSpacing' | 'lineSpacing'>
  /** Keys no block of the design asked for: a typo or a block this sign does not have. */
  unused(): string[]
}

export function tuningOf(t: Tune | undefined): Tuning {
  const asked = new Set<string>()
  const get = (key: string): BlockTune | undefined => {
    asked.add(key)
    return t?.[key]
  }
  return {
    size: (role) => get(role)?.size ?? TUNE_LIMITS.size.identity,
    spacing: (role, lang) => {
      const own = get(`${role}:${lang}`)
      const shared = get(role)
      return {
        letterSpacing: own?.letter ?? shared?.letter ?? TUNE_LIMITS.letter.identity,
        lineSpacing: own?.line ?? shared?.line ?? TUNE_LIMITS.line.identity,
      }
    },
    unused: () => Object.keys(t ?? {}).filter((k) => !asked.has(k)),
  }
}
