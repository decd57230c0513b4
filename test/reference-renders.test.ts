/**
 * Reference renders: every template example and variant, the /v1/text cases
 * and typesetting cases, against the small PNGs and SVG hashes stored in
 * test/reference/. A render may only change together with its ETag (build
 * version: package, RENDER_VERSION, fonts; the template's version), and then
 * `UPDATE_REFS=1 npm test` rewrites the references for review in git.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { RENDER_VERSION } from '../src/version.js'
import { decodePng } from './helpers/image.js'
import { app, env } from './helpers/env.js'
import { referenceCases, type ReferenceCase } from './helpers/reference-cases.js'
import {
  ALLOWED_FRACTION,
  comparePixels,
  rasterizeSmall,
  readManifest,
  readReference,
  REFERENCE_DIR,
  referencePng,
  sha256,
  UPDATE_COMMAND,
  updating,
  writeDiff,
  writeManifest,
  type Manifest,
  type ReferenceEntry,
} from './helpers/reference.js'

const cases = referenceCases(env)
const stored = readManifest()
const rewritten: Manifest = {}
/** Cases whose PNG an update rewrote, with their diff image: what to review. */
const changed: string[] = []

function bumpAdvice(c: ReferenceCase, entry: ReferenceEntry): string {
  const template = c.template ? ` (or, if only ${c.template} changed, its version ${entry.templateVersion} in templates/${c.template}/template.ts)` : ''
  return `Bump RENDER_VERSION in src/version.ts from ${RENDER_VERSION} to ${RENDER_VERSION + 1}${template}, then run \`${UPDATE_COMMAND}\` and review the changed PNGs in git.`
}

function staleEtag(c: ReferenceCase, entry: ReferenceEntry, what: string, diff: string | null): string {
  return (
    `${c.name}: ${what} while its ETag ${entry.etag} (build ${entry.build}${c.template ? `, ${c.template}@${entry.templateVersion}` : ''}) did not change, ` +
    `so caches would keep serving the old image for a day and a week of stale-while-revalidate. ${bumpAdvice(c, entry)}` +
    (diff ? ` Expected | actual | difference: ${diff}` : '')
  )
}

async function render(c: ReferenceCase): Promise<{ svg: string; entry: ReferenceEntry }> {
  const res = await app.request(c.request.path, c.request.init)
  const svg = await res.text()
  expect(res.status, svg.slice(0, 300)).toBe(200)
  const etag = res.headers.get('etag')
  expect(etag, 'every render carries an ETag').toMatch(/^"[0-9a-f]+"$/)
  const template = c.template ? env.templates.find((t) => t.id === c.template) : undefined
  const sizes = /^<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg)
  return {
    svg,
    entry: {
      svg: sha256(svg),
      etag: etag!,
      build: env.version,
      ...(template ? { templateVersion: template.version } : {}),
      width: Number(sizes?.[1]),
      height: Number(sizes?.[2]),
    },
  }
}

describe(`reference renders (test/reference/; ${UPDATE_COMMAND} rewrites them)`, () => {
  afterAll(() => {
    if (!updating) return
    const names = new Set(cases.map((c) => c.name))
    // Keep the entries of cases this run skipped (a filtered run); drop those of cases that are gone.
    const merged: Manifest = Object.fromEntries(Object.entries(stored).filter(([name]) => names.has(name)))
    writeManifest({ ...merged, ...rewritten })
    for (const file of readdirSync(REFERENCE_DIR)) if (file.endsWith('.png') && !names.has(file.slice(0, -4))) rmSync(new URL(file, REFERENCE_DIR))
    console.log(changed.length ? `Rewrote ${changed.length} reference PNGs:\n  ${changed.join('\n  ')}` : 'No reference PNG changed.')
  })

  for (const c of cases)
    it(c.name, async () => {
      const { svg, entry } = await render(c)
      const before = stored[c.name]
      const png = rasterizeSmall(svg)
      const actual = decodePng(png)
      const expected = readReference(c.name)
      const sameSize = expected !== null && expected.width === actual.width && expected.height === actual.height
      const pixels = sameSize ? comparePixels(expected, actual) : null
      const looksSame = pixels !== null && pixels.fraction <= ALLOWED_FRACTION
      const diff = expected && !looksSame ? writeDiff(c.name, expected, actual, pixels?.map ?? null) : null
      const what = !looksSame
        ? pixels
          ? `${pixels.differing} pixels (${(pixels.fraction * 100).toFixed(2)} %, over ${(ALLOWED_FRACTION * 100).toFixed(1)} % allowed) differ from its reference`
          : `its reference is ${expected?.width}×${expected?.height} px, the render ${actual.width}×${actual.height} px`
        : 'its SVG changed'
      const sameEtag = before?.etag === entry.etag

      if (updating) {
        if (before && expected && sameEtag && (!looksSame || before.svg !== entry.svg)) throw new Error(staleEtag(c, entry, what, diff))
        if (!expected || !looksSame || before?.svg !== entry.svg) {
          writeFileSync(referencePng(c.name), png)
          changed.push(diff ? `${c.name} (${diff})` : c.name)
        }
        rewritten[c.name] = entry
        return
      }

      if (!before || !expected) throw new Error(`${c.name}: no reference yet. Run \`${UPDATE_COMMAND}\` to make it, and commit test/reference/.`)
      if (!sameEtag)
        throw new Error(
          `${c.name}: the reference was made under ETag ${before.etag} (build ${before.build}${c.template ? `, ${c.template}@${before.templateVersion}` : ''}); ` +
            `this build gives ${entry.etag} (build ${entry.build}${c.template ? `, ${c.template}@${entry.templateVersion}` : ''}). ` +
            `Run \`${UPDATE_COMMAND}\` to rewrite the references and review the changed PNGs in git.` +
            (diff ? ` Expected | actual | difference: ${diff}` : ''),
        )
      if (!looksSame) throw new Error(staleEtag(c, entry, what, diff))
      if (before.svg !== entry.svg) throw new Error(staleEtag(c, entry, 'its SVG changed (the pixels are within tolerance)', null))
      expect(entry.width).toBe(before.width)
      expect(entry.height).toBe(before.height)
    })

  it.skipIf(updating)('stores nothing beyond the cases (no orphaned references)', () => {
    const names = new Set(cases.map((c) => c.name))
    const orphans = [
      ...Object.keys(stored),
      ...readdirSync(REFERENCE_DIR)
        .filter((f) => f.endsWith('.png'))
        .map((f) => f.slice(0, -4)),
    ].filter((n) => !names.has(n))
    expect(orphans, `references without a case: run \`${UPDATE_COMMAND}\` to remove them`).toEqual([])
  })
})

describe('the pixel comparison (negative controls)', () => {
  const base = readReference('desk-card.example')
  const shifted = (r: NonNullable<typeof base>, dx: number) => {
    const data = new Uint8Array(r.data.length).fill(255)
    for (let y = 0; y < r.height; y++) data.set(r.data.subarray(y * r.width * 4, (y * r.width + r.width - dx) * 4), (y * r.width + dx) * 4)
    return { ...r, data }
  }

  it.skipIf(!base)('passes the same image and anti-aliasing noise, fails a 2 px shift of the type', () => {
    const r = base!
    expect(comparePixels(r, r).differing).toBe(0)
    const noisy = { ...r, data: r.data.map((v, i) => (i % 4 === 3 ? v : Math.max(0, Math.min(255, v + (i % 7) * 5 - 15)))) }
    expect(comparePixels(r, noisy).differing).toBe(0)
    expect(comparePixels(r, shifted(r, 2)).fraction).toBeGreaterThan(ALLOWED_FRACTION * 5)
  })
})
