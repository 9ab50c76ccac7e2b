import type { HeadersLike } from "@/lib/providers/types";
import { parseJson } from "@/lib/providers/json-text";

/** Case-insensitive header lookup over a Fetch Headers or a Node-style record. */
export function getHeader(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export function bodyBytes(rawBody: string | Uint8Array): Buffer {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
}

/** A webhook body as JSON, big integer ids kept to the digit like every provider answer (json-text.ts). */
export function parseJsonBody(rawBody: string | Uint8Array): unknown {
  try {
    return parseJson(bodyBytes(rawBody).toString("utf8"));
  } catch {
    return undefined;
  }
}
