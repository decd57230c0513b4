/**
 * Issue 16's targets, checked from one bench run: each row PASS, FAIL, or
 * "not measured" (a section skipped or failed) with the figure behind it.
 */
import os from 'node:os'

export interface TimedRow {
  case: string
  renderer: string
  format: 'svg' | 'png'
  p50: number
  bytes: number
}

export interface TargetInputs {
  rows: TimedRow[]
  /** Text cases and the banner: the SVG p50 target applies to them. */
  svgCases: string[]
  mixed?: { n: number; peakRssMb: number; samplesMb: number[] }
  zip?: { rows: number; dpi: number; seconds: number; failed: number }
}

const TARGET = { takumiTimes: 1.5, chromiumFaster: 3, svgMs: 2, bytesTimes: 1.2, peakRssMb: 300, mixN: 10_000, zipRows: 1000, zipDpi: 300, zipSeconds: 60 }

type Verdict = 'PASS' | 'FAIL' | 'not measured'

export function printTargets({ rows, svgCases, mixed, zip }: TargetInputs): void {
  const out: [string, string, Verdict, string][] = []
  const find = (c: string, renderer: string, format: 'svg' | 'png') => rows.find((r) => r.case === c && r.renderer === renderer && r.format === format)
  const pngCases = [...new Set(rows.filter((r) => r.renderer === 'qoyar' && r.format === 'png').map((r) => r.case))]
  for (const c of pngCases) {
    const ours = find(c, 'qoyar', 'png')!
    const takumi = find(c, 'takumi', 'png')
    const chromium = find(c, 'chromium', 'png')
    if (takumi) {
      const x = ours.p50 / takumi.p50
      out.push([`PNG p50 vs takumi, ${c}`, `≤ ${TARGET.takumiTimes}×`, x <= TARGET.takumiTimes ? 'PASS' : 'FAIL', `${x.toFixed(2)}× (${ours.p50.toFixed(2)} vs ${takumi.p50.toFixed(2)} ms)`])
      const b = ours.bytes / takumi.bytes
      out.push([`PNG bytes vs takumi, ${c}`, `≤ ${TARGET.bytesTimes}×`, b <= TARGET.bytesTimes ? 'PASS' : 'FAIL', `${b.toFixed(2)}× (${ours.bytes} vs ${takumi.bytes} B)`])
    } else out.push([`PNG p50 and bytes vs takumi, ${c}`, `≤ ${TARGET.takumiTimes}×, ≤ ${TARGET.bytesTimes}×`, 'not measured', 'no takumi row'])
    if (chromium) {
      const x = chromium.p50 / ours.p50
      out.push([`PNG p50 vs Chromium, ${c}`, `≥ ${TARGET.chromiumFaster}× faster`, x >= TARGET.chromiumFaster ? 'PASS' : 'FAIL', `${x.toFixed(2)}× (${chromium.p50.toFixed(1)} vs ${ours.p50.toFixed(2)} ms)`])
    } else out.push([`PNG p50 vs Chromium, ${c}`, `≥ ${TARGET.chromiumFaster}× faster`, 'not measured', 'no Chromium row'])
  }
  for (const c of svgCases) {
    const ours = find(c, 'qoyar', 'svg')
    out.push([`SVG p50, ${c}`, `≤ ${TARGET.svgMs} ms`, ours ? (ours.p50 <= TARGET.svgMs ? 'PASS' : 'FAIL') : 'not measured', ours ? `${ours.p50.toFixed(2)} ms` : 'no row'])
  }
  out.push(['PNG under workerd vs Node', '≤ 2×', 'not measured', 'see the edge section (npm run bench:edge)'])
  if (mixed) {
    const scaled = mixed.n === TARGET.mixN ? '' : `; ${mixed.n} renders, not ${TARGET.mixN}: not the target's size`
    const last = mixed.samplesMb.slice(-3)
    const trend = last.length >= 2 ? `, last samples ${last.map((x) => x.toFixed(0)).join(' → ')} MB` : ''
    out.push([`peak RSS, mixed loop`, `≤ ${TARGET.peakRssMb} MB`, mixed.n === TARGET.mixN && mixed.peakRssMb <= TARGET.peakRssMb ? 'PASS' : 'FAIL', `${mixed.peakRssMb.toFixed(0)} MB${trend}${scaled}`])
  } else out.push(['peak RSS, mixed loop', `≤ ${TARGET.peakRssMb} MB`, 'not measured', 'skipped'])
  if (zip) {
    const full = zip.rows === TARGET.zipRows && zip.dpi === TARGET.zipDpi
    const pass = full && zip.failed === 0 && zip.seconds <= TARGET.zipSeconds
    out.push([`bulk ZIP, ${TARGET.zipRows} cards @${TARGET.zipDpi} dpi`, `≤ ${TARGET.zipSeconds} s`, pass ? 'PASS' : 'FAIL', `${zip.seconds.toFixed(1)} s for ${zip.rows} @${zip.dpi} dpi${full ? '' : " (not the target's size)"}`])
  } else out.push([`bulk ZIP, ${TARGET.zipRows} cards @${TARGET.zipDpi} dpi`, `≤ ${TARGET.zipSeconds} s`, 'not measured', 'skipped'])

  console.log('\n== targets (issue 16) ==')
  const widths = [0, 1, 2].map((i) => Math.max(...out.map((r) => r[i]!.length)))
  for (const r of out) console.log(`${r[0].padEnd(widths[0]!)}  ${r[1].padEnd(widths[1]!)}  ${r[2].padEnd(widths[2]!)}  ${r[3]}`)
  console.log(`load average at the table: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (${os.availableParallelism()} cores)`)
}
