/** Issue 20 (5, 8): the Node server answers its own parse errors in JSON, binds to loopback, and drains on SIGTERM. */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from './helpers/server.js'
import { pdfPages, skipWithout } from './helpers/tools.js'

let server: ServerProcess

/** Bytes written straight to the socket, and what comes back. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(bytes))
    let out = ''
    socket.on('data', (d) => (out += d.toString('utf8')))
    socket.on('end', () => resolve(out))
    socket.on('error', reject)
  })
}

beforeAll(async () => {
  // HOST empty: the server's own default is what is under test.
  server = await startServer({ HOST: '', QOYAR_DRAIN_MS: '20000' })
}, 120_000)

afterAll(async () => {
  await server?.stop()
}, 60_000)

describe('the Node server', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(server.log()).toMatch(/listening on http:\/\/127\.0\.0\.1:/)
  })

  it('takes a URL of 2,000 Han characters (≈ 18 KB, past Node’s 16 KB default)', async () => {
    const res = await fetch(`${server.base}/v1/text.svg?size=12&text=${encodeURIComponent('民族团结'.repeat(500))}`)
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

  it.skipIf(skipWithout('poppler'))('drains on SIGTERM: a PDF batch in flight ends complete, every row a page, then the process exits 0', async () => {
    const rows = 60
    const csv = 'name_mn,name_zh\n' + 'ᠪᠠᠲᠤ,巴图\n'.repeat(rows)
    const res = await fetch(`${server.base}/v1/batch/desk-card.pdf`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv })
    expect(res.status).toBe(200)
    const stopped = server.stop()
    const pdf = new Uint8Array(await res.arrayBuffer())
    expect(pdfPages(pdf)).toBe(rows)
    expect(await stopped).toBe(0)
    // And nothing listens any more.
    await expect(fetch(`${server.base}/healthz`)).rejects.toThrow()
  })
})
