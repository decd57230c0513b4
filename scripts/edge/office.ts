/**
 * Bundles the office's data directory (QOYAR_DATA) into the Workers script:
 * writes src/worker/generated-office/files.ts, which the Workers entry hands
 * to the app as the Node entry hands it the directory it reads. Run before
 * dev:edge, build:edge and deploy:edge, by the test harness
 * (scripts/edge/wrangler.ts), and at install and before tests so that the
 * type check finds the module. Writes only when the content changes, so a
 * running `wrangler dev` does not reload for nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readOfficeDir } from '../../src/node/office-files.js'

const out = fileURLToPath(new URL('../../src/worker/generated-office/', import.meta.url))
const data = process.env.QOYAR_DATA
const files = data ? await readOfficeDir(data) : undefined
const text = [
  '// Written by scripts/edge/office.ts from QOYAR_DATA; do not edit.',
  "import type { OfficeFiles } from '../../office/files.js'",
  '',
  `export const OFFICE_FILES: OfficeFiles | undefined = ${files ? JSON.stringify(files) : 'undefined'}`,
  '',
].join('\n')
mkdirSync(out, { recursive: true })
const target = join(out, 'files.ts')
let current = ''
try {
  current = readFileSync(target, 'utf8')
} catch {
  // first run
}
if (current !== text) writeFileSync(target, text)
console.log(files ? `edge/office: bundled ${Object.keys(files.files).length} files of ${data}.` : 'edge/office: no QOYAR_DATA; built-in data only.')
