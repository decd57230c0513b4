/**
 * Installs that work on any laptop: the lock carries every platform's native
 * binaries, agrees with package.json, and no installed package's `engines`
 * excludes a Node version the README promises.
 */
import { readFileSync } from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const root = new URL('../', import.meta.url)
const json = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T

interface LockEntry {
  version?: string
  resolved?: string
  engines?: Record<string, string> | string[]
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}
interface Manifest {
  engines: { node: string }
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  optionalDependencies?: Record<string, string>
  bin?: Record<string, string>
}
const pkg = json<Manifest>('package.json')
const lock = json<{ packages: Record<string, LockEntry> }>('package-lock.json')
const entries = Object.entries(lock.packages).filter(([path]) => path !== '')

/** Locked packages whose `engines.node` leaves out part of the promised range: what npm's engine-strict refuses. */
function engineMisfits(locked: [string, LockEntry][], promised: string): string[] {
  return locked.flatMap(([path, e]) => {
    const node = e.engines && !Array.isArray(e.engines) ? e.engines.node : undefined
    if (!node) return []
    return semver.validRange(node) && semver.subset(promised, node) ? [] : [`${path} wants node ${node}`]
  })
}

/** The native packages a laptop or server needs, per platform: their names differ by package. */
const NATIVE: Record<string, Record<string, string>> = {
  '@resvg/resvg-js': {
    'darwin-arm64': '@resvg/resvg-js-darwin-arm64',
    'darwin-x64': '@resvg/resvg-js-darwin-x64',
    'win32-x64': '@resvg/resvg-js-win32-x64-msvc',
    'linux-arm64': '@resvg/resvg-js-linux-arm64-gnu',
    'linux-x64': '@resvg/resvg-js-linux-x64-gnu',
  },
  workerd: {
    'darwin-arm64': '@cloudflare/workerd-darwin-arm64',
    'darwin-x64': '@cloudflare/workerd-darwin-64',
    'win32-x64': '@cloudflare/workerd-windows-64',
    'linux-arm64': '@cloudflare/workerd-linux-arm64',
    'linux-x64': '@cloudflare/workerd-linux-64',
  },
  esbuild: {
    'darwin-arm64': '@esbuild/darwin-arm64',
    'darwin-x64': '@esbuild/darwin-x64',
    'win32-x64': '@esbuild/win32-x64',
    'linux-arm64': '@esbuild/linux-arm64',
    'linux-x64': '@esbuild/linux-x64',
  },
}

/** Lock paths of a package: hoisted (node_modules/x) or nested (…/node_modules/x). */
const inLock = (name: string) => entries.filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))

describe('package-lock.json', () => {
  for (const [parent, platforms] of Object.entries(NATIVE))
    for (const [platform, name] of Object.entries(platforms))
      it(`carries ${parent}'s ${platform} binary (${name}) at the version ${parent} asks for`, () => {
        const parents = inLock(parent)
        expect(parents.length).toBeGreaterThan(0)
        for (const [, entry] of parents) {
          const wanted = entry.optionalDependencies?.[name]
          expect(wanted, `${parent} ${entry.version} lists no ${name}`).toBeDefined()
          // A platform package missing from the registry is silently left out of the lock: check it is there, at that version.
          expect(inLock(name).map(([, e]) => e.version)).toContain(wanted)
        }
      })

  it('records every package with its tarball and integrity, whatever the machine’s own npm config', () => {
    const bare = entries.filter(([path, e]) => !path.startsWith('node_modules/') || (!('link' in e) && (!e.resolved || !('integrity' in e))))
    expect(bare.map(([p]) => p)).toEqual([])
  })

  it('agrees with package.json: same dependencies, same versions, same bin', () => {
    const top = lock.packages['']!
    // npm sometimes lists optional dependencies among the lock's dependencies too.
    expect({ ...top.dependencies, ...top.optionalDependencies }).toEqual({ ...pkg.dependencies, ...pkg.optionalDependencies })
    expect(top.optionalDependencies).toEqual(pkg.optionalDependencies)
    expect(top.devDependencies).toEqual(pkg.devDependencies)
    expect((top as { bin?: unknown }).bin).toEqual(pkg.bin)
    for (const [name, spec] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies })) {
      // An alias (`npm:@resvg/resvg-js@2.7.0-alpha.2`) pins the version after its last @.
      const version = spec.startsWith('npm:') ? spec.slice(spec.lastIndexOf('@') + 1) : spec
      expect(semver.valid(version), `${name} is pinned exactly`).toBe(version)
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version)
    }
  })
})

describe('engines', () => {
  const promised = pkg.engines.node

  it('the README promises the Node versions package.json declares', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    expect(readme).toContain(`\`"node": "${promised}"\``)
  })

  it(`no package in the lock excludes a Node version in ${promised} (no EBADENGINE)`, () => {
    expect(engineMisfits(entries, promised)).toEqual([])
  })

  it('the same filter catches a misfit: the lock with commander 15 (node >=22.12) in it, as the lock this one replaced', () => {
    const commander15: [string, LockEntry] = ['node_modules/commander', { version: '15.0.0', engines: { node: '>=22.12.0' } }]
    expect(engineMisfits([...entries, commander15], promised)).toEqual(['node_modules/commander wants node >=22.12.0'])
    // A range it cannot read is a misfit too, not a pass; an old-style engines list or none at all is no claim.
    expect(engineMisfits([['node_modules/x', { engines: { node: 'twenty' } }]], promised)).toEqual(['node_modules/x wants node twenty'])
    expect(
      engineMisfits(
        [
          ['node_modules/y', { engines: ['node >= 0.8'] }],
          ['node_modules/z', {}],
        ],
        promised,
      ),
    ).toEqual([])
  })
})
