#!/usr/bin/env node
/**
 * `npm run lock`: regenerate package-lock.json from package.json alone, in an
 * empty directory. npm builds a missing lock from an existing node_modules if
 * there is one, and then records only this machine's platform binaries
 * (npm/cli#4828); resolving with no node_modules records every platform's.
 * Then `npm install` brings node_modules in line with the new lock.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'qoyar-lock-'))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
try {
  for (const file of ['package.json', '.npmrc']) if (existsSync(join(root, file))) copyFileSync(join(root, file), join(scratch, file))
  execFileSync(npm, ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: scratch, stdio: 'inherit' })
  copyFileSync(join(scratch, 'package-lock.json'), join(root, 'package-lock.json'))
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
execFileSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
console.log('lock: package-lock.json regenerated for every platform; node_modules in sync.')
