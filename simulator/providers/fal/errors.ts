import { FAL_KEY } from "../../credentials";
import type { Ctx, ProviderErrors, Reply } from "../../core/types";

// fal speaks FastAPI: `{ "detail": "<text>" }` or, for validation, `{ "detail": [ { loc, msg, type } ] }`.
export const falError = (status: number, detail: unknown, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { detail },
});

export const falErrors: ProviderErrors = {
  rateLimited: (retryAfter) =>
    falError(429, "Rate limit exceeded, retry later", { "retry-after": String(retryAfter), "x-fal-error-type": "rate_limited" }),
  serverError: (status = 500) =>
    falError(status, status === 503 ? "Service Unavailable" : status === 504 ? "Gateway Timeout" : "Internal Server Error", {
      "x-fal-error-type": "internal_server_error",
    }),
  quotaExhausted: () =>
    falError(403, "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing."),
  notFound: (what) => falError(404, what ?? "Not Found"),
  badRequest: (message) => falError(422, [{ loc: ["body"], msg: message, type: "json_invalid" }]),
};

// `Authorization: Key <key_id>:<key_secret>`.
export function authenticateFal(ctx: Ctx): Reply | null {
  const header = ctx.req.headers.authorization;
  if (!header) return falError(401, "Missing authorization header. Use 'Authorization: Key <your-key>'");
  const key = /^Key\s+(.+)$/i.exec(header.trim())?.[1];
  return key === FAL_KEY ? null : falError(401, "Invalid authorization credentials");
}
