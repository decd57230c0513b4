/**
 * The part of csv-parse's synchronous browser build that the shared app calls, for tsconfig.shared.json: the
 * package's own declarations reference Node's types, which the shared code must not see.
 */
export function parse(input: string, options?: Record<string, unknown>): unknown
