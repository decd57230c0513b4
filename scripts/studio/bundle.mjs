#!/usr/bin/env node
/**
 * Bundles the studio's browser script (src/studio/client/*.ts) with esbuild
 * into src/studio/generated/client.ts, a module exporting it as a string, so
 * that the Node server and the Workers entry serve the same bytes with no
 * build step at request time and nothing read from disk. Run at install, before
 * start, tests and the Workers build (package.json). Writes only when the
 * bundle changes, so a running `wrangler dev` does not reload for nothing.
 *
 * `--check` exits 1 when the generated module is not what the sources give.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../', import.meta.url))
const outDir = `${root}src/studio/generated/`
const target = `${outDir}client.ts`

export async function bundleStudio() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/studio/client/main.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  const js = result.outputFiles[0].text
  return [
    '// Written by scripts/studio/bundle.mjs from src/studio/client/; do not edit.',
    "/** The studio's browser script (served at /studio/studio.js). */",
    `export const STUDIO_JS: string = ${JSON.stringify(js)}`,
    '',
  ].join('\n')
}

const text = await bundleStudio().catch((e) => {
  console.error(`studio/bundle: ${e.message}`)
  process.exit(1)
})
let current = ''
try {
  current = readFileSync(target, 'utf8')
} catch {
  // first run
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('studio/bundle: src/studio/generated/client.ts is stale; run `npm run build:studio`.')
    process.exit(1)
  }
} else {
  mkdirSync(outDir, { recursive: true })
  writeFileSync(`${outDir}.gitignore`, '# Written by scripts/studio/bundle.mjs at install time.\n*\n!.gitignore\n')
  if (current !== text) writeFileSync(target, text)
  console.log(`studio/bundle: ${Math.round(text.length / 1024)} KB${current === text ? ' (unchanged)' : ''}.`)
}
