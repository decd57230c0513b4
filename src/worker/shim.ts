/**
 * Imported first by the Workers entry, before anything that imports satori.
 *
 * satori bundles harfbuzzjs 0.10.0, whose Emscripten loader fails under
 * workerd in three ways (see ../shared/notes/engine-facts.md): it reads
 * `self.location.href`; it compiles hb.wasm from bytes with
 * `WebAssembly.instantiate(bytes)`, which workerd forbids; and its
 * `addFunction()` compiles small trampoline modules from bytes with
 * `new WebAssembly.Module(bytes)`, which workerd forbids inside a request.
 *
 * Here `location` is defined, and both byte-compiles are routed to modules
 * wrangler precompiled (CompiledWasm): hb.wasm from the harfbuzzjs package
 * (byte-identical to satori's inlined copy, recognised by its SHA-256) and
 * the trampolines scripts/edge/prepare.mjs generated at install time. Any
 * other byte-compile is left to workerd, which refuses it, with a message
 * saying what to do.
 */
import hbModule from 'harfbuzzjs/hb.wasm'
import { HB_WASM_BYTES, HB_WASM_SHA256, TRAMPOLINES } from './generated/wasm.js'

/** harfbuzzjs's hb.wasm, precompiled: both HarfBuzz instances (satori's and layout's) run it. */
export const HB_MODULE: WebAssembly.Module = hbModule

const scope = globalThis as { location?: { href: string } }
if (scope.location === undefined)
  Object.defineProperty(globalThis, 'location', { value: new URL('https://qoyar.invalid/'), configurable: true, writable: true })

function bytesOf(source: unknown): Uint8Array | undefined {
  if (source instanceof ArrayBuffer) return new Uint8Array(source)
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
  return undefined
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

function refused(bytes: Uint8Array, error: unknown): Error {
  return new Error(
    `qoyar worker: a ${bytes.byteLength}-byte WebAssembly module was compiled from bytes, which workerd forbids, ` +
      `and no precompiled module matches it. Run \`node scripts/edge/prepare.mjs\` (npm install does) and check that ` +
      `satori and harfbuzzjs are the pinned versions. (${error instanceof Error ? error.message : String(error)})`,
  )
}

const trampolines = new Map(TRAMPOLINES)
const NativeModule = WebAssembly.Module
WebAssembly.Module = new Proxy(NativeModule, {
  construct(target, args, newTarget) {
    const bytes = bytesOf(args[0])
    // Trampolines are a few dozen bytes; never hex a real module.
    const precompiled = bytes && bytes.byteLength <= 256 ? trampolines.get(hex(bytes)) : undefined
    if (precompiled) return precompiled
    try {
      return Reflect.construct(target, args, newTarget) as WebAssembly.Module
    } catch (error) {
      throw bytes ? refused(bytes, error) : error
    }
  },
})

const nativeInstantiate = WebAssembly.instantiate.bind(WebAssembly) as (
  source: BufferSource | WebAssembly.Module,
  imports?: WebAssembly.Imports,
) => Promise<WebAssembly.Instance | WebAssembly.WebAssemblyInstantiatedSource>

async function isHbWasm(bytes: Uint8Array): Promise<boolean> {
  if (bytes.byteLength !== HB_WASM_BYTES) return false
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return hex(digest) === HB_WASM_SHA256
}

WebAssembly.instantiate = (async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
  if (source instanceof NativeModule) return nativeInstantiate(source, imports)
  const bytes = bytesOf(source)
  if (bytes && (await isHbWasm(bytes))) {
    const instance = (await nativeInstantiate(hbModule, imports)) as WebAssembly.Instance
    return { module: hbModule, instance }
  }
  try {
    return await nativeInstantiate(source, imports)
  } catch (error) {
    throw bytes ? refused(bytes, error) : error
  }
}) as typeof WebAssembly.instantiate
