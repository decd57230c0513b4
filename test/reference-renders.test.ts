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
import { decodePng, type Raster } from './helpers/image.js'
import { bytesOf, post } from './helpers/http.js'
import { app, env } from './helpers/env.js'
import { referenceCases, type ReferenceCase } from './helpers/reference-cases.js'
import {
  ALLOWED_FRACTION,
  CHANNEL_THRESHOLD,
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
      const diff = expected && !looksSame ? writeDiff(c.name, expected, actual, pixels?.map() ?? null) : null
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
  // Drawn now, as the cases are, so the controls never depend on a stored file being there.
  const CARD = { name_mn: 'ᠪᠠᠲᠤ', name_zh: '巴图', title_mn: 'ᠪᠠᠭᠰᠢ', title_zh: '教师' }
  const draw = async (fields: Record<string, string>) =>
    decodePng(rasterizeSmall(new TextDecoder().decode(await bytesOf(await post('/v1/render/desk-card.svg', fields)))))
  const shifted = (r: Raster, dx: number): Raster => {
    const data = new Uint8Array(r.data.length).fill(255)
    for (let y = 0; y < r.height; y++) data.set(r.data.subarray(y * r.width * 4, (y * r.width + r.width - dx) * 4), (y * r.width + dx) * 4)
    return { ...r, data }
  }

  it('passes the same sign drawn again', async () => {
    expect(comparePixels(await draw(CARD), await draw(CARD)).differing).toBe(0)
  })

  it('fails what a reference must catch: one Chinese or Mongolian character changed, another accent colour, the type 1 px to the right', async () => {
    const base = await draw(CARD)
    const changes: Record<string, string>[] = [{ title_zh: '教帅' }, { title_mn: 'ᠪᠠᠭᠰᠠ' }, { accent: '0b4ea2' }]
    for (const change of changes) {
      const other = await draw({ ...CARD, ...change })
      expect([other.width, other.height]).toEqual([base.width, base.height])
      expect(comparePixels(base, other).fraction, JSON.stringify(change)).toBeGreaterThan(ALLOWED_FRACTION)
    }
    expect(comparePixels(base, shifted(base, 1)).fraction).toBeGreaterThan(ALLOWED_FRACTION)
  })

  it('counts a pixel whose channel moved by more than the threshold, none that moved by the threshold', () => {
    const flat: Raster = { width: 10, height: 10, data: new Uint8Array(400).fill(128) }
    const moved = (by: number, pixels: number) => ({ ...flat, data: flat.data.map((v, i) => (i % 4 === 1 && i < pixels * 4 ? v + by : v)) })
    expect(comparePixels(flat, moved(CHANNEL_THRESHOLD, 100)).differing).toBe(0)
    expect(comparePixels(flat, moved(CHANNEL_THRESHOLD + 1, 3)).differing).toBe(3)
    expect(comparePixels(flat, moved(-(CHANNEL_THRESHOLD + 1), 100)).fraction).toBe(1)
  })
})
