/**
 * npm run gallery: every template's example (and a few variants), and every
 * template for every other region, rendered to gallery/ as SVG, PNG and PDF, for people to look at. Not a test; the same cases
 * are the reference renders of test/reference-renders.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createApp } from '../src/app.js'
import { nodeEnv } from '../src/node/env.js'
import { variantsOf } from './variants.js'

const env = await nodeEnv()
const app = createApp(env)
const out = new URL('../gallery/', import.meta.url)
mkdirSync(out, { recursive: true })

const variants = variantsOf(env.examples)

// Every template's example and variants, then every template for every other region (its pack example).
const cases: { name: string; id: string; fields: Record<string, unknown> }[] = []
for (const t of env.templates)
  for (const [i, fields] of [env.examples[t.id] ?? {}, ...(variants[t.id] ?? [])].entries())
    cases.push({ name: i === 0 ? `${t.id}.example` : `${t.id}.${i}`, id: t.id, fields })
for (const [region, examples] of Object.entries(env.packExamples))
  for (const [id, fields] of Object.entries(examples)) cases.push({ name: `${region}.${id}`, id, fields: { ...fields, region } })

for (const { name, id, fields } of cases) {
  const t = { id }
  {
    for (const format of ['svg', 'png', 'pdf'] as const) {
      const res = await app.request(`/v1/render/${t.id}.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fields),
      })
      if (res.status !== 200) {
        console.error(`${name}.${format}: ${res.status} ${await res.text()}`)
        continue
      }
      writeFileSync(new URL(`${name}.${format}`, out), new Uint8Array(await res.arrayBuffer()))
      console.log(`gallery/${name}.${format}  ${res.headers.get('x-qoyar-size')} @ ${res.headers.get('x-qoyar-dpi')} dpi`)
    }
  }
}
