/**
 * Deployment settings by name: a Workers binding (vars, secrets) when the
 * request has one, else the Node process's environment.
 */
import type { Context } from 'hono'

type Vars = Readonly<Record<string, unknown>>

export function setting(c: Context | undefined, name: string): string | undefined {
  const bound = (c?.env as Vars | undefined)?.[name] // Workers bindings; on Node c.env holds the raw request objects, never these names
  if (typeof bound === 'string') return bound
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
  return env?.[name]
}

/** The last list parsed per setting, with the text it came from: every request reads these; they seldom change. */
const lists = new Map<string, { text: string; list: readonly string[] }>()

/** A comma-separated setting as a list, without blanks (parsed again only when its text changes). */
export function listSetting(c: Context | undefined, name: string): readonly string[] {
  const text = setting(c, name) ?? ''
  const last = lists.get(name)
  if (last?.text === text) return last.list
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  lists.set(name, { text, list })
  return list
}
