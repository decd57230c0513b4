/**
 * Start `wrangler dev` (local workerd, no account, no network, metrics off)
 * on a free loopback port and stop it again: for test/workerd.test.ts and
 * bench/edge.ts. The process runs in its own process group so that stopping
 * it also stops the workerd and esbuild processes wrangler started.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

export interface EdgeServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  /** Milliseconds from spawning wrangler to its "Ready on" line (no request served yet). */
  startMs: number
  /** Everything wrangler printed, for diagnostics. */
  output(): string
  stop(): Promise<void>
}

export interface StartOptions {
  /** Bound on the wait for wrangler to listen (default 90 s). */
  timeoutMs?: number
  /** Extra `--var NAME:VALUE` bindings. */
  vars?: Record<string, string>
  /** The office data directory to bundle (as QOYAR_DATA does for dev:edge); none = built-in data only. */
  data?: string
}

/** A port the kernel just gave us on 127.0.0.1 (closed again before wrangler takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** Writes src/worker/generated-office/ for a data directory (scripts/edge/office.ts), before wrangler bundles. */
function bundleOffice(data: string | undefined): void {
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'edge', 'office.ts')], { cwd: root, env: { ...process.env, QOYAR_DATA: data ?? '' }, stdio: 'ignore' })
}

export async function startEdge(options: StartOptions = {}): Promise<EdgeServer> {
  const timeoutMs = options.timeoutMs ?? 90_000
  const [port, inspectorPort] = [await freePort(), await freePort()]
  const state = mkdtempSync(join(tmpdir(), 'qoyar-wrangler-'))
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  const args = [
    join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'),
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    // A fresh cache and state per run: a hit must come from this run.
    '--persist-to',
    state,
    '--show-interactive-dev-session=false',
    ...vars,
  ]
  // The office module the bundle imports: this run's data directory, or none.
  bundleOffice(options.data)
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Metrics off; no fetch of Request.cf data from Cloudflare (a placeholder is used): nothing leaves the machine.
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  let log = ''
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
  const url = `http://127.0.0.1:${port}`

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    killGroup(child, 'SIGTERM')
    const done = await Promise.race([exited(child).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))])
    // wrangler's children (workerd, esbuild) share the group: make sure none outlives the run.
    killGroup(child, 'SIGKILL')
    if (!done) await Promise.race([exited(child), new Promise((r) => setTimeout(r, 2000))])
    rmSync(state, { recursive: true, force: true })
    // Leave no test data behind for the next `wrangler deploy`.
    if (options.data) bundleOffice(undefined)
  }

  // wrangler says "Ready on …" once workerd listens; wait for that line, bounded.
  const deadline = started + timeoutMs
  while (!/Ready on http/.test(log)) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`wrangler dev exited with ${child.exitCode} before it was ready:\n${log}`)
    }
    if (performance.now() > deadline) {
      await stop()
      throw new Error(`wrangler dev was not ready within ${timeoutMs} ms:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url, startMs: performance.now() - started, output: () => log, stop }
}
