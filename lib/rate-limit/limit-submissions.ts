import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import type { Caller } from "@/lib/http/caller";

// A person clicking Generate rarely needs more than one submission every few seconds; scripts get more room but
// still can't drain a budget or a provider quota in a burst. Separate counters, so a key doesn't eat its creator's.
export const SUBMISSION_LIMITS = {
  user: { limit: 30, windowSeconds: 60 },
  apiKey: { limit: 120, windowSeconds: 60 },
} as const;

/** Counts one generation submission for the caller; throws 429 with Retry-After when over the limit. */
export async function limitSubmissions(caller: Caller, options: { cost?: number; now?: Date } = {}) {
  const [key, limits] =
    caller.kind === "apiKey"
      ? [`submit:key:${caller.keyId}`, SUBMISSION_LIMITS.apiKey]
      : [`submit:user:${caller.userId}`, SUBMISSION_LIMITS.user];
  const result = await consumeRateLimit({ key, ...limits, ...options });
  if (!result.allowed) {
    throw new AppError("rate_limited", `Too many generations at once. Try again in ${result.retryAfterSeconds} s.`, {
      headers: { "Retry-After": String(result.retryAfterSeconds) },
      details: { retryAfterSeconds: result.retryAfterSeconds },
    });
  }
  return result;
}
