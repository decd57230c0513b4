/** Issue 20 (1–3): pictures are decoded once, refused with a 422 naming the field when broken, capped and downscaled. */
import { pngChunk as chunk } from '../scripts/service/png-chunk.js'
import { createHook } from 'node:async_hooks'
import { readFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { IMAGE_LIMITS, inspectImage } from '../src/render/images.js'
import { app } from './helpers/env.js'
import { errorOf, post } from './helpers/http.js'

const BOARD = JSON.parse(readFileSync(new URL('../templates/display-board/example.json', import.meta.url), 'utf8')) as Record<string, unknown>

/** A PNG whose header says width×height, 8-bit RGBA, with the given IDAT payload. */
function pngWith(width: number, height: number, idat: Uint8Array): string {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ])
  return `data:image/png;base64,${file.toString('base64')}`
}

function realPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([((i / 4) % width) & 255, 120, 200, 255], i)
  return PNG.sync.write(png)
}

/** Runs `run`, then waits until the async zlib work it started has called back (async_hooks sees each as a ZLIB resource). */
async function withZlibSettled<T>(run: () => T | Promise<T>): Promise<T> {
  const open = new Set<number>()
  let settled = () => {}
  const done = (id: number) => {
    if (open.delete(id) && open.size === 0) settled()
  }
  const hook = createHook({ init: (id, type) => void (type === 'ZLIB' && open.add(id)), after: done, destroy: done }).enable()
  try {
    const out = await run()
    if (open.size) await new Promise<void>((resolve) => (settled = resolve))
    return out
  } finally {
    hook.disable()
  }
}

describe('pictures are validated before PDFKit, satori or resvg see them', () => {
  it('answers a display-board PDF whose PNG IDAT is not zlib with a 422 naming images.0.src, and the process stays up', async () => {
    // The defect killed the process from an async zlib callback: wait until every one the request started has run.
    const res = await withZlibSettled(() =>
      post('/v1/render/display-board.pdf', { ...BOARD, images: [{ src: pngWith(100, 100, new TextEncoder().encode('not zlib')) }] }),
    )
    expect(res.status).toBe(422)
    const err = await errorOf(res)
    expect(err.details!.issues![0]!.path).toBe('images.0.src')
    expect(err.details!.issues![0]!.message).toMatch(/PNG data is broken/)
    expect((await app.request('/healthz')).status).toBe(200)
  })

  it('refuses a real PNG with 100 flipped bytes in its pixel data', async () => {
    const bytes = realPng(200, 200)
    for (let i = 60; i < 160; i++) bytes[i] = bytes[i]! ^ 0xff
    const res = await post('/v1/render/display-board.pdf', { ...BOARD, images: [{ src: `data:image/png;base64,${bytes.toString('base64')}` }] })
    expect(res.status).toBe(422)
    expect((await errorOf(res)).details!.issues![0]!.path).toBe('images.0.src')
  })

  it('refuses a header-only JPEG (was a 500 from satori)', async () => {
    const res = await post('/v1/render/display-board.png', {
      ...BOARD,
      preset: 'screen-1920x1080',
      images: [{ src: 'data:image/jpeg;base64,/9j/wAARCB9AH0ADASIAAhEBAxEB/9k=' }],
    })
    expect(res.status).toBe(422)
    expect((await errorOf(res)).details!.issues![0]!.path).toBe('images.0.src')
    const tiny = readFileSync(new URL('./fixtures/tiny.jpg', import.meta.url))
    const headerOnly = `data:image/jpeg;base64,${tiny.subarray(0, 400).toString('base64')}`
    expect(() => inspectImage(headerOnly, 'images.0.src')).toThrow(/JPEG data is broken/)
  })

  it('refuses a PNG claiming 8000×8000 with a 69-byte IDAT without decoding it', () => {
    expect(() => inspectImage(pngWith(8000, 8000, new Uint8Array(69)), 'images.0.src')).toThrow(/MP/)
  })

  it('refuses a truncated PNG rather than dropping it from the PDF', async () => {
    const bytes = realPng(300, 300)
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6))
    const res = await post('/v1/render/display-board.pdf', { ...BOARD, images: [{ src: `data:image/png;base64,${cut.toString('base64')}` }] })
    expect(res.status).toBe(422)
  })

  it('downscales a picture larger than any sign needs, keeping its aspect and its colour', () => {
    const info = inspectImage(`data:image/png;base64,${realPng(4800, 1200).toString('base64')}`, 'images.0.src')
    expect([info.width, info.height]).toEqual([IMAGE_LIMITS.keepSide, IMAGE_LIMITS.keepSide / 4])
    expect(info.original).toEqual({ width: 4800, height: 1200 })
    const back = PNG.sync.read(Buffer.from(info.src.split(',')[1]!, 'base64'))
    expect([back.width, back.height]).toEqual([2400, 600])
    expect([back.data[1], back.data[2], back.data[3]]).toEqual([120, 200, 255])
  })

  it('keeps a small JPEG as sent', () => {
    const small = 'data:image/jpeg;base64,' + readFileSync(new URL('./fixtures/tiny.jpg', import.meta.url)).toString('base64')
    const info = inspectImage(small, 'f')
    expect(info.src).toBe(small)
  })
})
