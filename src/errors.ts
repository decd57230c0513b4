/**
 * Errors a user can cause, each with a stable code and the HTTP status it
 * maps to. Anything else reaching the HTTP layer is our bug (500).
 */
export type ErrorStatus = 400 | 404 | 413 | 422

export class QoyarError extends Error {
  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'QoyarError'
  }
}

export function formatCodePoint(cp: number): string {
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')
}

export interface UncoveredCodePoint {
  codePoint: string
  char: string
  /** UTF-16 offset in the text as sent (after newline normalisation). */
  index: number
}

export class UncoveredCodePointsError extends QoyarError {
  constructor(readonly codePoints: UncoveredCodePoint[], field?: string) {
    const list = [...new Set(codePoints.map((c) => c.codePoint))]
    super(
      'uncovered_code_points',
      422,
      `No font covers ${list.join(', ')}${field ? ` in "${field}"` : ''}; it would render as an empty box.`,
      { codePoints: list, occurrences: codePoints, ...(field ? { field } : {}) },
    )
  }
}

export class TextDoesNotFitError extends QoyarError {
  constructor(message: string, details: unknown) {
    super('text_does_not_fit', 422, message, details)
  }
}
