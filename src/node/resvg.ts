/**
 * Which resvg-js build rasterizes a sheet on Node. Both draw the same pixels
 * (test/png-encoder.test.ts compares them for every template).
 *
 * - 2.7.0-alpha.2 (installed as the optional alias `resvg-js-next`) frees
 *   each pixmap as soon as the pixels are handed over, so the next render on
 *   that libuv thread reuses the memory instead of faulting in fresh pages:
 *   the 300 dpi desk card takes 16 ms instead of 26–32 ms. The freed memory
 *   stays in that thread's allocator (mimalloc) until the thread works
 *   again, so it is used only up to NEXT_MAX_PIXELS, which bounds what four
 *   pool threads can hold to about 4 × 40 MB.
 * - 2.6.2 (a dependency with every platform's binary) draws larger sheets,
 *   whose pixmaps go back to the system when collected, and everything where
 *   2.7 is not published (it ships Linux x64 only) or its binary fails to load.
 */
import { createRequire } from 'node:module'

type ResvgModule = typeof import('@resvg/resvg-js')

const require = createRequire(import.meta.url)

/** 10 MP: every template at 300 dpi but the large sheets (display board, door plaque). */
export const NEXT_MAX_PIXELS = 6_000_000

const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version

const stable = require('@resvg/resvg-js') as ResvgModule
export const STABLE_VERSION = versionOf('@resvg/resvg-js')

function loadNext(): ResvgModule | undefined {
  try {
    return require('resvg-js-next') as ResvgModule
  } catch {
    return undefined // not on this platform: 2.6.2 draws everything
  }
}
const next = loadNext()
/** The faster build's version, when it loaded here. */
export const NEXT_VERSION = next ? versionOf('resvg-js-next') : undefined

/** The build for a sheet of this many pixels. */
export function resvgFor(pixels: number): ResvgModule {
  return next && pixels <= NEXT_MAX_PIXELS ? next : stable
}

/** For the bench header and tests: what draws which sheets here. */
export const RESVG_VERSIONS = NEXT_VERSION ? `${NEXT_VERSION} up to ${NEXT_MAX_PIXELS / 1e6} MP, ${STABLE_VERSION} above` : STABLE_VERSION
