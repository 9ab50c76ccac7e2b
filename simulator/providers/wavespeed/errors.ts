import { WAVESPEED_API_KEY } from "../../credentials";
import type { Ctx, ProviderErrors, Reply } from "../../core/types";

// WaveSpeed wraps everything in { code, message, data }; `code` mirrors the HTTP status (seed 000 response table).
export const wavespeedError = (status: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { code: status, message, data: null },
});

export const wavespeedErrors: ProviderErrors = {
  rateLimited: (retryAfter) =>
    wavespeedError(429, "Too many requests: rate limit for your account level exceeded", { "retry-after": String(retryAfter) }),
  serverError: (status = 500) => wavespeedError(status, "Internal server error, please retry later"),
  // Not documented by WaveSpeed; 402 + message is our best reading of "balance exhausted" (see report).
  quotaExhausted: () => wavespeedError(402, "Insufficient balance, please top up your account"),
  notFound: (what) => wavespeedError(404, what ?? "Not found"),
  badRequest: (message) => wavespeedError(400, message),
};

export function authenticateWavespeed(ctx: Ctx): Reply | null {
  const header = ctx.req.headers.authorization;
  if (!header) return wavespeedError(401, "Unauthorized: missing Authorization header");
  const key = /^Bearer\s+(.+)$/i.exec(header.trim())?.[1];
  return key === WAVESPEED_API_KEY ? null : wavespeedError(401, "Unauthorized: invalid API key");
}
