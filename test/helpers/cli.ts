/** The qoyar command line as a child process, in English and without office data from this machine's environment. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'

const BIN = new URL('../../bin/qoyar.js', import.meta.url).pathname
const ENV = { ...process.env, LANG: 'C', QOYAR_DATA: '' }

/** Runs qoyar to its end: status, stdout and stderr as text. */
export const qoyar = (args: string[], cwd?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: ENV })

/** Starts qoyar and returns at once, for tests that signal it; the caller must kill it (in a finally). */
export const startQoyar = (args: string[], cwd?: string): ChildProcess => spawn(process.execPath, [BIN, ...args], { cwd, env: ENV, stdio: 'ignore' })
