/**
 * The studio counts a batch's signs as its bytes arrive (src/studio/client/
 * arrivals.ts): fed the batch API's own ZIP and PDF in chunks of every size,
 * down to one byte, it finds exactly the files and pages they hold.
 */
import { execFileSync } from 'node:child_process'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { pdfPages, zipEntries } from '../src/studio/client/arrivals.js'
import { app } from './helpers/env.js'
import { skipWithout } from './helpers/tools.js'

const CSV = `name_mn,name_zh\nᠪᠠᠲᠤ,巴图\n,缺蒙文\nᠪᠠᠲᠤ,其其格\nᠪᠠᠲᠤ,乌云\n`
const batch = async (path: string) => {
  const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: CSV })
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

/** The bytes cut into pieces of `size` (0: ragged pieces of 1 to 5,000 bytes). */
function* pieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  let seed = 7
  for (let i = 0; i < bytes.length;) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const n = size || 1 + (seed % 5000)
    yield bytes.slice(i, i + n)
    i += n
  }
}

describe('counting a streamed batch', () => {
  it('a ZIP of PNG (stored) or SVG (deflated): each file once its descriptor is in, then the end', async () => {
    for (const format of ['png', 'svg']) {
      const zip = await batch(`/v1/batch/desk-card.zip?format=${format}&preset=face-100x50&dpi=72`)
      const expected = Object.keys(unzipSync(zip))
      expect(expected).toHaveLength(4) // three signs and report.json
      for (const size of [1, 7, 64 * 1024, 0]) {
        const counter = zipEntries()
        const names: string[] = []
        for (const chunk of pieces(zip, size)) names.push(...counter.feed(chunk))
        expect(names, `${format} in pieces of ${size}`).toEqual(expected)
        expect(counter.done).toBe(true)
      }
    }
  })

  it('a file counts only when its last byte has arrived', async () => {
    const zip = await batch('/v1/batch/desk-card.zip?format=svg&preset=face-100x50')
    const counter = zipEntries()
    // Everything but the last byte of the first file's descriptor: nothing yet.
    const end = zip.findIndex((_b, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x07 && zip[i + 3] === 0x08) + 16
    expect(counter.feed(zip.slice(0, end - 1))).toEqual([])
    expect(counter.feed(zip.slice(end - 1, end))).toHaveLength(1)
  })

  it.skipIf(skipWithout('poppler'))('a PDF: every page object, and not the page tree', async () => {
    for (const sheet of ['', '&sheet=a4']) {
      const pdf = await batch(`/v1/batch/desk-card.pdf?preset=face-100x50${sheet}`)
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))![1])
      expect(pages).toBe(sheet ? 2 : 4) // three signs (imposed: on one A4 sheet) and the report page
      for (const size of [1, 10, 64 * 1024, 0]) {
        const counter = pdfPages()
        let n = 0
        for (const chunk of pieces(pdf, size)) n += counter.feed(chunk)
        expect(n, `pieces of ${size}${sheet}`).toBe(pages)
      }
    }
  })
})
