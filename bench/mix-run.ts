/**
 * The mixed memory loop in its own process, with the service's memory
 * settings (`npm start`: MALLOC_ARENA_MAX=2, a 256 MB V8 old space; the
 * parent sets them), so its RSS is the loop's alone and not what the bench's
 * timing sections left behind:
 *   MALLOC_ARENA_MAX=2 node --max-old-space-size=256 --import tsx bench/mix-run.ts
 * Prints the loop's lines, then one line of JSON (MixedResult).
 */
import { createApp } from '../src/app.js'
import { nodeEnv } from '../src/node/env.js'
import { mixedLoop } from './mixed.js'

const result = await mixedLoop(createApp({ ...(await nodeEnv()), cache: undefined }))
console.log(JSON.stringify(result))
