/**
 * The Mongolian text checker: finds what is wrong with Traditional Mongolian
 * text as text (not as drawing) and says so, in zh and en, with the rule it
 * applies. It never changes the text; `normalized` is a separate offer that
 * applies only the certain fixes (legacy Menksoft codes, a space before a
 * suffix). Runs on every render, so one pass, no allocation per character
 * beyond the findings.
 */
import { MVS as MVS_CHAR, NNBSP as NNBSP_CHAR } from './controls.js'
import { convertMenksoft, isMenksoft } from './menksoft.js'
import { SUFFIX_TEXTS } from './suffixes.js'
import { HUDUM_VARIANTS, type Position } from './variants.js'

export type FindingCode =
  'legacy-encoding' | 'unknown-code-point' | 'suffix-space' | 'vowel-harmony' | 'mixed-script' | 'stray-control' | 'other-writing-system'
export type Severity = 'error' | 'warning'

export interface Finding {
  code: FindingCode
  severity: Severity
  /** UTF-16 offsets into the checked text, end exclusive. */
  start: number
  end: number
  message: { zh: string; en: string }
  /** What to put in place of text[start, end), where the fix is certain. */
  suggestion?: string
  /** The rule applied. */
  source: string
}

export interface CheckResult {
  text: string
  findings: Finding[]
  /** The text with the certain fixes (legacy-encoding, suffix-space) applied; null when there are none. */
  normalized: string | null
}

export type TextStatus = 'ok' | 'warnings' | 'errors'

/** Fixes safe to apply without asking: each has exactly one correct reading. */
export const CERTAIN_FIXES: readonly FindingCode[] = ['legacy-encoding', 'suffix-space']

const SOURCES: Record<FindingCode, string> = {
  'legacy-encoding': 'GB/T 25914-2023 (presentation characters are not text); UTN #57',
  'unknown-code-point': 'Unicode §13.5 Mongolian; Unicode §23.5 Private Use',
  'suffix-space': 'GB/T 25914-2023 (MVS before a suffix); Unicode §13.5 (NNBSP)',
  'vowel-harmony': 'UTN #57 Table 5 (masculine, feminine and neuter vowels)',
  'mixed-script': 'Unicode §13.5 Mongolian',
  'stray-control': 'UTN #57 Table 4 (variants) and Table 6 (chachlag, particles)',
  'other-writing-system': 'UTN #57 (Hudum, Todo, Sibe, Manchu and Ali Gali are separate writing systems)',
}

const MVS = MVS_CHAR.charCodeAt(0)
const NNBSP = NNBSP_CHAR.charCodeAt(0)
const ZWJ = 0x200d
const ZWNJ = 0x200c
const SPACE = 0x20
const FVS_NUMBER: ReadonlyMap<number, 1 | 2 | 3 | 4> = new Map([
  [0x180b, 1],
  [0x180c, 2],
  [0x180d, 3],
  [0x180f, 4],
])

const isHudum = (cp: number) => cp >= 0x1820 && cp <= 0x1842
/** Todo, Sibe, Manchu and Ali Gali letters: in the block, not Hudum. */
const isOtherSystem = (cp: number) => (cp >= 0x1843 && cp <= 0x1878) || (cp >= 0x1880 && cp <= 0x18aa)
const isMongolianLetter = (cp: number) => isHudum(cp) || isOtherSystem(cp)
/** Letters that join their neighbours (the Ali Gali signs U+1880–U+1886 do not). */
const joins = (cp: number | undefined) => cp !== undefined && ((cp >= 0x1820 && cp <= 0x1878) || (cp >= 0x1887 && cp <= 0x18aa))
const isUnassignedMongolian = (cp: number) => (cp >= 0x181a && cp <= 0x181f) || (cp >= 0x1879 && cp <= 0x187f) || (cp >= 0x18ab && cp <= 0x18af)
const isPrivateUse = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000
const FOREIGN_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}]/u
const isForeignLetter = (ch: string) => FOREIGN_LETTER.test(ch)

const BACK = new Set([0x1820, 0x1823, 0x1824])
const FRONT = new Set([0x1821, 0x1825, 0x1826])
/** Letters only loanwords use: harmony does not hold in them. */
const LOAN = new Set([0x182b, 0x1839, 0x183a, 0x183c, 0x183d, 0x183e, 0x183f, 0x1840, 0x1841, 0x1842])

const LETTER = /\p{L}/u
/** A word: letters, selectors and connectors between spaces and punctuation. */
function isWordChar(cp: number, ch: string): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
  return isMongolianLetter(cp) || FVS_NUMBER.has(cp) || cp === MVS || cp === NNBSP || cp === ZWJ || cp === ZWNJ || isPrivateUse(cp) || LETTER.test(ch)
}

interface Unit {
  cp: number
  at: number
  ch: string
}

/** UTF-16 offset just past a unit. */
function endOf(u: Unit): number {
  return u.at + u.ch.length
}

function unitsOf(text: string): Unit[] {
  const units: Unit[] = []
  let at = 0
  for (const ch of text) {
    units.push({ cp: ch.codePointAt(0)!, at, ch })
    at += ch.length
  }
  return units
}

const make = (code: FindingCode, severity: Severity, start: number, end: number, en: string, zh: string, suggestion?: string): Finding => ({
  code,
  severity,
  start,
  end,
  message: { zh, en },
  ...(suggestion !== undefined ? { suggestion } : {}),
  source: SOURCES[code],
})

const hex = (cp: number) => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')

/** Legacy Menksoft runs (spaces between Menksoft words belong to the run) and other private-use or unassigned code points. */
function encodingFindings(text: string, units: readonly Unit[], out: Finding[]): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!
    if (isMenksoft(u.cp)) {
      let j = i
      while (j + 1 < units.length && (isMenksoft(units[j + 1]!.cp) || (units[j + 1]!.cp === SPACE && isMenksoft(units[j + 2]?.cp ?? -1)))) j++
      const end = endOf(units[j]!)
      out.push(
        make(
          'legacy-encoding',
          'error',
          u.at,
          end,
          'Legacy Menksoft glyph codes (Private Use Area), not Unicode text: fonts that follow the standard cannot draw them, search and spell-checking cannot read them. The suggestion is the same text in standard Unicode.',
          '这是蒙科立旧编码（私用区字形码），不是标准 Unicode 文字：符合标准的字体无法显示，也无法检索、校对。建议内容为转换后的标准 Unicode 文本。',
          convertMenksoft(text.slice(u.at, end)),
        ),
      )
      i = j
    } else if (isPrivateUse(u.cp) || isUnassignedMongolian(u.cp) || u.cp === 0xfffd) {
      out.push(
        make(
          'unknown-code-point',
          'error',
          u.at,
          u.at + u.ch.length,
          `${hex(u.cp)} is not a character any standard defines here (a private-use code of some legacy font, an unassigned code point, or a decoding error): it would print as a box.`,
          `${hex(u.cp)} 不是标准定义的字符（某种旧字体的私用区编码、未分配码位或解码错误），会显示为方框。`,
        ),
      )
    }
  }
}

interface Word {
  start: number
  end: number
  units: Unit[]
}

function wordsOf(units: readonly Unit[]): Word[] {
  const words: Word[] = []
  let current: Unit[] = []
  const flush = () => {
    if (current.length) words.push({ start: current[0]!.at, end: endOf(current.at(-1)!), units: current })
    current = []
  }
  for (const u of units) {
    if (isWordChar(u.cp, u.ch)) current.push(u)
    else flush()
  }
  flush()
  return words
}

/** Splits a word at MVS and NNBSP: a stem, then suffixes (or a chachlag vowel). */
function segmentsOf(word: Word): Unit[][] {
  const segments: Unit[][] = [[]]
  for (const u of word.units) {
    if (u.cp === MVS || u.cp === NNBSP) segments.push([])
    else segments.at(-1)!.push(u)
  }
  return segments
}

const lettersOf = (segment: readonly Unit[]) => segment.filter((u) => isMongolianLetter(u.cp))
const textOf = (segment: readonly Unit[]) =>
  segment
    .filter((u) => isMongolianLetter(u.cp))
    .map((u) => u.ch)
    .join('')

function harmonyOf(segment: readonly Unit[]): { back: boolean; front: boolean; loan: boolean } {
  let back = false
  let front = false
  let loan = false
  for (const u of segment) {
    if (BACK.has(u.cp)) back = true
    else if (FRONT.has(u.cp)) front = true
    else if (LOAN.has(u.cp)) loan = true
  }
  return { back, front, loan }
}

/**
 * Two harmonic halves of two vowels or more each (ᠰᠠᠷᠠᠨ|ᠭᠡᠷᠡᠯ, a compound
 * name): a compound, not a misspelling. Conversion faults switch on one
 * vowel (ᠦ|ᠪᠣᠷ, ᠵᠠᠰᠬᠠ|ᠥ).
 */
function compound(segment: readonly Unit[]): boolean {
  const runs: number[] = []
  let last: boolean | undefined
  for (const u of segment) {
    const back = BACK.has(u.cp) ? true : FRONT.has(u.cp) ? false : undefined
    if (back === undefined) continue
    if (back === last) runs[runs.length - 1]!++
    else runs.push(1)
    last = back
  }
  return runs.length === 2 && runs[0]! >= 2 && runs[1]! >= 2
}

function suffixSpaceFindings(units: readonly Unit[], out: Finding[]): void {
  for (let i = 1; i < units.length; i++) {
    if (units[i]!.cp !== SPACE || units[i - 1]!.cp === SPACE) continue
    const before = units[i - 1]!
    if (!(isMongolianLetter(before.cp) || FVS_NUMBER.has(before.cp))) continue
    let j = i
    while (units[j]?.cp === SPACE) j++
    let k = j
    while (k < units.length && isMongolianLetter(units[k]!.cp)) k++
    // The next word must be the suffix alone (it may go on after MVS/NNBSP with a further suffix).
    const next = units[k]
    if (next !== undefined && isWordChar(next.cp, next.ch) && next.cp !== MVS && next.cp !== NNBSP) continue
    const word = units
      .slice(j, k)
      .map((u) => u.ch)
      .join('')
    const suffix = SUFFIX_TEXTS.get(word)
    if (!suffix || suffix.standalone) continue
    const single = word.length === 1
    out.push(
      make(
        'suffix-space',
        single ? 'warning' : 'error',
        units[i]!.at,
        units[j - 1]!.at + 1,
        `A plain space before the suffix “${word}”: it is drawn as a word of its own. Join it with U+180E MVS (the 2023 standard's connector, suggested) or U+202F NNBSP (the older convention); both are correct.${single ? ' A lone ᠤ ᠦ ᠢ can also be a word by itself, so check it.' : ''}`,
        `后缀“${word}”前是普通空格，会被显示成独立的词。请用 U+180E MVS（2023 年国家标准的连接符，建议）或 U+202F NNBSP（旧惯例）连接，两者都正确。${single ? '单独的 ᠤ ᠦ ᠢ 也可能是独立的词，请核对。' : ''}`,
        '\u180E',
      ),
    )
  }
}

function harmonyFindings(word: Word, out: Finding[]): void {
  const segments = segmentsOf(word)
  const stem = segments[0]!
  const h = harmonyOf(stem)
  if (h.loan) return
  const stemLetters = lettersOf(stem)
  if (h.back && h.front && stemLetters.length && !compound(stem)) {
    out.push(
      make(
        'vowel-harmony',
        'warning',
        stemLetters[0]!.at,
        endOf(stemLetters.at(-1)!),
        `“${textOf(stem)}” mixes back vowels (ᠠ ᠣ ᠤ) with front vowels (ᠡ ᠥ ᠦ). A native word takes one kind; this is typical of text converted from legacy glyph codes (e.g. ᠦᠪᠣᠷ for ᠥᠪᠥᠷ). Loanwords may break the rule: check with a reader.`,
        `“${textOf(stem)}”中阳性元音（ᠠ ᠣ ᠤ）与阴性元音（ᠡ ᠥ ᠦ）混用。固有词只用一类元音；这是旧字形码转换文本的典型错误（如 ᠦᠪᠣᠷ 应为 ᠥᠪᠥᠷ）。借词可能例外，请母语审校。`,
      ),
    )
    return
  }
  if (h.back === h.front) return // neutral stem (only ᠢ) or already reported
  for (const segment of segments.slice(1)) {
    const s = harmonyOf(segment)
    const letters = lettersOf(segment)
    if (!letters.length || s.loan || (h.back ? !s.front : !s.back)) continue
    out.push(
      make(
        'vowel-harmony',
        'warning',
        letters[0]!.at,
        endOf(letters.at(-1)!),
        `The suffix “${textOf(segment)}” does not agree with its ${h.back ? 'back-vowel' : 'front-vowel'} stem “${textOf(stem)}”: it takes the ${h.back ? 'back (ᠠ ᠣ ᠤ)' : 'front (ᠡ ᠥ ᠦ)'} form.`,
        `后缀“${textOf(segment)}”与词干“${textOf(stem)}”的元音和谐不一致：应使用${h.back ? '阳性（ᠠ ᠣ ᠤ）' : '阴性（ᠡ ᠥ ᠦ）'}形式。`,
      ),
    )
  }
}

/** Maximal runs of units: each starts where `starts` holds and goes on while `continues` does. */
function* runsOf(
  units: readonly Unit[],
  starts: (u: Unit) => boolean,
  continues: (u: Unit) => boolean = starts,
): Generator<{ run: string; start: number; end: number }> {
  for (let i = 0; i < units.length; i++) {
    if (!starts(units[i]!)) continue
    let j = i
    while (j + 1 < units.length && continues(units[j + 1]!)) j++
    const run = units
      .slice(i, j + 1)
      .map((u) => u.ch)
      .join('')
    yield { run, start: units[i]!.at, end: endOf(units[j]!) }
    i = j
  }
}

function mixedScriptFindings(word: Word, out: Finding[]): void {
  if (!word.units.some((u) => isMongolianLetter(u.cp))) return
  for (const { run, start, end } of runsOf(word.units, (u) => isForeignLetter(u.ch))) {
    const codes = [...run].map((c) => hex(c.codePointAt(0)!)).join(' ')
    out.push(
      make(
        'mixed-script',
        'error',
        start,
        end,
        `“${run}” (${codes}) is a Latin, Cyrillic, Greek or Arabic letter inside a Mongolian word, usually a look-alike from copy and paste: the word will not join or be found.`,
        `蒙古文词中夹有拉丁、西里尔、希腊或阿拉伯字母“${run}”（${codes}），多为复制粘贴带入的形近字符：该词无法连写，也无法检索。`,
      ),
    )
  }
}

/** The joining position of the letter at units[i], looking past selectors. */
function positionAt(units: readonly Unit[], i: number): Position {
  let b = i - 1
  while (b >= 0 && FVS_NUMBER.has(units[b]!.cp)) b--
  let a = i + 1
  while (a < units.length && FVS_NUMBER.has(units[a]!.cp)) a++
  const before = b >= 0 && (joins(units[b]!.cp) || units[b]!.cp === ZWJ)
  const after = a < units.length && (joins(units[a]!.cp) || units[a]!.cp === ZWJ)
  return before ? (after ? 'medi' : 'fina') : after ? 'init' : 'isol'
}

const POSITION_WORD = {
  isol: { en: 'isolated', zh: '独立' },
  init: { en: 'initial', zh: '词首' },
  medi: { en: 'medial', zh: '词中' },
  fina: { en: 'final', zh: '词末' },
}

function controlFindings(units: readonly Unit[], out: Finding[]): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!
    const prev = units[i - 1]
    const next = units[i + 1]
    const fvs = FVS_NUMBER.get(u.cp)
    if (fvs !== undefined) {
      if (!prev || !isMongolianLetter(prev.cp)) {
        out.push(
          make(
            'stray-control',
            'warning',
            u.at,
            u.at + 1,
            `FVS${fvs} (${hex(u.cp)}) follows no letter: it selects nothing.`,
            `FVS${fvs}（${hex(u.cp)}）前面没有字母，不起作用。`,
          ),
        )
        continue
      }
      const letter = HUDUM_VARIANTS[prev.cp]
      if (!letter) continue // Todo, Sibe, Manchu letters: their own tables (reported as another writing system)
      const position = positionAt(units, i - 1)
      if (!(letter[position] ?? []).some((v) => v.fvs === fvs))
        out.push(
          make(
            'stray-control',
            'warning',
            u.at,
            u.at + 1,
            `FVS${fvs} after ${prev.ch} in ${POSITION_WORD[position].en} position selects no variant the standard defines (${
              (letter[position] ?? [])
                .filter((v) => v.fvs > 0)
                .map((v) => `FVS${v.fvs}`)
                .join(', ') || 'none there'
            }).`,
            `${prev.ch} 在${POSITION_WORD[position].zh}位置没有标准定义的 FVS${fvs} 变体（可用：${
              (letter[position] ?? [])
                .filter((v) => v.fvs > 0)
                .map((v) => `FVS${v.fvs}`)
                .join('、') || '无'
            }）。`,
          ),
        )
    } else if (u.cp === MVS) {
      const afterLetter = prev !== undefined && (isMongolianLetter(prev.cp) || FVS_NUMBER.has(prev.cp))
      let k = i + 1
      while (k < units.length && (isMongolianLetter(units[k]!.cp) || FVS_NUMBER.has(units[k]!.cp))) k++
      const following = units
        .slice(i + 1, k)
        .filter((x) => isMongolianLetter(x.cp))
        .map((x) => x.ch)
        .join('')
      const chachlag = following === 'ᠠ' || following === 'ᠡ'
      if (!afterLetter || !(chachlag || SUFFIX_TEXTS.has(following)))
        out.push(
          make(
            'stray-control',
            'warning',
            u.at,
            u.at + 1,
            `MVS (U+180E) belongs between a stem and a separated final ᠠ/ᠡ or a suffix; here it is followed by “${following || '(nothing)'}”.`,
            `MVS（U+180E）应位于词干与分写的词末 ᠠ/ᠡ 或后缀之间；此处其后为“${following || '（无）'}”。`,
          ),
        )
    } else if (u.cp === ZWJ || u.cp === ZWNJ) {
      const nearMongolian = (prev && isMongolianLetter(prev.cp)) || (next && isMongolianLetter(next.cp))
      if (!nearMongolian) continue
      const between = joins(prev?.cp) && joins(next?.cp)
      // ZWJ forces a join at a word edge; between two letters they join anyway. ZWNJ breaks a join, so only between two letters.
      if (u.cp === ZWJ ? between : !between)
        out.push(
          make(
            'stray-control',
            'warning',
            u.at,
            u.at + 1,
            u.cp === ZWJ
              ? 'ZWJ (U+200D) between two letters that join anyway changes nothing.'
              : 'ZWNJ (U+200C) here separates no joined letters: it changes nothing.',
            u.cp === ZWJ ? 'ZWJ（U+200D）位于本就连写的两个字母之间，不起作用。' : 'ZWNJ（U+200C）此处没有可断开的连写，不起作用。',
          ),
        )
    } else if (u.cp === SPACE && next?.cp === SPACE && prev?.cp !== SPACE) {
      let j = i
      while (units[j + 1]?.cp === SPACE) j++
      out.push(
        make('stray-control', 'warning', u.at, units[j]!.at + 1, 'Doubled spaces: one space separates words.', '连续多个空格：词与词之间只需一个空格。', ' '),
      )
    }
  }
}

function otherSystemFindings(units: readonly Unit[], out: Finding[]): void {
  for (const { run, start, end } of runsOf(
    units,
    (u) => isOtherSystem(u.cp),
    (u) => isOtherSystem(u.cp) || FVS_NUMBER.has(u.cp),
  ))
    out.push(
      make(
        'other-writing-system',
        'warning',
        start,
        end,
        `“${run}” uses Todo, Sibe/Manchu or Ali Gali letters, not Hudum (Traditional Mongolian) ones: on a Hudum sign this is usually a wrong key or a wrong conversion.`,
        `“${run}”使用了托忒文、锡伯文/满文或阿礼嘎礼字母，而非传统蒙古文（胡都木文）字母：在蒙古文标牌上通常是输入或转换错误。`,
      ),
    )
}

export interface CheckOptions {
  /** Codes to leave out (a caller that has its own rule for one, or a test showing each rule is what raises its code). */
  off?: readonly FindingCode[]
}

export function checkMongolian(text: string, options: CheckOptions = {}): CheckResult {
  let findings: Finding[] = []
  const units = unitsOf(text)
  encodingFindings(text, units, findings)
  suffixSpaceFindings(units, findings)
  for (const word of wordsOf(units)) {
    harmonyFindings(word, findings)
    mixedScriptFindings(word, findings)
  }
  controlFindings(units, findings)
  otherSystemFindings(units, findings)
  if (options.off?.length) findings = findings.filter((f) => !options.off!.includes(f.code))
  findings.sort((a, b) => a.start - b.start || a.end - b.end)
  return { text, findings, normalized: normalize(text, findings) }
}

/** Applies the certain fixes, left to right; null when there are none. */
export function normalize(text: string, findings: readonly Finding[]): string | null {
  const fixes = findings.filter((f) => CERTAIN_FIXES.includes(f.code) && f.suggestion !== undefined)
  if (!fixes.length) return null
  let out = ''
  let at = 0
  for (const f of fixes) {
    if (f.start < at) continue
    out += text.slice(at, f.start) + f.suggestion
    at = f.end
  }
  return out + text.slice(at)
}

export function textStatus(findings: readonly Finding[]): TextStatus {
  if (findings.some((f) => f.severity === 'error')) return 'errors'
  return findings.length ? 'warnings' : 'ok'
}
