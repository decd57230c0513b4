/**
 * Errors a user can cause, each with a stable code and the HTTP status it
 * maps to. Anything else reaching the HTTP layer is our bug (500).
 */
export type ErrorStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422 | 429 | 431 | 503

/** Values a localized message interpolates (see locales/<lng>/messages.json, errors.<code>). */
export type MessageParams = Record<string, string | number>

export class QoyarError extends Error {
  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    /** The English message; localized ones come from the locale files by code. */
    message: string,
    readonly details?: unknown,
    readonly params: MessageParams = {},
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
  constructor(
    readonly codePoints: UncoveredCodePoint[],
    field?: string,
  ) {
    const list = [...new Set(codePoints.map((c) => c.codePoint))]
    super(
      'uncovered_code_points',
      422,
      `No font covers ${list.join(', ')}${field ? ` in "${field}"` : ''}; it would render as an empty box.`,
      { codePoints: list, occurrences: codePoints, ...(field ? { field } : {}) },
      { codePoints: list.join(', ') },
    )
  }
}

export class TextDoesNotFitError extends QoyarError {
  constructor(message: string, details: unknown, params: MessageParams) {
    super('text_does_not_fit', 422, message, details, params)
  }
}
