/**
 * The qoyar command line (commander):
 *   qoyar render <template> --field k=v … -o out.png|svg|pdf
 *   qoyar render --design saved.json -o out.pdf
 *   qoyar batch <template> <rows.csv|.jsonl|.xlsx> -o cards.pdf|cards.zip
 * Exit codes: 0 all rendered, 1 some rows failed (or a --strict rule failed), 2 bad usage or input.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { batchPrintFields } from '../render/template-render.js'
import { Command, InvalidArgumentError } from 'commander'
import { createApp } from '../app.js'
import { designFile, type DesignFile } from '../design-file.js'
import { QoyarError } from '../errors.js'
import { OfficeDataError } from '../office/errors.js'
import { parseMap } from '../bulk/rows.js'
import { defaultThreads, runBatch } from '../node/batch.js'
import { nodeEnv } from '../node/env.js'
import { useDataDir } from '../node/office-option.js'
import { progress } from './progress.js'

const collect = (value: string, previous: string[]) => [...previous, value]

function fieldPairs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of pairs) {
    const at = p.indexOf('=')
    if (at < 1) throw new InvalidArgumentError(`--field takes name=value, not "${p}"`)
    out[p.slice(0, at)] = p.slice(at + 1)
  }
  return out
}

/** A saved design file, checked against the one schema the studio and the API use. */
async function readDesign(file: string): Promise<DesignFile> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (e) {
    throw new InvalidArgumentError(`--design ${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
  const parsed = designFile.safeParse(json)
  if (!parsed.success)
    throw new InvalidArgumentError(`--design ${file} is not a saved design: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

const positiveInt = (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0')
  return n
}

const program = new Command()
program
  .name('qoyar')
  .description('Bilingual signage: Traditional Mongolian + Chinese to SVG, PNG and PDF')
  .option('--data <dir>', "the office's data directory (slogans, rule packs, brand); same as QOYAR_DATA")
  .hook('preAction', () => useDataDir(program.opts<{ data?: string }>().data))
  .showHelpAfterError()

program
  .command('render')
  .description('render one sign, from fields or from a design saved by the studio')
  .argument('[template]', 'template id (see GET /v1/templates); with --design, the design names it')
  .option('-f, --field <name=value>', 'a template field; repeat for more (over a --design’s)', collect, [])
  .option('--design <file.json>', 'a saved design (the studio’s “Export design”)')
  .requiredOption('-o, --output <file>', 'output file: .svg, .png or .pdf')
  .action(async (templateArg: string | undefined, o: { field: string[]; output: string; design?: string }) => {
    const format = extname(o.output).slice(1).toLowerCase()
    const design = o.design ? await readDesign(o.design) : undefined
    const template = templateArg ?? design?.template
    if (!template) throw new InvalidArgumentError('name a template, or give --design')
    const app = createApp(await nodeEnv())
    // A design goes as the API takes it (the route checks that it names this template), --field pairs over its input.
    const fields = fieldPairs(o.field)
    const body = design ? { ...design, input: { ...design.input, ...fields } } : fields
    const res = await app.request(`/v1/render/${encodeURIComponent(template)}.${format}?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (res.status !== 200) {
      const body = (await res.json()) as { error: { code: string; message: string } }
      console.error(`qoyar: ${body.error.message} (${body.error.code})`)
      process.exitCode = res.status >= 500 ? 1 : 2
      return
    }
    await writeFile(o.output, new Uint8Array(await res.arrayBuffer()))
    const compliance = res.headers.get('x-qoyar-compliance')
    console.error(`wrote ${o.output} (${res.headers.get('x-qoyar-size')} px; compliance: ${compliance})`)
    if (compliance?.startsWith('fail')) process.exitCode = 1
  })

program
  .command('batch')
  .description('render one sign per row of a CSV, JSON-lines or .xlsx file, into one PDF or a ZIP')
  .argument('<template>', 'template id')
  .argument('<file>', 'rows: .csv (UTF-8, with or without BOM), .jsonl or .xlsx; the header row names the fields')
  .requiredOption('-o, --output <file>', 'cards.pdf (one PDF, input order) or cards.zip (one file per row)')
  .option('--format <png|svg|pdf>', 'file type inside a ZIP', 'png')
  .option('--map <column=field>', 'map a column to a field; repeat or comma-separate', collect, [])
  .option('--name <pattern>', 'ZIP file names from columns, e.g. "{name_zh}"')
  .option('-f, --field <name=value>', 'a field for every row (a row’s own value wins), e.g. preset=face-100x50', collect, [])
  .option('--sheet <a4|a3>', 'gang several signs on A4/A3 sheets (PDF): shared cuts, marks only outside the grid')
  .option('--per-sheet <n>', 'at most n signs a sheet (default: as many as fit)')
  .option('--bleed <mm>', 'bleed around each sign, mm (0–10)')
  .option('--marks', 'crop marks')
  .option('--strict', 'a row that breaks a regional rule, or whose Mongolian has text errors, fails')
  .option('--normalize', 'render Mongolian with the certain fixes (legacy Menksoft codes, a space before a suffix); the report says what changed')
  .option('--region <id>', 'rule pack (default inner-mongolia)')
  .option('--threads <n>', `worker threads (default ${defaultThreads()}; 0 = main thread)`, positiveInt)
  .option('--report <file>', 'write per-row results (with compliance) as JSON')
  .option('-q, --quiet', 'no progress output')
  .action(async (template: string, file: string, o: Record<string, unknown>) => {
    const defaults = fieldPairs(o.field as string[])
    if (o.strict) defaults.strict = 'true'
    if (o.normalize) defaults.normalize = 'true'
    if (o.region) defaults.region = String(o.region)
    // The batch API's print options, parsed by the same schema: a bad value is refused, never clamped.
    const printed = batchPrintFields.safeParse({ bleed: o.bleed, marks: o.marks, sheet: o.sheet, perSheet: o.perSheet })
    if (!printed.success) {
      const issue = printed.error.issues[0]!
      throw new InvalidArgumentError(`--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`)
    }
    const print = printed.data
    const format = String(o.format)
    if (!['png', 'svg', 'pdf'].includes(format)) throw new InvalidArgumentError('--format takes png, svg or pdf')
    let bar: ReturnType<typeof progress> | null = null
    const report = await runBatch({
      // Messages in Chinese where the terminal is Chinese.
      lang: /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'zh' : 'en',
      onStart: (total) => {
        bar = progress(total, o.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines')
      },
      template,
      input: file,
      output: String(o.output),
      format: format as 'png',
      map: parseMap(o.map as string[]),
      ...(o.name ? { name: String(o.name) } : {}),
      ...(print.sheet ? { sheet: print.sheet } : {}),
      ...(print.perSheet ? { perSheet: print.perSheet } : {}),
      bleed: print.bleed,
      marks: print.marks,
      ...(o.threads !== undefined ? { threads: o.threads as number } : {}),
      defaults,
      ...(o.report ? { report: String(o.report) } : {}),
      onProgress: ({ done, failed, result }) => {
        ;(bar as ReturnType<typeof progress> | null)?.update(done, failed)
        if (!result.ok && !o.quiet) {
          // Keep the bar intact on a terminal: errors are listed after it.
          if (!process.stderr.isTTY) process.stderr.write(`row ${result.row}${result.error.field ? ` (${result.error.field})` : ''}: ${result.error.message}\n`)
        }
      },
    })
    ;(bar as ReturnType<typeof progress> | null)?.stop()
    if (process.stderr.isTTY && !o.quiet)
      for (const r of report.results.filter((x) => x.status === 'failed'))
        process.stderr.write(`row ${r.row}${r.error?.field ? ` (${r.error.field})` : ''}: ${r.error?.message}\n`)
    if (!o.quiet)
      process.stderr.write(`${report.rendered} of ${report.rows} rows rendered to ${String(o.output)}${report.failed ? `; ${report.failed} failed` : ''}\n`)
    process.exitCode = report.failed ? 1 : 0
  })

try {
  await program.parseAsync(process.argv)
} catch (e) {
  if (e instanceof QoyarError || e instanceof InvalidArgumentError || e instanceof OfficeDataError) {
    console.error(`qoyar: ${e.message}`)
    process.exitCode = 2
  } else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`qoyar: ${(e as Error).message}`)
    process.exitCode = 2
  } else throw e
}
