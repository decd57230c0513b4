/**
 * The Mongolian text checker's cost per 1,000 characters: it runs on every
 * render's Mongolian fields, so it must stay well under 1 ms. Run alone with
 * `npx tsx bench/mongolian-check.ts`, or as a section of `npm run bench`.
 */
import { checkMongolian } from '../src/text/mongolian/check.js'
import { loadAverage, summarize } from './stats.js'

/** Correct sign text, text with findings, and Menksoft (converted in the suggestion). */
const SAMPLES: Record<string, string> = {
  correct: 'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ\u180Eᠦᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠡᠮᠨᠡᠯᠭ\u180Eᠡ᠂ ᠨᠣᠮ\u202Fᠤᠨ ᠬᠦᠮᠦᠨ᠃ ',
  findings: 'ᠨᠣᠮ ᠤᠨ ᠦᠪᠣᠷ ᠵᠠᠰᠬᠠᠥ ᠮᠣᠩᠭoᠯ  ᠬᠡᠯᠡ ᠮ\u180B ',
  menksoft: '\uE2C1\uE27F\uE317\uE27E\uE2E8 \uE2B1\uE28A\uE2F3\uE263\uE28C\uE2B5 ',
}

export function mongolianCheckBench(): void {
  console.log('\n== Mongolian text checker ==')
  console.log(`load avg ${loadAverage()}`)
  for (const [name, sample] of Object.entries(SAMPLES)) {
    const text = sample.repeat(Math.ceil(1000 / sample.length)).slice(0, 1000)
    for (let i = 0; i < 200; i++) checkMongolian(text) // warm-up
    const samples: number[] = []
    for (let i = 0; i < 2000; i++) {
      const t = performance.now()
      checkMongolian(text)
      samples.push(performance.now() - t)
    }
    const s = summarize(samples)
    console.log(
      `${name.padEnd(9)} 1,000 chars: p50 ${(s.p50 * 1000).toFixed(0)} µs, p95 ${(s.p95 * 1000).toFixed(0)} µs (n ${s.n}, ${checkMongolian(text).findings.length} findings)`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) mongolianCheckBench()
