/**
 * satori's SVG as a small typed tree: parsed once by saxes (a strict XML
 * parser, ≈ 0.1–0.3 ms on a template's SVG), edited as data, written back.
 * satori writes elements and attributes only; anything else (text, CDATA,
 * malformed XML) means the SVG is not satori's, and parsing says so with null.
 */
import { SaxesParser } from 'saxes'

export interface SvgElement {
  name: string
  attrs: Record<string, string>
  children: SvgElement[]
}

/** The root `<svg>` element, or null when the text is not satori's element-only SVG. */
export function parseSvg(svg: string): SvgElement | null {
  const parser = new SaxesParser()
  const top: SvgElement = { name: '#document', attrs: {}, children: [] }
  const stack: SvgElement[] = [top]
  let foreign = false
  parser.on('opentag', (tag) => {
    const el: SvgElement = { name: tag.name, attrs: tag.attributes, children: [] }
    stack[stack.length - 1]!.children.push(el)
    stack.push(el)
  })
  parser.on('closetag', () => void stack.pop())
  parser.on('text', (t) => {
    if (t.trim()) foreign = true
  })
  parser.on('cdata', () => void (foreign = true))
  try {
    parser.write(svg).close()
  } catch {
    return null
  }
  const root = top.children[0]
  return !foreign && top.children.length === 1 && root?.name === 'svg' ? root : null
}

const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

export function serializeSvg(el: SvgElement): string {
  const parts: string[] = []
  const write = (e: SvgElement) => {
    parts.push('<', e.name)
    for (const [k, v] of Object.entries(e.attrs)) parts.push(' ', k, '="', escape(v), '"')
    if (!e.children.length) return void parts.push('/>')
    parts.push('>')
    e.children.forEach(write)
    parts.push('</', e.name, '>')
  }
  write(el)
  return parts.join('')
}

/** The id a `url(#id)` reference names; undefined when there is no reference, null when it is not one. */
export function urlRef(v: string | undefined): string | null | undefined {
  if (v === undefined) return undefined
  return /^url\(#([^)]+)\)$/.exec(v.trim())?.[1] ?? null
}

/** Every element with an id, by id. */
export function idsOf(root: SvgElement): Map<string, SvgElement> {
  const out = new Map<string, SvgElement>()
  const visit = (e: SvgElement) => {
    if (e.attrs.id) out.set(e.attrs.id, e)
    e.children.forEach(visit)
  }
  visit(root)
  return out
}
