/**
 * A bounded memo per owner object (a font, a font set): made when first asked for, gone with its
 * owner, sized in bytes by `lru-cache`. Shaping, prepared texts and fitted sizes each keep one.
 */
import { LRUCache } from 'lru-cache'

export type Memo<V extends {}> = (owner: object, key: string, make: () => V) => V

export function memoPerOwner<V extends {}>(maxSize: number, sizeOf: (value: V, key: string) => number): Memo<V> {
  const caches = new WeakMap<object, LRUCache<string, V>>()
  return (owner, key, make) => {
    let cache = caches.get(owner)
    if (!cache) caches.set(owner, (cache = new LRUCache<string, V>({ maxSize, sizeCalculation: sizeOf })))
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const value = make()
    cache.set(key, value)
    return value
  }
}
