/** zod schemas as OpenAPI 3.1 schema objects (JSON Schema 2020-12), the input side: what a client sends. */
import { z } from 'zod'

export type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] }

export function schemaOf(schema: z.core.$ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return rest
}

/** Several object schemas as one (a render takes template fields, size, print options and controls side by side). */
export function mergeObjects(...parts: (z.ZodType | JsonSchema)[]): JsonSchema {
  const out: JsonSchema = { type: 'object', properties: {}, required: [] }
  for (const part of parts) {
    const s = part instanceof z.ZodType ? schemaOf(part) : part
    Object.assign(out.properties!, s.properties ?? {})
    out.required!.push(...(s.required ?? []))
  }
  if (!out.required!.length) delete out.required
  return out
}

/** An object schema's scalar properties as query parameters (arrays and objects go in a POST body). */
export function queryParameters(schema: JsonSchema): Record<string, unknown>[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, p]) => p.type !== 'array' && p.type !== 'object')
    .map(([name, p]) => ({
      name,
      in: 'query',
      required: schema.required?.includes(name) ?? false,
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      schema: p,
    }))
}
