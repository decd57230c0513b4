/**
 * The API reference: the OpenAPI document rendered to one plain HTML page on
 * the server. No script, no CDN, no web font: it reads the same in any
 * browser behind any firewall, and prints.
 */
import type { JsonSchema } from './schemas.js'

type Doc = Record<string, unknown>
interface Parameter {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: JsonSchema
}
interface Operation {
  tags?: string[]
  summary?: string
  description?: string
  parameters?: Parameter[]
  requestBody?: { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }
  responses?: Record<string, { description?: string; $ref?: string; content?: Record<string, unknown> }>
}

const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!)
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const
const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-')

/** A schema in a few words: type, allowed values, bounds, default. */
function typeOf(s: JsonSchema | undefined): string {
  if (!s) return ''
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').at(-1)!
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`
  }
  const alts = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined
  const parts: string[] = []
  if (alts) parts.push(alts.map(typeOf).join(' | '))
  else if (Array.isArray(s.enum)) parts.push(s.enum.map((v) => `<code>${esc(v)}</code>`).join(' | '))
  else if (s.const !== undefined) parts.push(`<code>${esc(s.const)}</code>`)
  else if (s.type === 'array') parts.push(`array of ${typeOf(s.items as JsonSchema)}`)
  else parts.push(esc(s.type ?? 'any'))
  const bounds = [
    s.minimum !== undefined && `≥ ${s.minimum}`,
    s.maximum !== undefined && `≤ ${s.maximum}`,
    s.maxLength !== undefined && `≤ ${s.maxLength} chars`,
    s.maxItems !== undefined && `≤ ${s.maxItems} items`,
    typeof s.pattern === 'string' && s.pattern.length < 60 && `pattern <code>${esc(s.pattern)}</code>`,
  ].filter(Boolean)
  if (bounds.length) parts.push(`(${bounds.join(', ')})`)
  if (s.default !== undefined) {
    const d = JSON.stringify(s.default)
    parts.push(`default <code>${esc(d.length > 40 ? `${d.slice(0, 37)}…` : d)}</code>`)
  }
  return parts.join(' ')
}

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return ''
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
}

function operation(path: string, method: string, op: Operation): string {
  const params = (op.parameters ?? []).map((p) => [`<code>${esc(p.name)}</code>${p.required ? ' <b>*</b>' : ''}`, esc(p.in), typeOf(p.schema), esc(p.description ?? p.schema?.description ?? '')])
  const body = op.requestBody?.content
    ? `<p>Body${op.requestBody.description ? `: ${esc(op.requestBody.description)}` : ''}: ${Object.entries(op.requestBody.content)
        .map(([type, c]) => `<code>${esc(type)}</code>${c.schema?.$ref ? ` ${typeOf(c.schema as JsonSchema)}` : ''}`)
        .join(', ')}</p>`
    : ''
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => [
    `<code>${esc(code)}</code>`,
    esc(r.description ?? (r.$ref ? r.$ref.split('/').at(-1) : '')),
    esc(Object.keys(r.content ?? {}).join(', ')),
  ])
  return `<section class="op" id="${anchor(`${method}-${path}`)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? '')}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ''}
${table(['parameter', 'in', 'type', 'meaning'], params)}${body}${table(['status', 'meaning', 'content'], responses)}</section>`
}

function schemaSection(name: string, s: JsonSchema): string {
  const required = new Set(s.required ?? [])
  const rows = Object.entries(s.properties ?? {}).map(([k, p]) => [`<code>${esc(k)}</code>${required.has(k) ? ' <b>*</b>' : ''}`, typeOf(p), esc(p.description ?? '')])
  return `<section id="schema-${anchor(name)}"><h3>${esc(name)}</h3>${s.description ? `<p class="d">${esc(s.description)}</p>` : ''}${table(['field', 'type', 'meaning'], rows)}</section>`
}

export function referencePage(doc: Doc): string {
  const info = doc.info as { title: string; version: string; summary?: string }
  const paths = doc.paths as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>
  const ops = Object.entries(paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })))
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'other'))]
  const schemas = ((doc.components as { schemas?: Record<string, JsonSchema> }).schemas ?? {}) as Record<string, JsonSchema>
  const toc = tags
    .map((t) => `<li><b>${esc(t)}</b>: ${ops.filter((o) => (o.op.tags?.[0] ?? 'other') === t).map((o) => `<a href="#${anchor(`${o.method}-${o.path}`)}">${o.method.toUpperCase()} ${esc(o.path)}</a>`).join(' · ')}</li>`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} API reference</title><style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1a1a1a}
h1{margin-bottom:0}h2{border-bottom:2px solid #c8102e;padding-bottom:.2rem;margin-top:2.5rem}
code{font:13px ui-monospace,monospace;background:#f3f3f3;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#fafafa}
.op{border-top:1px solid #eee;padding-top:.5rem}.m{display:inline-block;min-width:3.5rem;text-align:center;color:#fff;border-radius:3px;font-size:13px;padding:0 .3rem}
.get{background:#0b6e4f}.post{background:#0b4ea2}.d{color:#555}li{margin:.3rem 0}
</style></head><body>
<h1>${esc(info.title)} API reference</h1><p>${esc(info.summary ?? '')}</p>
<p>Version <code>${esc(info.version)}</code> · machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)}) · <b>*</b> = required.
Errors are JSON <code>{"error":{"code","message","details"}}</code>.</p>
<h2>Operations</h2><ul>${toc}</ul>
${tags.map((t) => `<h2>${esc(t)}</h2>${ops.filter((o) => (o.op.tags?.[0] ?? 'other') === t).map((o) => operation(o.path, o.method, o.op)).join('\n')}`).join('\n')}
<h2>Schemas</h2>${Object.entries(schemas).map(([n, s]) => schemaSection(n, s)).join('\n')}
</body></html>`
}
