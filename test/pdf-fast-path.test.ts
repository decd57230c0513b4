/**
 * Satori's SVG reaches the PDF through our fast path (several times faster);
 * svg-to-pdfkit is the fallback for what the fast path does not read. Which
 * one drew a page is observed by wrapping svg-to-pdfkit, not by timing.
 */
import { describe, expect, it, vi } from 'vitest'
import { app, env } from './helpers/env.js'
import { bytesOf } from './helpers/http.js'
import { referenceCases } from './helpers/reference-cases.js'

const fallback = vi.hoisted(() => ({ calls: 0 }))

vi.mock('svg-to-pdfkit', async (importOriginal) => {
  // The module is CommonJS: its default export is the drawing function.
  const real = (await importOriginal<{ default: (...args: unknown[]) => unknown }>()).default
  return {
    default: (...args: unknown[]) => {
      fallback.calls++
      return real(...args)
    },
  }
})

/** Templates whose design the fast path cannot read (none since the fast path draws box-shadow filters); a template listed here must fall back. */
const FALLBACK = new Set<string>([])

describe('PDF: the fast path draws every template example and variant', () => {
  for (const c of referenceCases(env).filter((x) => x.template)) {
    const expectFallback = FALLBACK.has(c.template!)
    it(`${c.name}: ${expectFallback ? 'falls back to svg-to-pdfkit (listed)' : 'fast path, svg-to-pdfkit never called'}`, async () => {
      fallback.calls = 0
      const res = await app.request(c.request.path.replace(/\.svg$/, '.pdf'), c.request.init)
      const bytes = await bytesOf(res)
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
      if (expectFallback) expect(fallback.calls, 'listed as a fallback: if the fast path now reads it, take it off the list').toBeGreaterThan(0)
      else expect(fallback.calls).toBe(0)
    })
  }

  it('imposed sheets take the fast path too', async () => {
    fallback.calls = 0
    const res = await app.request(
      '/v1/render/desk-card.pdf?name_mn=%E1%A0%AA%E1%A0%A0%E1%A0%B2%E1%A0%A4&name_zh=%E5%B7%B4%E5%9B%BE&preset=face-100x50&sheet=a4',
    )
    expect(res.status).toBe(200)
    await res.arrayBuffer()
    expect(fallback.calls).toBe(0)
  })
})
