/** The few DOM helpers the studio needs: look-ups that fail loudly, and h() to build elements. */

/** An element the page skeleton (page.ts) always has. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`studio: no #${id} in the page`)
  return el as T // the caller names the element type the skeleton gives that id
}

type Child = Node | string | number | null | undefined | false
type Handler = (e: Event) => void
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>

/** Properties set as properties (not attributes), so that they reflect the current state. */
const PROPS = new Set(['value', 'checked', 'indeterminate', 'selected', 'disabled', 'multiple', 'hidden'])

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue
    if (k === 'text') el.textContent = String(v)
    else if (k === 'class') el.className = String(v)
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v)
    else if (PROPS.has(k)) Reflect.set(el, k, v)
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c))
  return el
}

/** The value of the form control an input or change event came from. */
export const valueOf = (e: Event): string => (e.target as HTMLInputElement).value // events here come only from inputs, selects and textareas

/** A picture file as the data: URI the templates take. */
export const readDataUrl = (file: File): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result))
    r.onerror = () => reject(r.error ?? new Error('read failed'))
    r.readAsDataURL(file)
  })
