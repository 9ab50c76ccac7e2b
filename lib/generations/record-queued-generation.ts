import type { Generation } from "@/lib/generated/prisma/client";
import { withPgTransaction } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { EVENTS_CHANNEL } from "@/lib/events/studio-event";
import { eventPayload } from "@/lib/events/publish-event";
import { checkBudgets } from "@/lib/spend/check-budgets";
import { enqueueFirstSubmit } from "@/lib/generations/enqueue-pipeline";
import type { ResolvedReference } from "@/lib/generations/resolve-references";

export type QueuedInput = Pick<ResolvedReference, "position" | "assetId" | "storageKey" | "sourceUrl">;
export type QueuedElement = { elementVersionId: string; position: number };

// The generation, its inputs and elements, its spend reservation and the "queued" event in one statement: the
// inputs, elements and reservation reference the generation inserted beside them (foreign keys are checked at the
// statement's end), and an empty recordset inserts nothing. Raw SQL on the plain pool (lib/db-pool.ts) because this
// is the submit path: Prisma spent ~7 ms CPU here (BENCHMARKS.md "Submit overhead").
const INSERT_QUEUED = {
  name: "generation-insert-queued",
  text: `WITH g AS (
           INSERT INTO "Generation" (id, "teamId", "projectId", "createdById", "apiKeyId", model, provider, mode, parameters,
                  prompt, "aspectRatio", resolution, "numImages", seed, status, "correlationId", "idempotencyKey", "webhookToken",
                  "estimatedCostMicros", "idempotencyRequestHash", "rerunOfId", "sourceAssetId", "collectionId", "queuedAt", "deadlineAt", "createdAt", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7::"Provider", $8::"GenerationMode", $9::jsonb, $10, $11, $12, $13, $14, 'queued',
                  $1, $15, $16, $17::bigint, $27, $18, $19, $28, $20::timestamp, $21::timestamp, $20::timestamp, $20::timestamp)
           RETURNING id),
         inputs AS (
           INSERT INTO "GenerationInput" (id, "generationId", position, "assetId", "storageKey", "sourceUrl")
           SELECT x.id, g.id, x.position, x."assetId", x."storageKey", x."sourceUrl"
             FROM g, jsonb_to_recordset($22::jsonb) AS x(id text, position int, "assetId" text, "storageKey" text, "sourceUrl" text)),
         elements AS (
           INSERT INTO "GenerationElement" ("generationId", "elementVersionId", position)
           SELECT g.id, x."elementVersionId", x.position FROM g, jsonb_to_recordset($23::jsonb) AS x("elementVersionId" text, position int)),
         reservation AS (
           INSERT INTO "SpendEntry" (id, "teamId", "projectId", "generationId", "userId", model, provider, kind, "amountMicros", "createdAt")
           SELECT $24, $2, $3, g.id, $4, $6, $7::"Provider", 'reservation', $17::bigint, $20::timestamp FROM g)
         SELECT pg_notify($25, $26) FROM g`,
};

/**
 * Records a validated submission as queued — with its reservation checked against the project's budgets when it
 * has any — and enqueues its submit job, all in one transaction: a crash leaves either all of it or none of it, so
 * there is never a queued generation without its job or a job without its row. Throws the budget's 402 or the
 * database's unique violation (a racing duplicate Idempotency-Key) with nothing written.
 */
export async function recordQueuedGeneration(options: {
  generation: Generation;
  inputs: QueuedInput[];
  elements: QueuedElement[];
  budgeted: boolean;
  /** The team has a monthly limit or member caps (lib/spend/check-budgets.ts). */
  capped: boolean;
}): Promise<void> {
  const { generation: g, inputs, elements, budgeted, capped } = options;
  const event = eventPayload({ type: "generation.status", projectId: g.projectId, generationId: g.id, status: "queued" });
  await withPgTransaction(async (client) => {
    if (budgeted || capped) {
      await checkBudgets({ client, teamId: g.teamId, projectId: g.projectId, userId: g.createdById, estimateMicros: g.estimatedCostMicros, budgeted, capped });
    }
    await client.query({
      ...INSERT_QUEUED,
      values: [
        g.id, g.teamId, g.projectId, g.createdById, g.apiKeyId, g.model, g.provider, g.mode, JSON.stringify(g.parameters),
        g.prompt, g.aspectRatio, g.resolution, g.numImages, g.seed, g.idempotencyKey, g.webhookToken,
        g.estimatedCostMicros.toString(), g.rerunOfId, g.sourceAssetId, g.createdAt.toISOString(), g.deadlineAt?.toISOString() ?? null,
        JSON.stringify(inputs.map((i) => ({ id: createId("generationInput"), ...i }))),
        JSON.stringify(elements),
        createId("spend"), EVENTS_CHANNEL, event, g.idempotencyRequestHash, g.collectionId,
      ],
    });
    await enqueueFirstSubmit(g.id, client);
  });
}
