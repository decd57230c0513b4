/** A data directory that cannot be used: the message names the file and the field, and the server does not start. */
export class OfficeDataError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`office data: ${file}${field ? ` → ${field}` : ''}: ${problem}`)
    this.name = 'OfficeDataError'
  }
}
