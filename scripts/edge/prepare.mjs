#!/usr/bin/env node
/**
 * Install-time preparation for the Workers build (`npm install` runs it as
 * `postinstall`; `npm run dev:edge`, `npm test` and `npm run deploy:edge` run
 * it again first). Plain Node, no dependencies, no network.
 *
 * workerd compiles no WebAssembly from bytes inside a request, and none
 * asynchronously at all, so every module harfbuzzjs would compile is shipped
 * precompiled instead (wrangler's CompiledWasm rule for *.wasm):
 *
 * - hb.wasm: the harfbuzzjs package's file. satori bundles the same
 *   harfbuzzjs (0.10.0) with hb.wasm inlined as base64; we check the two are
 *   byte-identical, because the worker's shim (src/worker/shim.ts) recognises
 *   satori's copy by its SHA-256 and instantiates the precompiled module.
 * - addFunction trampolines: Emscripten's convertJsFunctionToWasm builds a
 *   tiny module per function signature (hbjs.js calls addFunction with a
 *   fixed set of them). We build the same bytes here, one .wasm file each,
 *   and check the builder against what harfbuzzjs really compiles in Node.
 *
 * Output: src/worker/generated/ (git-ignored): trampoline-*.wasm and wasm.ts.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const out = join(root, 'src', 'worker', 'generated')
const require = createRequire(join(root, 'package.json'))

const HARFBUZZJS_VERSION = '0.10.0'
const SATORI_VERSION = '0.63.2'

function fail(message) {
  console.error(`edge/prepare: ${message}`)
  process.exit(1)
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')
const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`))

const hbDir = pkgDir('harfbuzzjs')
const satoriDir = pkgDir('satori')
const hbVersion = JSON.parse(readFileSync(join(hbDir, 'package.json'), 'utf8')).version
const satoriVersion = JSON.parse(readFileSync(join(satoriDir, 'package.json'), 'utf8')).version
if (hbVersion !== HARFBUZZJS_VERSION) fail(`harfbuzzjs is ${hbVersion}; the worker shim is written for ${HARFBUZZJS_VERSION}.`)
if (satoriVersion !== SATORI_VERSION) fail(`satori is ${satoriVersion}; the worker shim is written for ${SATORI_VERSION} (pin it exactly).`)

// 1. hb.wasm, and satori's inlined copy of it.
const hbWasm = readFileSync(join(hbDir, 'hb.wasm'))
const hbSha = sha256(hbWasm)
const satoriJs = readFileSync(join(satoriDir, 'dist', 'standalone.js'), 'utf8')
const inlined = [...satoriJs.matchAll(/"(AGFzbQ[A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1], 'base64'))
if (!inlined.some((b) => sha256(b) === hbSha))
  fail(
    `satori ${satoriVersion} does not inline a hb.wasm identical to harfbuzzjs ${hbVersion}'s; the worker cannot route its HarfBuzz to the precompiled module.`,
  )

// 2. The signatures hbjs.js passes to addFunction, and satori's bundled copy.
const hbjs = readFileSync(join(hbDir, 'hbjs.js'), 'utf8')
const sigs = new Set()
for (const call of hbjs.split('addFunction(').slice(1)) {
  // The signature is the first quoted type string closing the call.
  const m = /['"]([vipjfde][ipjfde]*)['"]\)/.exec(call)
  if (m) sigs.add(m[1])
}
if (!sigs.has('vi')) fail('found no addFunction signatures in harfbuzzjs/hbjs.js (has its source changed?)')
for (const sig of sigs) if (!satoriJs.includes(`"${sig}")`)) fail(`satori's bundled hbjs has no addFunction(…, "${sig}"); it is not harfbuzzjs ${hbVersion}.`)

// Emscripten's convertJsFunctionToWasm (hb.js), byte for byte.
const TYPE_CODES = { i: 127, p: 127, j: 126, f: 125, d: 124, e: 111 }
const withLen = (arr) => [(arr.length % 128) | 128, arr.length >> 7, ...arr]
const typePack = (types) => withLen(Array.from(types, (t) => TYPE_CODES[t]))
function trampoline(sig) {
  const type = withLen([1, 96, ...typePack(sig.slice(1)), ...typePack(sig[0] === 'v' ? '' : sig[0])])
  return Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, ...type, 2, 7, 1, 1, 101, 1, 102, 0, 0, 7, 5, 1, 1, 102, 0, 0)
}
const hex = (bytes) => Buffer.from(bytes).toString('hex')
const normal = (sig) => sig.replace(/p/g, 'i')

const modules = new Map() // hex → { name, bytes, sigs }
for (const sig of [...sigs].sort()) {
  const bytes = trampoline(sig)
  const key = hex(bytes)
  const name = `trampoline-${normal(sig)}`
  if (!modules.has(key)) modules.set(key, { name, bytes, sigs: [] })
  modules.get(key).sigs.push(sig)
}

// 3. Check the builder against what harfbuzzjs itself compiles in Node
// (its start-up adds the 'vi' free callback; satori's copy does the same).
const seen = []
const NativeModule = WebAssembly.Module
WebAssembly.Module = new Proxy(NativeModule, {
  construct(target, args) {
    seen.push(hex(new Uint8Array(args[0])))
    return Reflect.construct(target, args)
  },
})
try {
  await require('harfbuzzjs')
} finally {
  WebAssembly.Module = NativeModule
}
if (seen.length === 0) fail('harfbuzzjs compiled no trampoline in Node; cannot check the builder.')
for (const key of seen) if (!modules.has(key)) fail(`harfbuzzjs compiled a trampoline this script does not build (${key}); update scripts/edge/prepare.mjs.`)

// 4. Write src/worker/generated/.
mkdirSync(out, { recursive: true })
for (const f of readdirSync(out)) if (f !== '.gitignore') rmSync(join(out, f), { recursive: true, force: true })
writeFileSync(join(out, '.gitignore'), '# Written by scripts/edge/prepare.mjs at install time.\n*\n!.gitignore\n')
const lines = ['// Written by scripts/edge/prepare.mjs at install time; do not edit.', `// harfbuzzjs ${hbVersion}, satori ${satoriVersion}.`]
const entries = []
let i = 0
for (const [key, m] of modules) {
  writeFileSync(join(out, `${m.name}.wasm`), m.bytes)
  lines.push(`import t${i} from './${m.name}.wasm'`)
  entries.push(`  ['${key}', t${i}], // ${m.sigs.join(' ')}`)
  i++
}
lines.push(
  '',
  '/** SHA-256 and length of harfbuzzjs hb.wasm, which satori inlines byte for byte. */',
  `export const HB_WASM_SHA256 = '${hbSha}'`,
  `export const HB_WASM_BYTES = ${hbWasm.byteLength}`,
  '',
  '/** addFunction trampolines, precompiled: bytes (hex) → module. */',
  'export const TRAMPOLINES: ReadonlyArray<readonly [string, WebAssembly.Module]> = [',
  ...entries,
  ']',
  '',
)
writeFileSync(join(out, 'wasm.ts'), lines.join('\n'))
console.log(`edge/prepare: ${modules.size} trampoline modules for ${sigs.size} signatures; hb.wasm ${hbSha.slice(0, 12)}… matches satori's copy.`)
