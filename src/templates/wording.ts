/**
 * A template's description as a region reads it. Descriptions are written
 * once with placeholders for what the pack decides (which language, which
 * goes above or left, how sizes relate), and each region's `/v1/templates`
 * fills them from its pack, so a Yanbian designer never reads "Mongolian
 * above Chinese" under a sign that sets Chinese above Korean.
 *
 * Placeholders:
 * - `{minority}`: the pack's language, short (蒙文, 朝文 / Mongolian, Korean);
 * - `{abbr}`: the pair as in 蒙汉双语 (蒙汉, 朝汉);
 * - `{above}`: the order of stacked lines (蒙文在上、汉文在下 / Mongolian above Chinese);
 * - `{columns|竖幅}` / `{columns|standing banners}`: that kind of sign set in columns, with
 *   their order (竖幅蒙文在左、汉文在右), or that it is not made for a language set only in lines;
 * - `{beside}`: the order of the two bodies side by side, each in its own native direction;
 * - `{size}`: how the two sizes relate (字号相等 / at equal size).
 */
import { MINORITY, firstOf, type PairLanguage, type PairRole, type Pairing } from './pairing.js'
import type { Localized } from './types.js'

const shortName = (l: PairLanguage): Localized => ({ zh: `${l.abbr}文`, en: l.name.en.replace(/\s*\(.*\)$/, '') })

/** The phrases a pack puts into descriptions, per locale. */
export function pairWording(
  pairing: Pairing,
): Record<'minority' | 'abbr' | 'above' | 'beside' | 'size', Localized> & { columns(subject: Localized): Localized } {
  const names: Record<PairRole, Localized> = { [MINORITY]: shortName(pairing.minority), zh: shortName(pairing.zh) }
  const other = (r: PairRole): PairRole => (r === 'zh' ? MINORITY : 'zh')
  const above = firstOf(pairing, 'stacked', { minority: 'horizontal', zh: 'horizontal' })
  const left = firstOf(pairing, 'side-by-side', { minority: 'vertical', zh: 'vertical' })
  const beside = firstOf(pairing, 'side-by-side', { minority: pairing.minority.native, zh: 'horizontal' })
  const leftOf = (first: PairRole): Localized => ({
    zh: `${names[first].zh}在左、${names[other(first)].zh}在右`,
    en: `${names[first].en} left of ${names[other(first)].en}`,
  })
  const m = names[MINORITY]
  const proportionate = pairing.placement?.size === 'proportionate'
  return {
    minority: m,
    abbr: { zh: `${pairing.minority.abbr}汉`, en: `${m.en}–Chinese` },
    above: { zh: `${names[above].zh}在上、${names[other(above)].zh}在下`, en: `${names[above].en} above ${names[other(above)].en}` },
    beside: leftOf(beside),
    columns: (subject) =>
      pairing.minority.vertical === 'refused'
        ? { zh: `${m.zh}暂只横排，不出${subject.zh}`, en: `no ${subject.en} (${m.en} is set in lines only, for now)` }
        : { zh: `${subject.zh}${leftOf(left).zh}`, en: `${subject.en} with ${leftOf(left).en}` },
    size: proportionate ? { zh: '字号相称', en: 'in proportionate sizes' } : { zh: '字号相等', en: 'at equal size' },
  }
}

/** A description with the pack's phrases in place of its placeholders. */
export function describeFor(text: Localized, pairing: Pairing): Localized {
  const words = pairWording(pairing)
  const fill = (s: string, locale: keyof Localized) =>
    s
      .replace(/\{columns\|([^}]*)\}/g, (_, subject: string) => words.columns({ zh: subject, en: subject })[locale])
      .replace(/\{(minority|abbr|above|beside|size)\}/g, (_, k: 'minority' | 'abbr' | 'above' | 'beside' | 'size') => words[k][locale])
  return { zh: fill(text.zh, 'zh'), en: fill(text.en, 'en') }
}
