import { db } from "@/lib/db";
import { sleep } from "./stats";

/**
 * Waits until no pg-boss job is runnable or running, so one benchmark's leftovers (the webhook benchmark leaves
 * hundreds of sync jobs, drained at the worker's polling pace) don't queue ahead of the next one's. Returns the
 * seconds waited; gives up after `maxMs` and says how many were left.
 */
export async function waitForIdleQueues(maxMs: number): Promise<{ seconds: number; left: number }> {
  const started = Date.now();
  for (;;) {
    const [row] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job
      WHERE name NOT LIKE 'maintenance.%' AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now()))`;
    const left = Number(row?.n ?? 0);
    if (left === 0 || Date.now() - started > maxMs) return { seconds: (Date.now() - started) / 1000, left };
    await sleep(500);
  }
}
