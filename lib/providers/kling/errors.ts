import { ProviderError, classFromHttpStatus, parseRetryAfter } from "@/lib/providers/provider-error";
import type { ErrorClass } from "@/lib/providers/types";
import type { HttpResponse } from "@/lib/providers/http";
import { field, str } from "@/lib/providers/http";

// Kling business codes (providers.md §1.2) → our classes. The HTTP status alone is ambiguous (429 covers both
// arrears and rate limits), so the code wins when present.
export function klingCodeClass(code: number): ErrorClass | undefined {
  if (code >= 1000 && code <= 1004) return "auth";
  if (code === 1100 || code === 1101 || code === 1102) return "quota";
  if (code === 1103 || code === 1304) return "auth"; // no permission for the model / IP not whitelisted
  if (code >= 1200 && code <= 1203) return "invalid_input";
  if (code === 1300 || code === 1301) return "safety";
  if (code === 1302 || code === 1303) return "rate_limited";
  if (code >= 5000 && code <= 5002) return "transient";
  return undefined;
}

/** The error in a Kling response, or null when it is a success envelope (HTTP 2xx and code 0). */
export function klingError(response: HttpResponse, options: { submit: boolean }): ProviderError | null {
  const code = field(response.json, "code");
  if (response.status >= 200 && response.status < 300 && code === 0) return null;
  const numeric = typeof code === "number" ? code : undefined;
  const errorClass = (numeric !== undefined ? klingCodeClass(numeric) : undefined) ?? classFromHttpStatus(response.status);
  const message = str(field(response.json, "message")) ?? `Kling answered HTTP ${response.status}`;
  // 1303 (concurrency over the pack limit) asks for backoff starting at ≥ 1 s (providers.md §1.3).
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after")) ?? (errorClass === "rate_limited" ? 1000 : undefined);
  return new ProviderError(errorClass, `Kling: ${message}`, {
    providerCode: numeric ?? response.status,
    httpStatus: response.status,
    retryAfterMs,
    // A gateway timeout on create may still have created the task; a 2xx body we cannot read likewise.
    ambiguous: options.submit && (response.status === 504 || (response.status < 300 && numeric === undefined)),
  });
}
