import type { ImageSpec } from "../core/types";
import { renderImage } from "./render-image";

// Rendered bytes keyed by the full spec (so identical requests share pixels) with a byte budget; evicted entries are
// simply re-rendered, which is safe because rendering is deterministic. In-flight renders are shared too.
const MAX_BYTES = 768 * 1024 * 1024;
const done = new Map<string, Buffer>();
const pending = new Map<string, Promise<Buffer>>();
let totalBytes = 0;

const keyOf = (spec: ImageSpec): string => JSON.stringify(spec);

function remember(key: string, bytes: Buffer): void {
  done.set(key, bytes);
  totalBytes += bytes.length;
  for (const [oldKey, oldBytes] of done) {
    if (totalBytes <= MAX_BYTES) break;
    done.delete(oldKey);
    totalBytes -= oldBytes.length;
  }
}

export function getImage(spec: ImageSpec): Promise<Buffer> {
  const key = keyOf(spec);
  const hit = done.get(key);
  if (hit) {
    // Refresh recency: Map iteration order is insertion order, so re-insert to mark as most recently used.
    done.delete(key);
    done.set(key, hit);
    return Promise.resolve(hit);
  }
  const inFlight = pending.get(key);
  if (inFlight) return inFlight;
  const render = renderImage(spec)
    .then((bytes) => {
      remember(key, bytes);
      return bytes;
    })
    .finally(() => pending.delete(key));
  pending.set(key, render);
  return render;
}
