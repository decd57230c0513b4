/**
 * The HarfBuzz our layout measures with (src/text/shape.ts), on workerd:
 * harfbuzzjs's own Emscripten factory, handed the precompiled hb.wasm
 * instead of fetching and compiling it (its addFunction trampolines go
 * through the shim).
 */
import createHarfBuzz from 'harfbuzzjs/hb.js'
import hbjs from 'harfbuzzjs/hbjs.js'
import type { HarfBuzz } from '../fonts/harfbuzz.js'
import { HB_MODULE } from './shim.js'

export async function loadHarfBuzz(): Promise<HarfBuzz> {
  const instance = await createHarfBuzz({
    instantiateWasm(imports, receive) {
      void WebAssembly.instantiate(HB_MODULE, imports).then((inst) => receive(inst, HB_MODULE))
      return {}
    },
  })
  return hbjs(instance)
}
