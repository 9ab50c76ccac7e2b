import { db } from "@/lib/db";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL, so every app process and worker shares one limit without another service.
 * One upsert per call; the row for the current window is created on first use.
 */
export async function consumeRateLimit(options: {
  key: string;
  limit: number;
  windowSeconds: number;
  cost?: number;
  now?: Date;
}): Promise<RateLimitResult> {
  const { key, limit, windowSeconds, cost = 1, now = new Date() } = options;
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db.rateLimitCounter.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: cost },
    update: { count: { increment: cost } },
    select: { count: true },
  });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: row.count <= limit, remaining: Math.max(0, limit - row.count), retryAfterSeconds };
}

/** Reads the current count without consuming, e.g. to refuse sign-in while locked out. */
export async function peekRateLimit(options: { key: string; limit: number; windowSeconds: number; now?: Date }) {
  const { key, limit, windowSeconds, now = new Date() } = options;
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db.rateLimitCounter.findUnique({ where: { key_windowStart: { key, windowStart } } });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { blocked: (row?.count ?? 0) >= limit, retryAfterSeconds };
}
