import { pgPool } from "@/lib/db-pool";
import { enqueueSync } from "@/lib/generations/enqueue-pipeline";

// Claims at most this many stored-but-unprocessed events per transaction; the drain loops while batches come back full.
const DEFAULT_BATCH = 500;
// pg-boss sends in flight at once (each is a round trip on pg-boss's own pool).
const SEND_PARALLELISM = 8;

const CLAIM = {
  name: "webhook-drain-claim",
  text: `SELECT id, "generationId" FROM "WebhookEvent" WHERE "processedAt" IS NULL LIMIT $1 FOR UPDATE SKIP LOCKED`,
};
const MARK = {
  name: "webhook-drain-mark",
  text: `UPDATE "WebhookEvent" SET "processedAt" = now() WHERE id = ANY($1::text[])`,
};

/**
 * One batch of the worker's webhook drain: claims unprocessed events (`FOR UPDATE SKIP LOCKED`, so concurrent workers
 * take disjoint rows and never process one twice), enqueues one sync per distinct generation, then marks them
 * processed — all while holding the claim. The order makes a crash harmless: until the commit the rows stay
 * unprocessed (a crash releases the locks and the next drain re-enqueues; the sync is idempotent and pg-boss's
 * stately singleton collapses duplicates), and nothing is marked processed before its sync is safely queued, so no
 * sync is ever lost. Returns how many events it took.
 */
export async function drainWebhookEvents(options: { batchSize?: number } = {}): Promise<number> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; generationId: string | null }>({ ...CLAIM, values: [options.batchSize ?? DEFAULT_BATCH] });
    if (rows.length === 0) {
      await client.query("COMMIT");
      return 0;
    }
    // A generation deleted since (generationId set null) needs no sync; its event is simply marked processed.
    const generations = [...new Set(rows.map((r) => r.generationId).filter((id): id is string => id !== null))];
    for (let i = 0; i < generations.length; i += SEND_PARALLELISM) {
      await Promise.all(generations.slice(i, i + SEND_PARALLELISM).map((id) => enqueueSync(id)));
    }
    await client.query({ ...MARK, values: [rows.map((r) => r.id)] });
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
