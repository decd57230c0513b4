/**
 * `--data <dir>` on `npm start` and `qoyar`: the office's data directory.
 * It is copied into QOYAR_DATA, the one place nodeEnv() reads it from, so
 * that batch worker threads (which inherit the environment) read it too.
 */
import { parseArgs } from 'node:util'

export function useDataDir(dir: string | undefined): void {
  if (dir) process.env.QOYAR_DATA = dir
}

/** `npm start -- --data ./office`: reads the option from the server's arguments. */
export function dataOption(args: readonly string[]): void {
  const { values } = parseArgs({ args: [...args], options: { data: { type: 'string' } }, strict: false })
  useDataDir(typeof values.data === 'string' ? values.data : undefined)
}
