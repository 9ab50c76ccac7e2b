import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

// The one other place (besides lib/db.ts) that connects to PostgreSQL: a plain `pg` pool for the few hot paths where
// Prisma's per-call overhead (0.5–1 ms CPU) and its exception-for-conflict style cost more than the work itself —
// webhook intake and the worker's drain, and the submit path (API key, project, rate limit, the generation's insert,
// the submit job's load and transition; BENCHMARKS.md "Submit overhead"). Cached on globalThis so the custom
// server's own copy of lib/ and Next's bundled copy share one pool in one process.

const globalForPool = globalThis as unknown as { assetStudioPgPool?: pg.Pool };

// Prisma stores DateTime as `timestamp(3) without time zone` holding UTC. pg's default parser reads that type as
// the process's local time, which is wrong whenever TZ isn't UTC; read it as UTC, as Prisma does. (Writes pass
// `Date#toISOString()`, whose "Z" PostgreSQL ignores for this type: the UTC wall time is stored.)
const TIMESTAMP_WITHOUT_TZ = 1114;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TZ && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function pgPool(): pg.Pool {
  if (!globalForPool.assetStudioPgPool) {
    // pg's default size, as Prisma's adapter gets; an idle error (PostgreSQL restarted) must not crash the process.
    // allowExitOnIdle: scripts and tests that touched it (e.g. publishing an event) still exit when done.
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10, allowExitOnIdle: true, types });
    pool.on("error", (error) => log("db-pool").error({ err: error }, "idle client error"));
    globalForPool.assetStudioPgPool = pool;
  }
  return globalForPool.assetStudioPgPool;
}

/** Runs `fn` inside BEGIN … COMMIT on one pooled connection; any throw rolls back and is rethrown. */
export async function withPgTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function closePgPool() {
  const pool = globalForPool.assetStudioPgPool;
  globalForPool.assetStudioPgPool = undefined;
  await pool?.end();
}
