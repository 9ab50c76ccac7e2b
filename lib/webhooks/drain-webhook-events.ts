import type { PoolClient } from "pg";
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
// Webhooks are hints, and for providers that don't sign them anyone holding one job's URL can send as many distinct
// events as they like; each would be a status request to the provider on the team's key. So a generation gets at most
// this many webhook-triggered syncs per window; beyond it its events are marked processed without one (its regular
// polls still follow it, lib/generations/poll-schedule.ts). Real providers send a handful of callbacks per job.
export const WEBHOOK_SYNCS_PER_GENERATION = { limit: 5, windowSeconds: 60 };
const ADMIT = {
  name: "webhook-drain-admit",
  text: `INSERT INTO "RateLimitCounter" (key, "windowStart", count)
         SELECT 'webhook-sync:' || id, $2::timestamp, 1 FROM unnest($1::text[]) AS id
         ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitCounter".count + 1
         RETURNING substr(key, 14) AS "generationId", count`,
};
const MARK = {
  name: "webhook-drain-mark",
  // UTC wall time whatever the session's TimeZone, as Prisma writes these `timestamp` columns.
  text: `UPDATE "WebhookEvent" SET "processedAt" = now() AT TIME ZONE 'UTC' WHERE id = ANY($1::text[])`,
};

/**
 * One batch of the worker's webhook drain: claims unprocessed events (`FOR UPDATE SKIP LOCKED`, so concurrent workers
 * take disjoint rows and never process one twice), enqueues one sync per distinct unfinished generation still within
 * its allowance (WEBHOOK_SYNCS_PER_GENERATION), and marks
 * the events processed — the sync jobs are inserted in the same transaction (pg-boss `insert` on our connection), so
 * events and their syncs commit together or not at all: a crash can lose neither, and pg-boss's stately singleton
 * collapses a sync already queued for the generation. Returns how many events it took.
 */
export async function drainWebhookEvents(options: { batchSize?: number; now?: Date } = {}): Promise<number> {
  return withPgTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; generationId: string | null; status: string | null }>({ ...CLAIM, values: [options.batchSize ?? DEFAULT_BATCH] });
    if (rows.length === 0) return 0;
    // A generation deleted since (generationId set null) or already finished needs no sync: its event is simply
    // marked processed.
    const unfinished = rows.filter((r) => r.generationId !== null && r.status !== null && !isTerminal(r.status as GenerationStatus));
    const ids = [...new Set(unfinished.map((r) => r.generationId!))];
    // Sorted: concurrent drains lock the counters in one order, so they wait for each other instead of deadlocking.
    const admitted = ids.length ? await admitSyncs(client, ids.sort(), options.now ?? new Date()) : [];
    await enqueueSyncs(admitted, { executor: client });
    await client.query({ ...MARK, values: [rows.map((r) => r.id)] });
    return rows.length;
  });
}

/** The generations still within their webhook-sync allowance, counted in the drain's transaction. */
async function admitSyncs(client: PoolClient, generationIds: string[], now: Date): Promise<string[]> {
  const windowMs = WEBHOOK_SYNCS_PER_GENERATION.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const { rows } = await client.query<{ generationId: string; count: number }>({ ...ADMIT, values: [generationIds, windowStart.toISOString()] });
  return rows.filter((r) => r.count <= WEBHOOK_SYNCS_PER_GENERATION.limit).map((r) => r.generationId);
}
