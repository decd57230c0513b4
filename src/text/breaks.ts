/**
 * Where a line (or column) may end, and how good each place is.
 *
 * Where: Unicode line breaking (UAX #14, the `linebreak` package). For Mongolian that means after
 * spaces and after ᠂ ᠃, never at NNBSP (class GL) and never inside a word; for Chinese, between
 * ideographs but not before closing punctuation nor after opening punctuation (禁则).
 *
 * How good (the handbook, §4): a phrase break (after ，、；：。！？, around ——, at a space between
 * Chinese phrases, after ᠂ ᠃) first, then a break between words (Intl.Segmenter, zh word
 * granularity, for Chinese; spaces for Mongolian and Latin), then inside a word. A number never
 * leaves its unit (2026年, 27万平方公里), and a short quotation or title in brackets stays whole.
 */
import LineBreaker from 'linebreak'
import { isUprightInVertical } from './script.js'
import { KEPT_TERMS } from './zh-terms.js'

/** How good a break after a chunk is, best first. */
export type BreakKind = 'phrase' | 'word' | 'weak' | 'inside'

export interface Chunk {
  start: number
  /** End of the chunk's content: trailing spaces and the newline excluded. */
  contentEnd: number
  end: number
  /** A hard break (newline) follows this chunk. */
  hard: boolean
  /** How good a break after this chunk is. */
  kind: BreakKind
}

const TRAILING = /[ \n]+$/
/** Marks after which a line may end on a phrase; 暨 ("and also") joins two meeting names, and a 会标 breaks after it. */
const PHRASE_END = new Set([...'，、；：。！？）》」』】”’﹂﹄…᠂᠃,;:!?暨'])
const DASH = '—'
/** A number with its unit: the break points inside are removed. */
const NUMBER_WITH_UNIT =
  /[0-9０-９]+(?:[.,．][0-9０-９]+)*\s?(?:[%％]|[万亿千百十]*(?:平方公里|平方千米|平方米|公里|千米|公顷|千克|公斤|年|月|日|号|时|点|分|秒|元|米|吨|人|个|岁|届|次|天|周|项|家|所|户|亩|倍|度)|[万亿千百十]+)/g
/** A quotation or title in brackets up to this many characters stays whole. */
const SHORT_QUOTE = 10
const QUOTES: readonly [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  // Vertical forms (layout.ts verticalForms).
  ['﹁', '﹂'],
  ['﹃', '﹄'],
]

const OPENING_QUOTES = new Set([...'“‘'])
const CLOSING_QUOTES = new Set([...'”’'])

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

const isCjk = (ch: string | undefined) => ch !== undefined && isUprightInVertical(ch.codePointAt(0)!)

/**
 * Offsets where a Chinese word (as Intl.Segmenter sees it) ends, with the length of the words on
 * each side; none inside a kept term (zh-terms.ts), which the segmenter splits.
 */
function wordEnds(text: string): Map<number, { before: number; after: number }> {
  // Inside a kept term no word ends: its segments become one word.
  const inside = new Set<number>()
  for (const term of KEPT_TERMS)
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) for (let k = at + 1; k < at + term.length; k++) inside.add(k)
  const words: { index: number; length: number }[] = []
  for (const { index, segment } of segmenter.segment(text)) {
    const last = words[words.length - 1]
    if (last && inside.has(index)) last.length += [...segment].length
    else words.push({ index, length: [...segment].length })
  }
  const ends = new Map<number, { before: number; after: number }>()
  for (let i = 0; i + 1 < words.length; i++) ends.set(words[i + 1]!.index, { before: words[i]!.length, after: words[i + 1]!.length })
  return ends
}

/** Spans [start, end) inside which no break is taken: numbers with units, short quotations. */
function keptSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  for (const m of text.matchAll(NUMBER_WITH_UNIT)) spans.push([m.index, m.index + m[0].length])
  for (const [open, close] of QUOTES) {
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
      const j = text.indexOf(close, i + 1)
      if (j > i && j - i - 1 <= SHORT_QUOTE) spans.push([i, j + 1])
    }
  }
  return spans
}

function kindAt(text: string, contentEnd: number, end: number, words: Map<number, { before: number; after: number }>): BreakKind {
  const last = text[contentEnd - 1]
  const next = text[end]
  if (last !== undefined && PHRASE_END.has(last)) return 'phrase'
  if (last === DASH || next === DASH) return 'phrase'
  if (end > contentEnd) {
    // A space: between Chinese phrases it is a phrase break, between Mongolian or Latin words a word break.
    return isCjk(last) || isCjk(next) ? 'phrase' : 'word'
  }
  if (!isCjk(last) || !isCjk(next)) return 'word'
  const w = words.get(end)
  if (!w) return 'inside'
  // A one-character "word" is usually a fragment of a name the segmenter does not know (阿拉|善|盟).
  return w.before === 1 || w.after === 1 ? 'weak' : 'word'
}

/** Fitting lays the same text out at many sizes: its chunks are kept for the last few texts. */
const CACHE_SIZE = 64
const cache = new Map<string, readonly Chunk[]>()

export function chunksOf(text: string): readonly Chunk[] {
  const hit = cache.get(text)
  if (hit) return hit
  const chunks = computeChunks(text)
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
  cache.set(text, chunks)
  return chunks
}

function computeChunks(text: string): Chunk[] {
  const raw: Chunk[] = []
  const breaker = new LineBreaker(text)
  const words = wordEnds(text)
  let start = 0
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const slice = text.slice(start, bk.position)
    const trail = TRAILING.exec(slice)?.[0].length ?? 0
    const contentEnd = bk.position - trail
    raw.push({ start, contentEnd, end: bk.position, hard: bk.required && slice.endsWith('\n'), kind: kindAt(text, contentEnd, bk.position, words) })
    start = bk.position
  }
  // UAX #14 as `linebreak` implements it never breaks around “ ” (class QU); between Chinese
  // characters a line may end before an opening quote and after a closing one (as UAX #14 15.1 does).
  const split: Chunk[] = []
  for (const c of raw) {
    let at = c.start
    for (let i = c.start + 1; i < c.contentEnd; i++) {
      const opens = OPENING_QUOTES.has(text[i]!) && isCjk(text[i - 1])
      const closes = CLOSING_QUOTES.has(text[i - 1]!) && isCjk(text[i])
      if (!opens && !closes) continue
      split.push({ start: at, contentEnd: i, end: i, hard: false, kind: closes ? 'phrase' : kindAt(text, i, i, words) })
      at = i
    }
    split.push({ ...c, start: at })
  }
  raw.splice(0, raw.length, ...split)
  // Merge chunks across the break points inside kept spans.
  const spans = keptSpans(text)
  const inside = (pos: number) => spans.some(([a, b]) => pos > a && pos < b)
  const chunks: Chunk[] = []
  for (const c of raw) {
    const prev = chunks[chunks.length - 1]
    if (prev && !prev.hard && inside(prev.end)) chunks[chunks.length - 1] = { ...c, start: prev.start }
    else chunks.push(c)
  }
  return chunks
}
