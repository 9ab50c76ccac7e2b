import pg from "pg";
import { env } from "@/lib/env";

// The one other place (besides lib/db.ts) that connects to PostgreSQL: a plain `pg` pool for the few hot paths where
// Prisma's per-call overhead (0.5–1 ms CPU) and its exception-for-conflict style cost more than the work itself —
// webhook intake (one INSERT … ON CONFLICT DO NOTHING per delivery) and the worker's webhook drain. Cached on
// globalThis so the custom server's own copy of lib/ and Next's bundled copy share one pool in one process.

const globalForPool = globalThis as unknown as { assetStudioPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPool.assetStudioPgPool) {
    // pg's default size, as Prisma's adapter gets; an idle error (PostgreSQL restarted) must not crash the process.
    // allowExitOnIdle: scripts and tests that touched it (e.g. publishing an event) still exit when done.
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10, allowExitOnIdle: true });
    pool.on("error", (error) => console.error("[db-pool] idle client error", error.message));
    globalForPool.assetStudioPgPool = pool;
  }
  return globalForPool.assetStudioPgPool;
}

export async function closePgPool() {
  const pool = globalForPool.assetStudioPgPool;
  globalForPool.assetStudioPgPool = undefined;
  await pool?.end();
}
