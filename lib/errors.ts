import { ZodError } from "zod";

// One error type for the whole app. Domain code throws AppError; the route wrappers turn any error into the one
// JSON shape `{ error: { code, message, fields? } }` with the status below. Anything unexpected becomes a plain 500
// so internals never reach a client.

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  project_archived: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };
};

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.fields = extra.fields;
    this.details = extra.details;
    this.headers = extra.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * Thrown by work that runs in a job (provider calls, downloads) for failures worth another try: the queue retries it
 * with backoff. Any other error is final. Lives here rather than in lib/jobs so domain code can throw it without
 * depending on the queue.
 */
export class RetryableJobError extends Error {
  override name = "RetryableJobError";
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Field path → first message, e.g. { "parameters.aspect_ratio": "Invalid option: …" }. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Maps anything thrown to an AppError; unknown errors are logged by the caller and hidden from the client. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("validation_failed", "Some fields are invalid.", { fields: zodFields(error) });
  }
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (prismaCode === "P2002") return new AppError("conflict", "That already exists.");
  if (prismaCode === "P2025") return new AppError("not_found", "Not found.");
  return new AppError("internal_error", "Something went wrong on our side.");
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

// Our own storage failed (S3 down, a write refused): never the provider's fault, so always worth another try.
export class StorageWriteError extends Error {
  override name = "StorageWriteError";

  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

// An output refused for what it is (wrong format or size, not an image, damaged), not for how it was fetched: final,
// never retried, and `reason` is the sentence the person sees.
export class ImageRejectedError extends Error {
  override name = "ImageRejectedError";

  constructor(readonly reason: string) {
    super(reason);
  }
}
