import { ProviderError } from "@/lib/providers/provider-error";
import { parseJson, stringifyJson } from "@/lib/providers/json-text";

// The one place adapters talk HTTP: the global fetch with a deadline. It never throws on HTTP status (each
// provider reads its own error bodies); it throws ProviderError("transient") when no response came back, marked
// ambiguous when a non-idempotent request might have reached the provider before the failure.

export const DEFAULT_TIMEOUT_MS = 30_000;

export type HttpResponse = { status: number; headers: Headers; text: string; json: unknown };

// Failures that happen before any byte of the request could have been processed.
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT", "ERR_INVALID_URL"]);

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | null)?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}

export async function httpRequest(options: {
  url: string;
  method: "GET" | "POST" | "PUT";
  headers?: Record<string, string>;
  json?: unknown;
  timeoutMs?: number;
  /** Reads sent as POST (Runware getResponse) are safe to repeat: never ambiguous. Defaults to method === GET. */
  idempotent?: boolean;
}): Promise<HttpResponse> {
  const { url, method, json, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const idempotent = options.idempotent ?? method === "GET";
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: "application/json", ...(json !== undefined ? { "content-type": "application/json" } : {}), ...options.headers },
      // bigint values go out as bare JSON numbers (Kling's `long` ids); see json-text.ts.
      body: json === undefined ? undefined : stringifyJson(json),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as { name?: string } | null)?.name === "TimeoutError";
    const code = timedOut ? "timeout" : (errorCode(error) ?? "network_error");
    throw new ProviderError("transient", timedOut ? `No response within ${timeoutMs} ms` : `Request failed (${code})`, {
      providerCode: code,
      ambiguous: !idempotent && !NOT_SENT.has(code),
      cause: error,
    });
  }
  let body: unknown;
  try {
    body = text ? parseJson(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: body };
}

/** Reads a nested field without trusting the body's shape. */
export function field(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : typeof value === "number" ? String(value) : undefined;
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

export function usdToMicros(usd: unknown): number | undefined {
  const n = typeof usd === "string" ? Number(usd) : usd;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.round(n * 1_000_000) : undefined;
}
