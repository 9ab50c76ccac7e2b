import { randomUUID } from "node:crypto";
import type { ProviderErrors, Reply } from "../../core/types";

// Kling's envelope carries a business `code` next to the HTTP status (providers.md §1.2).
export function klingError(status: number, code: number, message: string, headers?: Record<string, string>): Reply {
  return { status, headers, body: { code, message, request_id: randomUUID() } };
}

export const klingErrors: ProviderErrors = {
  rateLimited: (retryAfter) =>
    klingError(429, 1302, "The API request is too fast, please slow down the request frequency", {
      "retry-after": String(retryAfter),
    }),
  serverError: (status = 500) =>
    status === 503
      ? klingError(503, 5001, "Server temporarily unavailable, usually due to maintenance")
      : status === 504
        ? klingError(504, 5002, "Server internal timeout, usually due to a backlog")
        : klingError(status, 5000, "Server internal error"),
  quotaExhausted: () =>
    klingError(429, 1102, "Account resource pack has been exhausted or expired, please purchase a resource pack"),
  notFound: (what) => klingError(404, 1203, what ?? "The requested resource does not exist"),
  badRequest: (message) => klingError(400, 1200, `Invalid request parameters: ${message}`),
};
