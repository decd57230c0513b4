/** The one hash and the one If-None-Match matcher, and the routes that use them. */
import { describe, expect, it } from 'vitest'
import { fnv1a } from '../src/hash.js'
import { matchesIfNoneMatch } from '../src/http/etag.js'
import { app } from './helpers/env.js'

describe('fnv1a', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    // Test vectors from the FNV reference (isthe.com/chongo/tech/comp/fnv).
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
  })

  it('hashes several parts as their concatenation, so the font set digest is order-sensitive', () => {
    expect(fnv1a('foo', 'bar')).toBe(fnv1a('foobar'))
    expect(fnv1a('bar', 'foo')).not.toBe(fnv1a('foo', 'bar'))
  })
})

describe('matchesIfNoneMatch', () => {
  const tag = '"abc"'
  it('matches the tag alone, in a list, weak (W/), or *', () => {
    expect(matchesIfNoneMatch('"abc"', tag)).toBe(true)
    expect(matchesIfNoneMatch('"x", "abc" ,"y"', tag)).toBe(true)
    expect(matchesIfNoneMatch('W/"abc"', tag)).toBe(true)
    expect(matchesIfNoneMatch('"x",W/"abc"', tag)).toBe(true)
    expect(matchesIfNoneMatch('*', tag)).toBe(true)
  })

  it('does not match other tags, a tag without its quotes, or no header', () => {
    expect(matchesIfNoneMatch('"abcd"', tag)).toBe(false)
    expect(matchesIfNoneMatch('abc', tag)).toBe(false)
    expect(matchesIfNoneMatch('"x", "y"', tag)).toBe(false)
    expect(matchesIfNoneMatch('', tag)).toBe(false)
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false)
  })

  it('is what the studio font route answers with: a list or a weak tag is a 304 too', async () => {
    const etag = (await app.request('/studio/fonts/mongolian.ttf')).headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    for (const header of [`"other", ${etag}`, `W/${etag}`])
      expect((await app.request('/studio/fonts/mongolian.ttf', { headers: { 'If-None-Match': header } })).status, header).toBe(304)
    expect((await app.request('/studio/fonts/mongolian.ttf', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200)
  })

  it('is what the render routes answer with', async () => {
    const url = '/v1/text.svg?text=%E1%A0%AE%E1%A0%A3'
    const etag = (await app.request(url)).headers.get('etag')
    expect((await app.request(url, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304)
  })
})
