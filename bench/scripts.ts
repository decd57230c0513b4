/**
 * One /v1/text case per script (Korean both ways, Uyghur with Chinese and
 * digits, Kazakh, Tibetan), qoyar PNG against headless Chromium's screenshot of
 * the same text in the same font files with `lang` and `dir`. Prints p50/p95
 * and the Chromium ratio; asserts nothing. BENCH_SCRIPTS_N (default 50).
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH, chromiumInstalled } from './chromium.js'
import { CHROMIUM_ARGS } from '../test/helpers/tools.js'
import { ms, summarize, timeLoop } from './stats.js'

const N = Number(process.env.BENCH_SCRIPTS_N ?? 50)

interface ScriptCase {
  name: string
  text: string
  lang: string
  dir: 'ltr' | 'rtl'
  vertical?: boolean
}

const CASES: ScriptCase[] = [
  { name: 'ko-horizontal', text: '연변조선족자치주 인민정부', lang: 'ko', dir: 'ltr' },
  { name: 'ko-vertical', text: '연변 조선족 자치주', lang: 'ko', dir: 'ltr', vertical: true },
  { name: 'ug-han-digits', text: 'شىنجاڭ 新疆 ئۇنىۋېرسىتېتى 2026', lang: 'ug', dir: 'rtl' },
  { name: 'kk-words', text: 'قازاق تىلى', lang: 'kk', dir: 'rtl' },
  { name: 'bo-horizontal', text: 'བོད་ཡིག་ སྒྲིག་འཛུགས།', lang: 'bo', dir: 'ltr' },
]

function fontCss(): string {
  const manifest = JSON.parse(readFileSync(new URL('../fonts/manifest.json', import.meta.url), 'utf8')) as {
    fonts: { role: string; weight: number; file: string; format: string }[]
  }
  return ['hangul:K', 'arabic:N', 'tibetan:T', 'latin:L', 'han-sans:S']
    .map((pair) => {
      const [role, alias] = pair.split(':') as [string, string]
      const f = manifest.fonts.find((x) => x.role === role && x.weight === 400)!
      const data = readFileSync(new URL(`../fonts/${f.file}`, import.meta.url)).toString('base64')
      return `@font-face{font-family:${alias};src:url(data:font/${f.format === 'truetype' ? 'ttf' : 'otf'};base64,${data})}`
    })
    .join('')
}

export async function scriptsBench(): Promise<void> {
  console.log(`\n== scripts: /v1/text PNG per script vs Chromium (n=${N}, load avg ${os.loadavg()[0]!.toFixed(2)}) ==`)
  const { nodeEnv } = await import('../src/node/env.js')
  const { createApp } = await import('../src/app.js')
  const app = createApp(await nodeEnv())
  const browser = chromiumInstalled() ? await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) : null
  const page = browser ? await browser.newPage({ deviceScaleFactor: 1 }) : null
  const css = fontCss()
  console.log('case'.padEnd(16), 'qoyar p50', 'p95'.padStart(7), 'chromium p50', 'p95'.padStart(7), ' ratio (chromium/qoyar p50)')
  let i = 0
  for (const c of CASES) {
    // A new query each run (size differs by a hair) so the render cache never answers.
    const qoyar = summarize(
      await timeLoop(
        async () => {
          const size = 64 + (i++ % 1000) / 1000
          const params = new URLSearchParams({ text: c.text, lang: c.lang, size: String(size), orientation: c.vertical ? 'vertical' : 'horizontal' })
          const res = await app.request(`/v1/text.png?${params}`)
          await res.arrayBuffer()
        },
        { warmup: 5, n: N },
      ),
    )
    let theirs = { p50: NaN, p95: NaN }
    if (page) {
      const mode = c.vertical ? 'writing-mode:vertical-rl;' : ''
      await page.setContent(
        `<style>${css} body{margin:0;background:#fff} #t{display:inline-block;white-space:nowrap;${mode}font:64px K,N,T,L,S;padding:16px}</style><div id="t" lang="${c.lang}" dir="${c.dir}"></div>`,
      )
      theirs = summarize(
        await timeLoop(
          async () => {
            await page.evaluate(
              (t) => {
                document.getElementById('t')!.textContent = t
                return document.fonts.ready.then(() => undefined)
              },
              c.text + (i++ % 2 ? '' : ' '),
            )
            await page.locator('#t').screenshot()
          },
          { warmup: 3, n: N },
        ),
      )
    }
    console.log(
      c.name.padEnd(16),
      ms(qoyar.p50).padStart(9),
      ms(qoyar.p95).padStart(7),
      ms(theirs.p50).padStart(12),
      ms(theirs.p95).padStart(7),
      `  ${(theirs.p50 / qoyar.p50).toFixed(2)}x`,
    )
  }
  await browser?.close()
}

if (import.meta.url === `file://${process.argv[1]}`) await scriptsBench()
