/**
 * Rendered bytes kept by the runtime: on Node an in-memory LRU bounded in
 * MB, on Workers the Cache API. Keyed by the ETag, which already hashes the
 * normalised input, the format and the build version.
 */
export interface RenderCache {
  /** The stored response for this key, with an `Age` header, or undefined. */
  match(key: string): Promise<Response | undefined>
  /** Store a successful response (the caller passes a clone it may consume). */
  put(key: string, response: Response): Promise<void>
}

export const noCache: RenderCache = {
  async match() {
    return undefined
  },
  async put() {},
}

/** Serve a GET render from the cache, or render it and store it. */
export async function cachedRender(cache: RenderCache | undefined, key: string, render: () => Promise<Response>): Promise<Response> {
  if (!cache) return render()
  const hit = await cache.match(key)
  if (hit) return hit
  const res = await render()
  if (res.status === 200) await cache.put(key, res.clone())
  return res
}
