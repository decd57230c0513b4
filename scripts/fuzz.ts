/**
 * npm run fuzz: a seeded fuzz of every endpoint of the Node server, on
 * loopback only. Fails (exit 1) on any 5xx, any error that is not JSON with
 * a code, any internal error in the server's log, the server dying, or RSS
 * after the run above 1.5× its start.
 *   FUZZ_SEED=1 FUZZ_REQUESTS=10000 FUZZ_CONCURRENCY=6 npm run fuzz
 */
import { connect } from 'node:net'
import { SERVICE_MALLOC_ENV, SERVICE_NODE_OPTIONS } from './service/memory-env.js'
import { pngChunk as chunk } from './service/png-chunk.js'
import { startServer } from './service/server-process.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20)
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000)
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 6)

/** mulberry32: small, seeded, good enough to pick inputs reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = prng(SEED)
const int = (n: number) => Math.floor(rand() * n)
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
const chance = (p: number) => rand() < p

const TEMPLATES = ['desk-card', 'slogan-banner', 'door-plaque', 'window-sign', 'meeting-banner', 'letterhead', 'display-board', 'no-such', '..%2F..', '']
const FORMATS = ['svg', 'png', 'pdf', 'gif', '', 'svg.png', 'PNG']
const FIELDS = [
  'name_mn',
  'name_zh',
  'title_mn',
  'title_zh',
  'mn',
  'zh',
  'text',
  'size',
  'color',
  'background',
  'orientation',
  'padding',
  'maxLength',
  'preset',
  'width',
  'height',
  'dpi',
  'region',
  'strict',
  'lang',
  'slogan',
  'v.years',
  'v.name',
  'bleed',
  'marks',
  'sheet',
  'copies',
  'mnScale',
  'order',
  'theme',
  'images',
  'body_mn',
  'body_zh',
  '__proto__',
  'constructor',
  'map',
  'format',
  'name',
  'sig',
  'exp',
  'x'.repeat(40),
]
const PIECES = [
  'ᠪᠠᠲᠤ',
  'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ',
  '巴图',
  '民族团结',
  'Hohhot',
  '😀',
  '\u180B',
  '\u202E',
  '\u2028',
  '\u2029',
  '\u0000',
  '\n',
  ' ',
  '\uFFFD',
  '\u200D',
  '#ff0000',
  'transparent',
  '-1',
  '0',
  '1e308',
  'NaN',
  '300',
  '20000',
  'true',
  'a4',
  'screen-1920x1080',
  'face-200x100',
  'cloth-10000x900',
  'inner-mongolia',
  'unity',
  'zh',
  'en',
  'mn',
  '{{years}}',
  '<svg>',
  '"',
  "'",
  '&',
  '=',
  '%',
]
const RAW_ESCAPES = ['%ED%A0%80', '%E0%A4%A', '%', '%zz', '%C0%AF', '%FF', '%00', '%2F..%2F', '+', '%E2%80%A8']

function text(): string {
  let s = ''
  const n = chance(0.05) ? 200 + int(3000) : 1 + int(4)
  for (let i = 0; i < n; i++) s += pick(PIECES)
  return s
}

function query(): string {
  const parts: string[] = []
  const n = int(7)
  for (let i = 0; i < n; i++) {
    const k = chance(0.9) ? pick(FIELDS) : text()
    const v = chance(0.1) ? pick(RAW_ESCAPES) : encodeURIComponent(text())
    parts.push(`${encodeURIComponent(k)}=${v}`)
  }
  if (chance(0.1)) parts.push(pick(RAW_ESCAPES))
  return parts.join('&')
}

function brokenPicture(): string {
  const ihdr = Buffer.alloc(13)
  const side = pick([1, 100, 8000, 9000, 0, 65535])
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(pick([1, 100, 8000]), 4)
  ihdr.set([8, pick([0, 2, 3, 4, 6]), 0, 0, 0], 8)
  const idat = Buffer.from(chance(0.5) ? 'not zlib' : Array.from({ length: int(200) }, () => int(256)))
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ])
  return pick([
    `data:image/png;base64,${png.toString('base64')}`,
    'data:image/jpeg;base64,/9j/wAARCB9AH0ADASIAAhEBAxEB/9k=',
    'https://example.com/a.png',
    'data:image/png;base64,@@@',
  ])
}

function deep(n: number): string {
  return (
    pick(['[', '{"a":'])
      .repeat(n)
      .replace(/\{"a":$/, '{"a":1') + ''
  )
}

function jsonValue(depth = 0): unknown {
  const r = int(10)
  if (depth > 3 || r < 5) return chance(0.2) ? int(1000) - 500 : text()
  if (r < 7) return Array.from({ length: int(3) }, () => jsonValue(depth + 1))
  return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(FIELDS), jsonValue(depth + 1)]))
}

function jsonBody(): string {
  const r = int(20)
  if (r === 0) return '{"a":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}'
  if (r === 1) return '{"v.years":' + deep(5000)
  if (r === 2) return '{"name_mn": '
  if (r === 3) return '[1,2,3]'
  if (r === 4)
    return JSON.stringify({
      title_mn: 'ᠮᠣᠩᠭᠣᠯ',
      title_zh: '蒙古',
      body_mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ',
      body_zh: '蒙古语',
      preset: 'screen-1920x1080',
      images: [{ src: brokenPicture() }],
    })
  if (r === 5) return '{"__proto__":{"name_mn":"ᠪᠠᠲᠤ","name_zh":"巴图"}}'
  const o: Record<string, unknown> = {}
  for (let i = 0; i < 1 + int(6); i++) o[pick(FIELDS)] = jsonValue()
  return JSON.stringify(o)
}

function csvBody(): string {
  const header = chance(0.8) ? 'name_mn,name_zh' : pick(['姓名,职务', '', '"unterminated', 'name_mn;name_zh', 'a,b,c,d,e'])
  const rows = Array.from({ length: int(5) }, () =>
    Array.from({ length: 1 + int(3) }, () => (chance(0.1) ? '"' + text() : text().replace(/[,\n"]/g, ''))).join(','),
  )
  return [header, ...rows].join(pick(['\n', '\r\n']))
}

interface Planned {
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array
}

/** Each template's example fields, from GET /v1/templates: the start of well-formed requests. */
let EXAMPLES: Record<string, Record<string, unknown>> = {}

/** A valid request with one thing changed: most fuzz input should get past the first check. */
function nearValid(): Planned {
  const id = pick(Object.keys(EXAMPLES))
  const fields: Record<string, unknown> = { ...EXAMPLES[id] }
  const key = chance(0.7) ? pick(Object.keys(fields)) : pick(FIELDS)
  if (chance(0.8)) fields[key] = chance(0.8) ? text() : jsonValue()
  const format = pick(['svg', 'svg', 'png', 'pdf'])
  // Rasters kept small: the fuzz is about inputs; `npm run load` is about heavy work.
  if (format === 'png' || chance(0.3)) fields.dpi = pick([10, 20, 30])
  const post = id === 'display-board' || chance(0.4)
  if (id === 'display-board' && chance(0.5)) fields.images = [{ src: brokenPicture() }]
  if (!post) {
    const q = Object.entries(fields)
      .filter(([, v]) => typeof v !== 'object')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&')
    return { method: chance(0.9) ? 'GET' : 'HEAD', path: `/v1/render/${id}.${format}?${q}`, headers: {} }
  }
  return { method: 'POST', path: `/v1/render/${id}.${format}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) }
}

function plan(): Planned {
  if (chance(0.45)) return nearValid()
  const r = int(100)
  const method = r < 58 ? 'GET' : r < 85 ? 'POST' : pick(['HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD'])
  const kind = int(100)
  let path: string
  if (kind < 5)
    path = pick([
      '/healthz',
      '/v1/templates',
      '/v1/fonts',
      '/v1/slogans',
      '/v1/rules',
      '/studio',
      '/',
      '/v1',
      '/v1/',
      '/v1/../etc/passwd',
      `/${text()}`.replace(/[?#]/g, ''),
    ])
  else if (kind < 30) path = `/v1/text.${pick(['svg', 'png', 'pdf', 'gif'])}`
  else if (kind < 75) path = `/v1/render/${pick(TEMPLATES)}.${pick(FORMATS)}`
  else if (kind < 85) path = `/v1/check/${pick(TEMPLATES)}`
  else path = `/v1/batch/${pick(TEMPLATES)}.${pick(['pdf', 'zip', 'png'])}`
  path = encodeURI(path).replace(/%25/g, '%')
  const headers: Record<string, string> = {}
  if (chance(0.05)) headers['if-none-match'] = pick(['*', '"abc"', 'W/"x"'])
  if (chance(0.1)) headers['accept-language'] = pick(['mn', 'en', 'zh-CN', 'xx', '*;q=bad'])
  if (chance(0.1)) headers.accept = 'application/json'
  // Smaller renders mostly: the fuzz is about inputs, not load.
  let q = query()
  if (chance(0.7)) q += `&size=${8 + int(40)}&dpi=${pick([10, 20, 30, 72])}`
  const planned: Planned = { method, path: `${path}?${q}`, headers }
  if (method === 'POST' || (method !== 'GET' && method !== 'HEAD' && chance(0.3))) {
    const type = pick([
      'application/json',
      'application/json',
      'text/csv',
      'application/x-ndjson',
      'text/plain',
      '',
      'multipart/form-data; boundary=x',
      'application/json; charset=gbk',
    ])
    if (type) headers['content-type'] = type
    planned.body = type.includes('csv')
      ? csvBody()
      : type.includes('ndjson')
        ? Array.from({ length: 1 + int(3) }, jsonBody).join('\n')
        : chance(0.05)
          ? new Uint8Array(Array.from({ length: int(2000) }, () => int(256)))
          : jsonBody()
  }
  return planned
}

/** Requests that fetch() cannot send: bad request lines, header floods, hang-ups. */
function rawRequest(port: number): Promise<{ status: number; body: string } | null> {
  const r = int(5)
  const payload =
    r === 0
      ? 'GARBAGE\r\n\r\n'
      : r === 1
        ? `GET /v1/text.svg?text=a HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`
        : r === 2
          ? `GET /${'a'.repeat(100)} HTTP/9.9\r\n\r\n`
          : r === 3
            ? 'POST /v1/render/desk-card.svg HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name_mn":'
            : `GET /v1/render/desk-card.png?name_mn=%E1%A0%AA&name_zh=${encodeURIComponent(text())} HTTP/1.1\r\nHost: x\r\n\r\n`
  const hangUp = r >= 3
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(payload)
      // A client that gives up mid-request or right after sending it.
      if (hangUp) setTimeout(() => socket.destroy(), int(30))
    })
    let out = ''
    socket.on('data', (d) => (out += d.toString('latin1')))
    socket.on('close', () => {
      if (hangUp || !out) return resolve(null)
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1] ?? 0)
      resolve({ status, body: out.split('\r\n\r\n').slice(1).join('\r\n\r\n') })
    })
    socket.on('error', () => resolve(null))
    socket.setTimeout(30_000, () => socket.destroy())
  })
}

// As `npm start` runs it (scripts/service/memory-env.ts; the old space alone took the fuzz's RSS from 2.1× to 1.3×).
const server = await startServer({
  QOYAR_RENDER_TIMEOUT_MS: '20000',
  ...SERVICE_MALLOC_ENV,
  NODE_OPTIONS: process.env.FUZZ_NODE_OPTIONS ?? SERVICE_NODE_OPTIONS,
})
const port = server.port
// Baseline after the first renders have loaded what every render needs (fonts, wasm, shaping caches).
for (const p of [
  '/v1/text.svg?text=ᠪᠠᠲᠤ',
  '/v1/text.png?text=巴图',
  '/v1/render/desk-card.svg?name_mn=ᠪᠠᠲᠤ&name_zh=巴图',
  '/v1/render/desk-card.pdf?name_mn=ᠪᠠᠲᠤ&name_zh=巴图',
])
  await (await fetch(server.base + encodeURI(p))).arrayBuffer()
EXAMPLES = Object.fromEntries(
  ((await (await fetch(`${server.base}/v1/templates`)).json()) as { templates: { id: string; example: Record<string, unknown> | null }[] }).templates.flatMap(
    (t) => (t.example ? [[t.id, t.example]] : []),
  ),
)
// The baseline is a warm server: each template's example once in each format (wasm memories grow to their working size and stay).
for (const [id, fields] of Object.entries(EXAMPLES))
  for (const format of ['svg', 'png', 'pdf'])
    await (
      await fetch(`${server.base}/v1/render/${id}.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...fields, dpi: 30 }),
      })
    ).arrayBuffer()
const rssStart = server.rssMb()
const started = Date.now()

const statuses = new Map<number, number>()
const failures: string[] = []
let sent = 0
let peakRss = rssStart

async function one(): Promise<void> {
  if (chance(0.02)) {
    const res = await rawRequest(port)
    sent++
    if (!res) return
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    if (res.status >= 500 || res.status === 0) failures.push(`raw: ${res.status}`)
    else if (res.status >= 400) {
      try {
        if (typeof (JSON.parse(res.body) as { error: { code: string } }).error.code !== 'string') throw new Error()
      } catch {
        failures.push(`raw ${res.status}: not JSON: ${res.body.slice(0, 80)}`)
      }
    }
    return
  }
  const p = plan()
  sent++
  let res: Response
  try {
    res = await fetch(server.base + p.path, {
      method: p.method,
      headers: p.headers,
      ...(p.body !== undefined ? { body: p.body as BodyInit } : {}),
      signal: AbortSignal.timeout(60_000),
    })
  } catch (e) {
    failures.push(`${p.method} ${p.path.slice(0, 120)}: ${(e as Error).message}`)
    return
  }
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
  const body = await res.arrayBuffer().catch(() => null)
  const where = `${p.method} ${p.path.slice(0, 160)} (${p.headers['content-type'] ?? '-'})`
  if (res.status >= 500) failures.push(`${res.status} ${where}: ${new TextDecoder().decode(body ?? new ArrayBuffer(0)).slice(0, 200)}`)
  else if (res.status >= 400 && p.method !== 'HEAD') {
    try {
      if (!res.headers.get('content-type')?.startsWith('application/json')) throw new Error('content-type')
      if (typeof (JSON.parse(new TextDecoder().decode(body!)) as { error: { code: string } }).error.code !== 'string') throw new Error('shape')
    } catch {
      failures.push(`${res.status} not JSON: ${where}`)
    }
  }
  if (res.headers.get('x-content-type-options') !== 'nosniff') failures.push(`no nosniff: ${res.status} ${where}`)
}

let next = 0
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < TOTAL) {
      await one()
      if (sent % 500 === 0) {
        peakRss = Math.max(peakRss, server.rssMb())
        process.stderr.write(`\r${sent}/${TOTAL} requests, ${failures.length} failures, RSS ${server.rssMb().toFixed(0)} MB   `)
      }
      if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode})`)
    }
  }),
)
process.stderr.write('\n')
const alive = (await fetch(`${server.base}/healthz`)).ok
// Let the allocator give back what the last requests freed.
await new Promise((r) => setTimeout(r, 3000))
const rssEnd = server.rssMb()
const log = server.log()
const internal = (log.match(/unexpected error|uncaught|unhandled/gi) ?? []).length
await server.stop()

const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)
console.log(`fuzz seed ${SEED}: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(0)} s, concurrency ${CONCURRENCY}`)
console.log(
  `statuses: ${[...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ')}`,
)
console.log(
  `5xx: ${fiveXX}; bad error bodies: ${failures.filter((f) => /not JSON/.test(f)).length}; internal errors logged: ${internal}; alive after: ${alive}`,
)
console.log(`RSS: start ${rssStart.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB, after ${rssEnd.toFixed(0)} MB (${(rssEnd / rssStart).toFixed(2)}×)`)
for (const f of failures.slice(0, 20)) console.log(`  ${f}`)
const ok = !failures.length && fiveXX === 0 && internal === 0 && alive && rssEnd <= rssStart * 1.5
if (!ok && internal)
  console.log(
    log
      .split('\n')
      .filter((l) => /unexpected|uncaught|unhandled/i.test(l))
      .slice(0, 10)
      .join('\n'),
  )
console.log(ok ? 'PASS' : 'FAIL')
process.exitCode = ok ? 0 : 1
