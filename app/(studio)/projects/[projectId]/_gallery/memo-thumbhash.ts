/**
 * A thumbhash decoder memoised per hash (bounded, oldest out first): tiles re-mount constantly while scrolling, and
 * each decode costs ~0.1 ms. A hash that doesn't decode gives undefined (no placeholder), never an error.
 */
export function memoThumbhash<T>(decode: (bytes: Uint8Array) => T, max = 3_000): (hash: string | null) => T | undefined {
  const cache = new Map<string, T>();
  return (hash) => {
    if (!hash) return undefined;
    const hit = cache.get(hash);
    if (hit !== undefined) return hit;
    try {
      const value = decode(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(hash, value);
      return value;
    } catch {
      return undefined;
    }
  };
}
