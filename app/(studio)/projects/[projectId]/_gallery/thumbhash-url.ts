import { thumbHashToDataURL } from "thumbhash";

// Decoding a thumbhash costs ~0.1 ms; tiles re-mount constantly while scrolling, so each hash is decoded once.
const cache = new Map<string, string>();
const MAX = 3_000;

export function thumbhashUrl(hash: string | null): string | undefined {
  if (!hash) return undefined;
  const hit = cache.get(hash);
  if (hit) return hit;
  try {
    const url = thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(hash, url);
    return url;
  } catch {
    return undefined;
  }
}
