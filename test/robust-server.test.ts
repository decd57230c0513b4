/** Issue 20 (5, 8): the Node server answers its own parse errors in JSON, binds to loopback, and drains on SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const PORT = 18000 + Math.floor(Math.random() * 1000)
const BASE = `http://127.0.0.1:${PORT}`
let server: ChildProcess
let log = ''

async function waitUp(): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not start: ${log}`)
}

/** Bytes written straight to the socket, and what comes back. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1', () => socket.write(bytes))
    let out = ''
    socket.on('data', (d) => (out += d.toString('utf8')))
    socket.on('end', () => resolve(out))
    socket.on('error', reject)
  })
}

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', new URL('../src/node/server.ts', import.meta.url).pathname], { env: { ...process.env, PORT: String(PORT), HOST: '', QOYAR_DRAIN_MS: '20000' } })
  server.stdout!.on('data', (d) => (log += d))
  server.stderr!.on('data', (d) => (log += d))
  await waitUp()
})

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL')
})

describe('the Node server', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(log).toMatch(/listening on http:\/\/127\.0\.0\.1:/)
  })

  it('takes a URL of 2,000 Han characters (≈ 18 KB, past Node’s 16 KB default)', async () => {
    const res = await fetch(`${BASE}/v1/text.svg?size=12&text=${encodeURIComponent('民族团结'.repeat(500))}`)
    expect(res.status).toBe(200)
  })

  it('answers headers past the limit with a JSON 431, and a bad request line with a JSON 400', async () => {
    const big = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(60_000)}\r\n\r\n`)
    expect(big).toMatch(/^HTTP\/1\.1 431 /)
    expect(JSON.parse(big.split('\r\n\r\n')[1]!).error.code).toBe('headers_too_large')
    const bad = await raw('GARBAGE\r\n\r\n')
    expect(bad).toMatch(/^HTTP\/1\.1 400 /)
    expect(JSON.parse(bad.split('\r\n\r\n')[1]!).error.code).toBe('bad_request')
  })

  it('drains on SIGTERM: a PDF batch in flight ends complete, then the process exits 0', async () => {
    const csv = 'name_mn,name_zh\n' + 'ᠪᠠᠲᠤ,巴图\n'.repeat(60)
    const res = await fetch(`${BASE}/v1/batch/desk-card.pdf`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv })
    expect(res.status).toBe(200)
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
    server.kill('SIGTERM')
    const pdf = Buffer.from(await res.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/)
    expect(await exited).toBe(0)
    // And nothing listens any more.
    await expect(fetch(`${BASE}/healthz`)).rejects.toThrow()
  })
})
