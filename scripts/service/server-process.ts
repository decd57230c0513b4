/** The Node server as a child process on a free loopback port, for the fuzz and load scripts and the tests: start, wait, RSS, stop. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { freePort } from '../edge/wrangler.js'

export interface ServerProcess {
  base: string
  port: number
  child: ChildProcess
  /** What the server printed so far (stdout and stderr). */
  log(): string
  /** Resident set of the server process, MB (Linux /proc). */
  rssMb(): number
  /** CPU time the server process has used so far, all its threads, user + system, seconds (Linux /proc). */
  cpuSeconds(): number
  /** SIGTERM, then the exit code (or the signal's name if it would not go and had to be killed). */
  stop(): Promise<number | string | null>
}

const STOP_MS = 30_000

/** Starts `src/node/server.ts` with these environment variables and arguments; resolves once /healthz answers. */
export async function startServer(env: Record<string, string> = {}, args: string[] = []): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../../src/node/server.ts', import.meta.url).pathname, ...args], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL')
      throw new Error(`server did not start:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    base,
    port,
    child,
    log: () => log,
    rssMb() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      return m ? Number(m[1]) / 1024 : NaN
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): utime and stime in clock ticks (100 a second).
      const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return (Number(f[11]) + Number(f[12])) / 100
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        // A server that does not drain in time is killed, so no test or script leaves one behind.
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS)
        await exited
        clearTimeout(timer)
      }
      return exited
    },
  }
}
