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

/** A comma-separated setting as a list, without blanks. */
export function listSetting(c: Context | undefined, name: string): string[] {
  return (setting(c, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
