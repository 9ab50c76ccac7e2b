import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

// Every request counts, whether or not an email goes out, so the limits say nothing about which addresses exist.
// Per email: nobody's inbox gets flooded. Per IP: one client can't walk a list of addresses.
export const MAGIC_LINK_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 20, windowSeconds: 15 * 60 },
} as const;

/** Counts one magic-link request; throws `rate_limited` (429, Retry-After) once either limit is spent. */
export async function consumeMagicLinkLimits(options: { email: string; ip: string | null }) {
  const email = options.email.trim().toLowerCase();
  const checks: Array<{ key: string; limit: number; windowSeconds: number }> = [{ key: `magiclink:email:${email}`, ...MAGIC_LINK_LIMITS.perEmail }];
  if (options.ip) checks.push({ key: `magiclink:ip:${options.ip}`, ...MAGIC_LINK_LIMITS.perIp });
  let retryAfterSeconds = 0;
  for (const check of checks) {
    const result = await consumeRateLimit(check);
    if (!result.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds);
  }
  if (retryAfterSeconds > 0) {
    throw new AppError("rate_limited", "Too many sign-in links were requested. Try again later.", {
      headers: { "Retry-After": String(retryAfterSeconds) },
    });
  }
}
