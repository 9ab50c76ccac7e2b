import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

// pg-boss keeps its tables in their own schema of our database: one thing to back up, jobs commit with our rows.
export const JOBS_SCHEMA = "pgboss";

let instance: Promise<PgBoss> | undefined;

/** A started pg-boss, shared by the process. The app only sends; the worker process also works queues. */
export function boss(): Promise<PgBoss> {
  instance ??= (async () => {
    const b = new PgBoss({
      connectionString: env().DATABASE_URL,
      schema: JOBS_SCHEMA,
      max: 5,
      // Frequent supervision, so jobs held by a worker that died (heartbeats stop) are handed to another within
      // seconds instead of waiting out their expiry.
      superviseIntervalSeconds: 5,
      monitorIntervalSeconds: 5,
      // Workers wake on NOTIFY when a job is created instead of waiting out a poll (BENCHMARKS.md: queue waits
      // fell from ~0.5 s to ~5 ms); polling stays on as the floor.
      useListenNotify: true,
      queueCacheIntervalSeconds: 5,
    });
    b.on("error", (error) => log("jobs").error({ err: error }, "pg-boss error"));
    await b.start();
    return b;
  })();
  return instance;
}

export async function stopBoss(options: { graceful: boolean; timeoutMs: number }) {
  if (!instance) return;
  const b = await instance;
  instance = undefined;
  await b.stop({ graceful: options.graceful, timeout: options.timeoutMs, close: true });
}
