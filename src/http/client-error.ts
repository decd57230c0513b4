/**
 * Node's own parse errors (a request line it cannot read, headers past the
 * limit) answered in JSON like every other error, instead of Node's bare,
 * empty 400 or 431.
 */
import type { Duplex } from 'node:stream'

const STATUS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', message: 'The request line and headers are over the limit; send long texts by POST as JSON.' },
  HPE_URI_OVERFLOW: { status: 414, code: 'uri_too_long', message: 'The URL is over the limit; send long texts by POST as JSON.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', message: 'The request was not received in time.' },
}

const BAD_REQUEST = { status: 400, code: 'bad_request', message: 'The request could not be read as HTTP.' }

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' }

/** The raw HTTP response for a client error, written straight to the socket. */
export function clientErrorResponse(code: string | undefined): string {
  const e = (code && STATUS[code]) || BAD_REQUEST
  const body = JSON.stringify({ error: { code: e.code, message: e.message } })
  return [
    `HTTP/1.1 ${e.status} ${REASONS[e.status]}`,
    'Content-Type: application/json; charset=UTF-8',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n')
}

/** For `server.on('clientError', …)`. */
export function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset or a half-written response: nothing can be answered.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  socket.end(clientErrorResponse(err.code))
}
