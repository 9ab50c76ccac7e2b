import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { env } from "@/lib/env";
import { bucket, s3 } from "@/lib/storage/s3-client";

// A presigned URL is a pure function of (key, options, signing time, expiry). Signing every URL as of the start of
// the current window, valid for two windows, makes the same image's URL identical on every render within a window —
// so the browser's cache works — while a URL handed out at the very end of a window still lasts one more window.
// The bucket stays private: only whoever got the URL from an authenticated response can use it, and only until expiry.

export type SigningWindow = { signedAt: Date; expiresAt: Date; windowSeconds: number };

export function signingWindow(now = Date.now()): SigningWindow {
  const windowSeconds = env().ASSET_URL_WINDOW_SECONDS;
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  return { signedAt: new Date(start), expiresAt: new Date(start + 2 * windowMs), windowSeconds };
}

// Same inputs give the same URL, so a window's URLs are remembered: a gallery page signs hundreds at once.
const cache = new Map<string, string>();
let cachedWindow = 0;
const CACHE_LIMIT = 100_000;

export async function presignWindowed(key: string, options: { downloadName?: string; now?: number } = {}): Promise<string> {
  const window = signingWindow(options.now);
  const windowStart = window.signedAt.getTime();
  if (windowStart !== cachedWindow || cache.size >= CACHE_LIMIT) {
    cache.clear();
    cachedWindow = windowStart;
  }
  const cacheKey = `${key}\u0000${options.downloadName ?? ""}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const command = new GetObjectCommand({
    Bucket: bucket(),
    Key: key,
    ResponseContentDisposition: options.downloadName ? `attachment; filename="${options.downloadName}"` : undefined,
  });
  const url = await getSignedUrl(s3(), command, { signingDate: window.signedAt, expiresIn: 2 * window.windowSeconds });
  cache.set(cacheKey, url);
  return url;
}
