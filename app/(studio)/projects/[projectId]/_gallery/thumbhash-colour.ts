import { thumbHashToAverageRGBA } from "thumbhash";

// A tile's placeholder below the first screenful: the thumbhash's average colour. Setting a 1–2 KB data-URL
// background on every tile that scrolls in was the largest JavaScript self time while scrolling (setAttribute), and
// each one is a PNG decode on top; a colour is a few bytes and no decode. Cached like thumbhashUrl: tiles re-mount
// constantly while scrolling.
const cache = new Map<string, string>();
const MAX = 3_000;

export function thumbhashColour(hash: string | null): string | undefined {
  if (!hash) return undefined;
  const hit = cache.get(hash);
  if (hit) return hit;
  try {
    const { r, g, b } = thumbHashToAverageRGBA(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
    const colour = `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`;
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(hash, colour);
    return colour;
  } catch {
    return undefined;
  }
}
