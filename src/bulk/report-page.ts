/**
 * The last page of a batch PDF when rows failed: which rows, which field,
 * why — set with the same text layout as the signs, on an A4 page.
 */
import type { AppEnv } from '../env.js'
import type { Language } from '../i18n/types.js'
import { renderSvg } from '../render/svg.js'
import type { PrintSheet } from '../render/print.js'
import { needsReportPage, REPORT_PAGE } from '../render/print-plan.js'
import { textElements, type El } from '../text/elements.js'
import { layoutText } from '../text/layout.js'
import { scriptOf } from '../text/script.js'
import type { BatchReport } from './sinks.js'

const A4 = { widthMm: REPORT_PAGE.width, heightMm: REPORT_PAGE.height }
const PX_PER_MM = 96 / 25.4
const MAX_LISTED = 60

/** Only what the shipped fonts draw: a report must never be refused for a stray character. */
function drawable(env: AppEnv, text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    out += cp === 0x0a || env.fonts.resolve(cp, scriptOf(cp), { genre: 'sans', weight: 400 }) ? ch : '?'
  }
  return out
}

export async function reportPage(env: AppEnv, report: BatchReport, lang: Language): Promise<PrintSheet | null> {
  const failed = report.results.filter((r) => r.status === 'failed')
  if (!needsReportPage(report.rendered, failed.length)) return null
  const w = Math.round(A4.widthMm * PX_PER_MM)
  const h = Math.round(A4.heightMm * PX_PER_MM)
  const margin = 20 * PX_PER_MM
  const zh = lang === 'zh' || lang === 'mn'
  const heading = zh
    ? `批量生成报告：${report.template}　共 ${report.rows} 行，成功 ${report.rendered} 行，失败 ${report.failed} 行`
    : `Batch report: ${report.template} — ${report.rows} rows, ${report.rendered} rendered, ${report.failed} failed`
  const lines = failed.slice(0, MAX_LISTED).map((r) => {
    const where = zh ? `第 ${r.row} 行` : `Row ${r.row}`
    const field = r.error?.field ? (zh ? `（${r.error.field}）` : ` (${r.error.field})`) : ''
    return `${where}${field}：${r.error?.message ?? ''}`
  })
  if (failed.length > MAX_LISTED)
    lines.push(zh ? `……另有 ${failed.length - MAX_LISTED} 行，见报告文件。` : `…and ${failed.length - MAX_LISTED} more rows: see the report file.`)
  const children: El[] = []
  let y = margin
  for (const [i, text] of [heading, ...lines].entries()) {
    const layout = layoutText(env.fonts, {
      text: drawable(env, text),
      orientation: 'horizontal',
      fontSize: i === 0 ? 16 : 11,
      maxLength: w - 2 * margin,
      lineHeight: 0.95,
    })
    children.push(...textElements(layout, { x: margin, y, color: i === 0 ? '#000000' : '#7a0010' }))
    y += layout.height + (i === 0 ? 14 : 4)
    if (y > h - margin) break
  }
  const root: El = { type: 'div', props: { style: { display: 'flex', position: 'relative', width: w, height: h, backgroundColor: '#ffffff' }, children } }
  const svg = await renderSvg(env.engines, env.fonts, root, { width: w, height: h })
  return { width: A4.widthMm, height: A4.heightMm, items: [{ svg, x: 0, y: 0, width: A4.widthMm, height: A4.heightMm, bleed: 0 }], marks: [] }
}
