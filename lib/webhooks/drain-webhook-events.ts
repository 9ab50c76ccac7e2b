import { withPgTransaction } from "@/lib/db-pool";
import type { GenerationStatus } from "@/lib/generated/prisma/enums";
import { isTerminal } from "@/lib/generations/status-order";
import { enqueueSyncs } from "@/lib/generations/enqueue-pipeline";

// Claims at most this many stored-but-unprocessed events per transaction; the drain loops while batches come back full.
const DEFAULT_BATCH = 500;

const CLAIM = {
  name: "webhook-drain-claim",
  // The generation's status comes along: a finished one needs no sync (it would only read the row and stop).
  text: `SELECT e.id, e."generationId", g.status FROM "WebhookEvent" e LEFT JOIN "Generation" g ON g.id = e."generationId"
         WHERE e."processedAt" IS NULL LIMIT $1 FOR UPDATE OF e SKIP LOCKED`,
};
const MARK = {
  name: "webhook-drain-mark",
  text: `UPDATE "WebhookEvent" SET "processedAt" = now() WHERE id = ANY($1::text[])`,
};

/**
 * One batch of the worker's webhook drain: claims unprocessed events (`FOR UPDATE SKIP LOCKED`, so concurrent workers
 * take disjoint rows and never process one twice), enqueues one sync per distinct unfinished generation, and marks
 * the events processed — the sync jobs are inserted in the same transaction (pg-boss `insert` on our connection), so
 * events and their syncs commit together or not at all: a crash can lose neither, and pg-boss's stately singleton
 * collapses a sync already queued for the generation. Returns how many events it took.
 */
export async function drainWebhookEvents(options: { batchSize?: number } = {}): Promise<number> {
  return withPgTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; generationId: string | null; status: string | null }>({ ...CLAIM, values: [options.batchSize ?? DEFAULT_BATCH] });
    if (rows.length === 0) return 0;
    // A generation deleted since (generationId set null) or already finished needs no sync: its event is simply
    // marked processed.
    const unfinished = rows.filter((r) => r.generationId !== null && r.status !== null && !isTerminal(r.status as GenerationStatus));
    await enqueueSyncs([...new Set(unfinished.map((r) => r.generationId!))], { executor: client });
    await client.query({ ...MARK, values: [rows.map((r) => r.id)] });
    return rows.length;
  });
}
