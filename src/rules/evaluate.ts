/** A rule pack applied to a laid-out design: the compliance report. */
import type { FontSet } from '../fonts/font-set.js'
import { QoyarError } from '../errors.js'
import { ROLES } from '../fonts/roles.js'
import type { Canvas, Design, TemplateDefinition } from '../templates/types.js'
import { letterSizes, runCheck } from './checks.js'
import { RULE_PACKS } from './packs.js'
import type { ComplianceReport, RulePack } from './types.js'

export function findPack(packs: readonly RulePack[], id: string): RulePack {
  const pack = packs.find((p) => p.id === id)
  if (!pack)
    throw new QoyarError('unknown_region', 422, `No rule pack "${id}"; see GET /v1/rules.`, { region: id, regions: packs.map((p) => p.id) }, { region: id })
  return pack
}

/** A pack can judge signs only if the shipped fonts draw its scripts; otherwise say why. */
export function assertSupported(pack: RulePack, fonts: FontSet): void {
  const drawn = new Set(fonts.fonts.map((f) => ROLES[f.role].scripts[0]))
  const noFont = pack.languages.filter((l) => !drawn.has(l.script))
  if (noFont.length) {
    const reason = `it needs ${noFont.map((l) => `${l.name.en} (${l.script})`).join(', ')}, which no shipped font draws yet.`
    throw new QoyarError(
      'region_not_supported',
      422,
      `The ${pack.id} pack cannot judge this sign: ${reason}`,
      { region: pack.id, scriptsWithoutFont: noFont.map((l) => l.script) },
      { region: pack.id, reason },
    )
  }
}

export function evaluate(pack: RulePack, template: TemplateDefinition, design: Design, canvas: Canvas, fonts: FontSet): ComplianceReport {
  const rules = pack.rules
    .filter((r) => !r.appliesTo || r.appliesTo.includes(template.kind))
    .map((r) => {
      const outcome = runCheck(r.check, { design, kind: template.kind, canvas, fonts })
      return {
        id: r.id,
        pass: outcome.pass,
        measured: outcome.measured,
        expected: outcome.expected,
        text: r.text,
        ...(r.gloss ? { gloss: r.gloss } : {}),
        source: r.source,
      }
    })
  return {
    region: pack.id,
    packVersion: pack.version,
    packStatus: pack.status,
    template: template.id,
    kind: template.kind,
    pass: rules.every((r) => r.pass),
    rules,
    adjustments: design.adjustments ?? [],
    letters: letterSizes(design, canvas),
  }
}

/** The header form: `pass`, or `fail; rules=a,b`. */
export function complianceHeader(report: ComplianceReport): string {
  return report.pass
    ? 'pass'
    : `fail; rules=${report.rules
        .filter((r) => !r.pass)
        .map((r) => r.id)
        .join(',')}`
}

export { RULE_PACKS }
