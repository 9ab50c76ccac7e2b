import type { IncomingMessage } from "node:http";

/**
 * For the custom server's fast paths: the one path segment `pattern` captures, URL-decoded, when `req` is a `method`
 * request whose URL matches; null otherwise (including a segment that doesn't decode), so the request goes to Next,
 * which answers it as it always has.
 */
export function capturedSegment(req: IncomingMessage, method: string, pattern: RegExp): string | null {
  if (req.method !== method) return null;
  const match = pattern.exec(req.url ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
