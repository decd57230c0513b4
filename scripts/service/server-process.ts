/** The Node server as a child process on a loopback port, for the fuzz and load scripts: start, wait, RSS, stop. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ServerProcess {
  base: string
  child: ChildProcess
  /** Resident set of the server process, MB (Linux /proc). */
  rssMb(): number
  stop(): Promise<void>
}

export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = 20000 + Math.floor(Math.random() * 20000)
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../../src/node/server.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (d) => (log += d))
  child.stderr!.on('data', (d) => (log += d))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    base,
    child,
    rssMb() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      return m ? Number(m[1]) / 1024 : NaN
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.on('exit', r))
      child.kill('SIGTERM')
      await exited
    },
    get log() {
      return log
    },
  } as ServerProcess
}
