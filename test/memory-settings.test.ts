/**
 * What returns memory after load (README, Deployment): the render threads'
 * collection once idle, and the allocator settings `npm start` runs with.
 * The RSS they buy is measured by `npm run load`, not here.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SERVICE_MALLOC_ENV, SERVICE_NODE_OPTIONS } from '../scripts/service/memory-env.js'
import { IDLE_COLLECT_MS, idleCollector } from '../src/node/idle-collect.js'

describe('a render thread collects once idle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('collects once, IDLE_COLLECT_MS after the last job, and never while jobs keep coming', () => {
    const collect = vi.fn()
    const idle = idleCollector(collect)
    for (let i = 0; i < 5; i++) {
      idle.busy()
      vi.advanceTimersByTime(IDLE_COLLECT_MS / 2)
      idle.done()
      vi.advanceTimersByTime(IDLE_COLLECT_MS / 2)
    }
    expect(collect).not.toHaveBeenCalled()
    vi.advanceTimersByTime(IDLE_COLLECT_MS / 2)
    expect(collect).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(IDLE_COLLECT_MS * 10)
    expect(collect).toHaveBeenCalledTimes(1)
  })

  it('a job that starts before the idle time is up holds the collection until it ends', () => {
    const collect = vi.fn()
    const idle = idleCollector(collect, 100)
    idle.done()
    vi.advanceTimersByTime(50)
    idle.busy()
    vi.advanceTimersByTime(1000)
    expect(collect).not.toHaveBeenCalled()
    idle.done()
    vi.advanceTimersByTime(100)
    expect(collect).toHaveBeenCalledTimes(1)
  })

  it('the default collection is a real one: V8 gc exposed in this thread', async () => {
    vi.useRealTimers()
    const { default: v8 } = await import('node:v8')
    // A collector made with the default really collects: a large dead array is gone from the heap after it runs.
    let junk: number[][] | null = Array.from({ length: 2000 }, () => Array.from({ length: 500 }, (_, i) => i))
    const before = v8.getHeapStatistics().used_heap_size
    junk = null
    const idle = idleCollector(undefined, 1)
    idle.done()
    await new Promise((r) => setTimeout(r, 20))
    expect(junk).toBeNull()
    expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(before - 4_000_000)
  })
})

describe('npm start', () => {
  it('runs with the memory settings the scripts and the bench start the server with', () => {
    const start = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start
    const env = Object.entries(SERVICE_MALLOC_ENV).map(([k, v]) => `${k}=${v}`)
    expect(start).toBe(`${env.join(' ')} NODE_OPTIONS=${SERVICE_NODE_OPTIONS} tsx src/node/server.ts`)
  })
})
