import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { pgPool, withPgTransaction } from "@/lib/db-pool";
import { JOBS_SCHEMA, stopBoss } from "@/lib/jobs/boss";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { syncGenerationJob } from "@/lib/jobs/contracts/sync-generation";

afterAll(() => stopBoss({ graceful: false, timeoutMs: 5_000 }));

// Two workers' webhook drains each insert a batch of sync jobs inside their own transaction, and their batches can
// name the same generations (three deliveries of one event, taken by different drains). The queue's unique index on
// the singleton key makes the second insert of a key wait for the first transaction; batches taking the keys in
// opposite orders used to deadlock ("deadlock detected" from pg-boss's insert, seen in CI).
describe("enqueueMany", () => {
  it("lets concurrent transactions insert overlapping singleton keys in any order without deadlocking", async () => {
    for (let round = 0; round < 10; round++) {
      const keys = Array.from({ length: 200 }, () => `gen_${randomUUID()}`);
      const batch = (ids: string[]) =>
        withPgTransaction((client) => enqueueMany(syncGenerationJob, ids.map((generationId) => ({ payload: { generationId }, singletonKey: generationId })), { executor: client }));
      await Promise.all([batch(keys), batch([...keys].reverse())]);
      const { rows } = await pgPool().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND singleton_key = ANY($2::text[])`,
        [syncGenerationJob.name, keys],
      );
      expect(rows[0]!.n).toBe(keys.length); // one job per key: the second batch's duplicates were dropped
    }
  });
});
