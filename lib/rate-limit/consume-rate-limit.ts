import { pgPool } from "@/lib/db-pool";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

// Runs on every submission (and magic-link request): one raw upsert (lib/db-pool.ts), not Prisma's.
const CONSUME = {
  name: "rate-limit-consume",
  text: `INSERT INTO "RateLimitCounter" (key, "windowStart", count) VALUES ($1, $2::timestamp, $3)
         ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitCounter".count + EXCLUDED.count
         RETURNING count`,
};

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
  const { rows } = await pgPool().query<{ count: number }>({ ...CONSUME, values: [key, windowStart.toISOString(), cost] });
  const row = rows[0]!;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: row.count <= limit, remaining: Math.max(0, limit - row.count), retryAfterSeconds };
}
