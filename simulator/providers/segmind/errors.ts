import { SEGMIND_API_KEY } from "../../credentials";
import type { Ctx, ProviderErrors, Reply } from "../../core/types";

// Segmind errors are `{ "error": "<message>" }` with no symbolic code; the HTTP status carries the meaning.
export const segmindError = (status: number, error: string, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { error },
});

export const segmindErrors: ProviderErrors = {
  // Segmind sends no Retry-After: the reset time comes in x-rate-limit-reset-at-utc.
  rateLimited: (retryAfter) =>
    segmindError(429, "Rate limit exceeded", {
      "x-rate-limit-reset-at-utc": new Date(Date.now() + retryAfter * 1000).toISOString(),
    }),
  serverError: (status = 500) =>
    segmindError(status, status === 504 ? "Request timed out" : status === 502 ? "Bad gateway" : "Internal server error"),
  quotaExhausted: () => segmindError(406, "Insufficient credits: your balance is below the $0.035 this model needs"),
  notFound: (what) => segmindError(404, what ?? "Model not found"),
  badRequest: (message) => segmindError(400, message),
};

const INVALID_KEY = "Unauthorized. API key is invalid or may have expired. Manage keys at https://cloud.segmind.com/console/api-keys";

// Only x-api-key counts; a Bearer token is rejected even when it holds the right key.
export function authenticateSegmind(ctx: Ctx): Reply | null {
  const key = ctx.req.headers["x-api-key"];
  if (key === undefined) {
    return ctx.req.headers.authorization
      ? segmindError(401, INVALID_KEY)
      : segmindError(401, "Missing Authorization or x-api-key in header");
  }
  return key === SEGMIND_API_KEY ? null : segmindError(401, INVALID_KEY);
}
