/**
 * Which resvg-js build rasterizes a sheet on Node. Both draw the same pixels
 * (test/png-encoder.test.ts compares them for every template).
 *
 * - 2.7.0-alpha.2 (its Linux x64 binary, installed as the optional alias
 *   `resvg-js-next-linux-x64-gnu`: the 2.7 wrapper package lists platform
 *   binaries that were never published, which `npm ci` refuses) frees
 *   each pixmap as soon as the pixels are handed over, so the next render on
 *   that libuv thread reuses the memory instead of faulting in fresh pages:
 *   the 300 dpi desk card takes 16 ms instead of 26–32 ms. The freed memory
 *   stays in that thread's allocator (mimalloc) until the thread works
 *   again, so it is used only up to NEXT_MAX_PIXELS, which bounds what four
 *   pool threads can hold to about 4 × 40 MB.
 * - 2.6.2 (a dependency with every platform's binary) draws larger sheets,
 *   whose pixmaps go back to the system when collected, and everything where
 *   2.7 is not published (it ships Linux x64 only) or its binary fails to load.
 *   (npm skips the optional binary on other platforms.)
 */
import { createRequire } from 'node:module'

type ResvgModule = typeof import('@resvg/resvg-js')

const require = createRequire(import.meta.url)

/** 10 MP: every template at 300 dpi but the large sheets (display board, door plaque). */
export const NEXT_MAX_PIXELS = 6_000_000

const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version

const stable = require('@resvg/resvg-js') as ResvgModule
export const STABLE_VERSION = versionOf('@resvg/resvg-js')

/** The native binding's exports, which resvg-js's index.js wraps: options go in as JSON. */
interface Binding {
  renderAsync: (svg: string | Buffer, options: string | null, signal?: AbortSignal | null) => ReturnType<ResvgModule['renderAsync']>
  Resvg: new (svg: string | Buffer, options?: string) => InstanceType<ResvgModule['Resvg']>
}

function loadNext(): ResvgModule | undefined {
  // QOYAR_RESVG=stable: 2.6.2 for every sheet (an escape hatch, and the bench's A/B).
  if (process.env.QOYAR_RESVG === 'stable') return undefined
  let binding: Binding
  try {
    binding = require(NEXT_PACKAGE) as Binding
  } catch {
    return undefined // not on this platform: 2.6.2 draws everything
  }
  // As resvg-js 2.7.0-alpha.2's own index.js wraps the binding.
  class Resvg extends binding.Resvg {
    constructor(svg: string | Buffer, options?: Parameters<ResvgModule['renderAsync']>[1]) {
      super(svg, JSON.stringify(options))
    }
  }
  const renderAsync: ResvgModule['renderAsync'] = (svg, options, signal) => binding.renderAsync(svg, options ? JSON.stringify(options) : null, signal)
  // The same API as 2.6.2's module for what qoyar uses (renderAsync, Resvg); the rest is not reached.
  return { ...stable, renderAsync, Resvg: Resvg as unknown as ResvgModule['Resvg'] }
}
const NEXT_PACKAGE = 'resvg-js-next-linux-x64-gnu'
const next = loadNext()
/** The faster build's version, when it loaded here. */
export const NEXT_VERSION = next ? versionOf(NEXT_PACKAGE) : undefined

/** The build for a sheet of this many pixels. */
export function resvgFor(pixels: number): ResvgModule {
  return next && pixels <= NEXT_MAX_PIXELS ? next : stable
}

/** For the bench header and tests: what draws which sheets here. */
export const RESVG_VERSIONS = NEXT_VERSION ? `${NEXT_VERSION} up to ${NEXT_MAX_PIXELS / 1e6} MP, ${STABLE_VERSION} above` : STABLE_VERSION
