/**
 * Module types wrangler gives the Workers build: *.wasm files are
 * CompiledWasm modules (compiled once when the script loads, never from
 * bytes at run time), plus harfbuzzjs's untyped Emscripten factory.
 */
declare module '*.wasm' {
  const module: WebAssembly.Module
  export default module
}

declare module 'harfbuzzjs/hb.js' {
  interface EmscriptenOptions {
    instantiateWasm?(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object
  }
  const createHarfBuzz: (options?: EmscriptenOptions) => Promise<unknown>
  export default createHarfBuzz
}

declare module 'harfbuzzjs/hbjs.js' {
  import type { HarfBuzz } from '../fonts/harfbuzz.js'
  const hbjs: (instance: unknown) => HarfBuzz
  export default hbjs
}
