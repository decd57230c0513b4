/**
 * Issue 20 (bounded work): on Node, renders run on worker threads, so the
 * event loop answers /healthz while a heavy render runs; the deadline stops
 * the render itself (its thread is terminated and replaced) and the next
 * requests succeed; a batch stops rendering when its client goes away.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '../scripts/service/server-process.js'
import { THREAD_NICE } from '../src/node/thread-priority.js'

const BOARD = JSON.parse(readFileSync(new URL('../templates/display-board/example.json', import.meta.url), 'utf8')) as Record<string, unknown>
// The example board as a 24 MP PNG (1200×900 mm at 120 dpi): seconds of work, far past the deadline below.
const heavy = () =>
  fetch(`${server.base}/v1/render/display-board.png`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BOARD) })
const DEADLINE_MS = 1500
const ROWS = 300
const csv = 'name_mn,name_zh\n' + Array.from({ length: ROWS }, (_, i) => `ᠪᠠᠲᠤ,巴图${i}\n`).join('')

let server: ServerProcess

beforeAll(async () => {
  server = await startServer({ QOYAR_RENDER_TIMEOUT_MS: String(DEADLINE_MS), QOYAR_RENDER_THREADS: '2' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

/** The render threads started so far, from /metrics. */
async function threadsStarted(): Promise<number> {
  const text = await (await fetch(`${server.base}/metrics`)).text()
  return Number(/^qoyar_render_threads_started_total (\d+)/m.exec(text)?.[1])
}

/** Waits (up to a minute) for a log line matching `re`, written after offset `from`. */
async function logLine(re: RegExp, from: number): Promise<RegExpExecArray> {
  for (let i = 0; i < 300; i++) {
    const m = re.exec(server.log().slice(from))
    if (m) return m
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no log line ${re}:\n${server.log().slice(-2000)}`)
}

describe('renders on worker threads', () => {
  it('answers /healthz ten times over, one after another, while one heavy render is still running', async () => {
    let heavyDone = false
    const running = heavy().then(async (r) => {
      await r.arrayBuffer()
      heavyDone = true
      return r.status
    })
    await new Promise((r) => setTimeout(r, 300)) // let the heavy render start
    // On the event loop, each probe would wait for a gap between the render's stages: ten would outlast it.
    for (let i = 0; i < 10; i++) {
      const health = await fetch(`${server.base}/healthz`)
      expect(health.status).toBe(200)
      expect(heavyDone).toBe(false)
    }
    expect([200, 503]).toContain(await running)
  }, 60_000)

  it('stops a render at its deadline: 503 render_timeout, its thread replaced, and the next requests succeed', async () => {
    const before = await threadsStarted()
    const res = await heavy()
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBeTruthy()
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('render_timeout')
    // The thread that ran it was terminated (the work really stopped) and piscina started another.
    for (let i = 0; i < 50 && (await threadsStarted()) === before; i++) await new Promise((r) => setTimeout(r, 100))
    // At least one: on a loaded machine the replacement can itself miss the tiny deadline while it starts and be replaced too.
    expect(await threadsStarted()).toBeGreaterThanOrEqual(before + 1)
    // The pool recovers: once the new thread has loaded its fonts (the tiny test deadline may pass while it starts),
    // more renders than threads at once are all drawn.
    const light = (i: number) => fetch(`${server.base}/v1/text.png?${new URLSearchParams({ text: `ᠮᠣᠩᠭᠣᠯ 巴图 ${i}`, size: '32' })}`)
    // Warm when two at once are drawn: one render alone may be the old thread's while the new one still loads.
    const bothDrawn = async (i: number) => (await Promise.all([light(100 + 2 * i), light(101 + 2 * i)])).every((r) => r.status === 200)
    for (let i = 0; i < 40 && !(await bothDrawn(i)); i++) await new Promise((r) => setTimeout(r, 500))
    const next = await Promise.all([1, 2, 3, 4].map(light))
    expect(next.map((r) => r.status)).toEqual([200, 200, 200, 200])
    const png = new Uint8Array(await next[0]!.arrayBuffer())
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]) // "PNG"
    expect(server.log()).not.toMatch(/uncaught|unexpected error/)
  }, 180_000)
})

describe('thread priority', () => {
  it.skipIf(process.platform !== 'linux')('runs the render threads at a lower priority than the event loop (Linux, per thread)', () => {
    // /proc/<pid>/task/<tid>/stat: field 19 is the nice value; the main thread's tid is the pid.
    const niceOf = (tid: string) => Number(readFileSync(`/proc/${server.child.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])
    const tids = readdirSync(`/proc/${server.child.pid}/task`)
    expect(niceOf(String(server.child.pid))).toBe(0)
    // Two render threads (QOYAR_RENDER_THREADS above); the PDF writer thread starts only with a batch.
    expect(tids.filter((t) => niceOf(t) === THREAD_NICE).length).toBeGreaterThanOrEqual(2)
  })
})

describe('batches on worker threads', () => {
  it('streams a PDF batch and stops rendering it when the client goes away', async () => {
    const from = server.log().length
    const stop = new AbortController()
    const res = await fetch(`${server.base}/v1/batch/desk-card.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
      signal: stop.signal,
    })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value!.subarray(0, 5))).toBe('%PDF-')
    stop.abort()
    const m = await logLine(/batch desk-card stopped after (\d+) of (\d+) rows/, from)
    expect(Number(m[2])).toBe(ROWS)
    expect(Number(m[1])).toBeLessThan(ROWS)
  }, 90_000)

  it('stops a report-only batch (Accept: application/json) when the client goes away', async () => {
    const from = server.log().length
    const stop = new AbortController()
    const sent = fetch(`${server.base}/v1/batch/desk-card.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: csv,
      signal: stop.signal,
    }).catch(() => null)
    await new Promise((r) => setTimeout(r, 1000)) // some rows rendered, not all 300
    stop.abort()
    await sent
    const m = await logLine(/batch desk-card stopped after (\d+) of (\d+) rows/, from)
    expect(Number(m[1])).toBeLessThan(ROWS)
  }, 90_000)
})
