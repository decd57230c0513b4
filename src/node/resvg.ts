/**
 * Which resvg-js build rasterizes a sheet on Node: 2.6.2 (a dependency with
 * every platform's binary), unless QOYAR_RESVG=next.
 *
 * 2.7.0-alpha.2 (its Linux x64 binary alone, as the optional alias
 * `resvg-js-next-linux-x64-gnu`: the 2.7 wrapper package lists platform
 * binaries that were never published, which `npm ci` refuses) draws the same
 * pixels (test/png-encoder.test.ts) and frees each pixmap once its pixels are
 * read. Back to back, the next render on that libuv thread reuses the memory:
 * the 300 dpi desk card's renderAsync + pixels took 16 ms against 26–32 ms.
 * In the service it did not pay: 300 cards at 300 dpi to a ZIP took 23.3 and
 * 23.1 s with it against 22.1 and 24.7 s without, and the card's PNG p50 was
 * the same within noise, while the mixed loop's peak rose from 726 to 893 MB
 * (sheets up to 6 MP; 1,053 MB up to 10 MP). Likely cause: mimalloc returns
 * the freed pages after its purge delay, before the next render comes, so
 * the reuse mostly does not happen; freed memory otherwise stays in the
 * thread's allocator. Kept behind the switch for that experiment
 * (MIMALLOC_PURGE_DELAY); sheets past NEXT_MAX_PIXELS stay on 2.6.2 anyway.
 */
import { createRequire } from 'node:module'

type ResvgModule = typeof import('@resvg/resvg-js')

const require = createRequire(import.meta.url)

/** 6 MP: the 300 dpi desk card (5.6 MP) and smaller; the mixed loop's peak grew with the cut-off. */
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
let loaded: { module: ResvgModule | undefined } | undefined
/** 2.7, when its binary loads here; loaded on first ask, so a service with the switch off never maps it. */
export function nextResvg(): ResvgModule | undefined {
  loaded ??= { module: loadNext() }
  return loaded.module
}
/** Its version, when it loads. */
export const nextVersion = (): string | undefined => (nextResvg() ? versionOf(NEXT_PACKAGE) : undefined)
/**
 * Off unless QOYAR_RESVG=next: measured in the service, it bought nothing
 * (see the header) and held more memory.
 */
const next = process.env.QOYAR_RESVG === 'next' ? nextResvg() : undefined

/** The build for a sheet of this many pixels. */
export function resvgFor(pixels: number): ResvgModule {
  return next && pixels <= NEXT_MAX_PIXELS ? next : stable
}

/** For the bench header and tests: what draws which sheets here. */
export const RESVG_VERSIONS = next ? `${nextVersion()} up to ${NEXT_MAX_PIXELS / 1e6} MP, ${STABLE_VERSION} above (QOYAR_RESVG=next)` : STABLE_VERSION
