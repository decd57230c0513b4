/**
 * The SVG path alone: p50 wall time and CPU time per request of the text cases and the banner,
 * through the in-process app (render cache off), interleaved round robin so that machine load
 * hits every case alike. Optional `--cpu-prof` of node profiles the same loop.
 *   tsx bench/svg-path.ts [n=200] [case,case]
 *   SVG_PROFILE=out.cpuprofile tsx bench/svg-path.ts …   a CPU profile of the timed loop only
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { CASES } from './cases.js'
import { cpuMs, loadAverage, ms, summarize } from './stats.js'

const n = Number(process.argv[2] ?? 200)
const only = process.argv[3]?.split(',')
const { nodeEnv } = await import('../src/node/env.js')
const { createApp } = await import('../src/app.js')
const env = await nodeEnv()
const app = createApp({ ...env, cache: undefined })
const banner = { ...(env.examples['slogan-banner'] as Record<string, string>), preset: 'screen-1920x480' }
const urls: [string, string][] = [
  ...CASES.map((c) => [c.name, c.qoyar.svg!] as [string, string]),
  ['slogan-banner', `/v1/render/slogan-banner.svg?${new URLSearchParams(banner)}`],
]
const picked = urls.filter(([name]) => !only || only.includes(name))
const get = async (url: string) => {
  const res = await app.request(url)
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.arrayBuffer()
}
for (const [, url] of picked) for (let i = 0; i < 20; i++) await get(url)
const wall = new Map<string, number[]>(picked.map(([name]) => [name, []]))
const cpu = new Map<string, number[]>(picked.map(([name]) => [name, []]))
const profileTo = process.env.SVG_PROFILE
const session = profileTo ? new Session() : undefined
if (session) {
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
}
console.log(`load avg before: ${loadAverage()}`)
for (let i = 0; i < n; i++)
  for (const [name, url] of picked) {
    const t0 = performance.now()
    cpu.get(name)!.push(await cpuMs(() => get(url)))
    wall.get(name)!.push(performance.now() - t0)
  }
if (session && profileTo) {
  const { profile } = await session.post('Profiler.stop')
  writeFileSync(profileTo, JSON.stringify(profile))
  session.disconnect()
}
for (const [name] of picked) {
  const w = summarize(wall.get(name)!)
  const c = summarize(cpu.get(name)!)
  console.log(`${name} svg: wall p50 ${ms(w.p50)} ms p95 ${ms(w.p95)}; cpu p50 ${ms(c.p50)} ms (n ${w.n})`)
}
console.log(`load avg after: ${loadAverage()}`)
