/** External tools some tests drive; outside CI a test that needs a missing one is skipped, in CI it fails. */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Chromium on a machine with no network: no sandbox as root, no background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const tools = {
  chromium: existsSync(CHROMIUM),
  poppler: has('pdfinfo') && has('pdftoppm'),
}

/** Skip only where the tool is missing and this is not CI. */
export const skipWithout = (tool: keyof typeof tools) => !tools[tool] && !process.env.CI

/** Pages of a PDF as poppler's pdfinfo counts them: a reader's count, not our writer's. */
export function pdfPages(pdf: string | Uint8Array): number {
  const file = typeof pdf === 'string' ? pdf : join(mkdtempSync(join(tmpdir(), 'qoyar-pages-')), 'x.pdf')
  if (typeof pdf !== 'string') writeFileSync(file, pdf)
  const m = /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`)
  return Number(m[1])
}
