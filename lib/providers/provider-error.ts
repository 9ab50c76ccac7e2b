import type { ErrorClass } from "@/lib/providers/types";
import type { FieldErrors } from "@/lib/kling/field-errors";

/**
 * Everything an adapter throws. The job runner decides from `errorClass` whether to retry (rate_limited,
 * transient), stop (auth, quota, safety, invalid_input), and from `ambiguous` whether a failed submit may still
 * have created a job at the provider — then it must reconcile (findByCorrelationId) instead of resubmitting.
 */
export class ProviderError extends Error {
  override name = "ProviderError";
  readonly errorClass: ErrorClass;
  readonly retryAfterMs?: number;
  /** The provider's own code (Kling business code, Runware error code, HTTP status …) for logs. */
  readonly providerCode?: string;
  readonly httpStatus?: number;
  readonly ambiguous: boolean;
  readonly fields?: FieldErrors;
  /** The provider refused the job because an element id it was given no longer exists in its library. */
  readonly elementMissing: boolean;

  constructor(
    errorClass: ErrorClass,
    message: string,
    extra: { retryAfterMs?: number; providerCode?: string | number; httpStatus?: number; ambiguous?: boolean; fields?: FieldErrors; elementMissing?: boolean; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.errorClass = errorClass;
    this.retryAfterMs = extra.retryAfterMs;
    this.providerCode = extra.providerCode === undefined ? undefined : String(extra.providerCode);
    this.httpStatus = extra.httpStatus;
    this.ambiguous = extra.ambiguous ?? false;
    this.fields = extra.fields;
    this.elementMissing = extra.elementMissing ?? false;
  }

  get retryable(): boolean {
    return this.errorClass === "rate_limited" || this.errorClass === "transient";
  }
}

/** The usual reading of an HTTP status when the provider's body says nothing more specific. */
export function classFromHttpStatus(status: number): ErrorClass {
  if (status === 401 || status === 403) return "auth";
  if (status === 402) return "quota";
  if (status === 429) return "rate_limited";
  if (status >= 500 || status === 408) return "transient";
  return "invalid_input";
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
