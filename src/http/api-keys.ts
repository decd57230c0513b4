/**
 * Optional access control for deployments. With QOYAR_API_KEYS set, /v1/*
 * needs `Authorization: Bearer <key>` (or `X-Api-Key`), compared in constant
 * time, or a signed URL: `exp` (Unix seconds) and `sig`, the HMAC-SHA256 of
 * the path and the normalised query under QOYAR_SIGNING_KEY, so a page can
 * embed a PNG link without opening the renderer to everyone. Without
 * QOYAR_API_KEYS and QOYAR_SIGNING_KEY everything stays open (local use).
 */
import type { MiddlewareHandler } from 'hono'
import { QoyarError } from '../errors.js'
import { queryFields } from './input.js'
import { listSetting, setting } from './settings.js'

const encoder = new TextEncoder()

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

/** Equal-length digests compared without an early exit: the time does not tell how much of a key was right. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** The configured keys' digests, per list (listSetting hands back the same list while the setting is unchanged). */
const digests = new WeakMap<readonly string[], Promise<Uint8Array[]>>()

export async function keyMatches(given: string, keys: readonly string[]): Promise<boolean> {
  let known = digests.get(keys)
  if (!known) digests.set(keys, (known = Promise.all(keys.map(digest))))
  const [g, ks] = await Promise.all([digest(given), known])
  let found = false
  // Every key is compared, so the time does not tell which one matched either.
  for (const k of ks) if (sameBytes(g, k)) found = true
  return found
}

/** The text a signature covers: path, then the query's keys sorted, without `sig`, each pair percent-encoded. */
export function signedText(path: string, query: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(query)
    .filter((k) => k !== 'sig')
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(query[k]!)}`)
  return `${path}?${pairs.join('&')}`
}

async function hmacKey(secret: string, use: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [use])
}

const toBase64Url = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
function fromBase64Url(s: string): Uint8Array<ArrayBuffer> | null {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0))
  } catch {
    return null
  }
}

/** A signed URL for `path` with `query`, valid until `expires` (Unix seconds). */
export async function signUrl(path: string, query: Record<string, string>, secret: string, expires: number): Promise<string> {
  const q = { ...query, exp: String(Math.floor(expires)) }
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(signedText(path, q))))
  return `${signedText(path, q)}&sig=${toBase64Url(sig)}`
}

export async function signatureValid(path: string, query: Readonly<Record<string, string>>, secret: string, now = Date.now()): Promise<boolean> {
  const sig = query.sig ? fromBase64Url(query.sig) : null
  const exp = Number(query.exp)
  if (!sig || !Number.isFinite(exp) || exp * 1000 < now) return false
  // crypto.subtle.verify compares in constant time.
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), sig, encoder.encode(signedText(path, query)))
}

function unauthorized(why: string): QoyarError {
  return new QoyarError('unauthorized', 401, why, { reason: why }, {})
}

/** The key a request presents, if any. */
export function presentedKey(authorization: string | undefined, header: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim()
  return bearer || header?.trim() || undefined
}

const KEY_OF = new WeakMap<Request, string>()

/** The valid API key a request came with: the rate limiter gives each key its own budget. */
export function apiKeyOf(request: Request): string | undefined {
  return KEY_OF.get(request)
}

export const apiKeys: MiddlewareHandler = async (c, next) => {
  const keys = listSetting(c, 'QOYAR_API_KEYS')
  const secret = setting(c, 'QOYAR_SIGNING_KEY')
  if ((!keys.length && !secret) || !c.req.path.startsWith('/v1/')) return next()
  const key = presentedKey(c.req.header('Authorization'), c.req.header('X-Api-Key'))
  if (key && keys.length && (await keyMatches(key, keys))) {
    KEY_OF.set(c.req.raw, key)
    return next()
  }
  const query = queryFields(c)
  if (secret && query.sig) {
    if (!['GET', 'HEAD'].includes(c.req.method)) throw unauthorized('A signed URL is for GET and HEAD only.')
    if (await signatureValid(c.req.path, query, secret)) return next()
    throw unauthorized('The signed URL is invalid or has expired.')
  }
  throw unauthorized(key ? 'The API key is not valid.' : 'This server needs an API key (Authorization: Bearer …) or a signed URL.')
}
