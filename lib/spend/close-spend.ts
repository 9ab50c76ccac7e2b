import type { Tx } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Generation } from "@/lib/generated/prisma/client";
import type { JobCost } from "@/lib/spend/actual-cost";

// Both functions append to the ledger inside the transaction that made the generation terminal. The unique
// (generationId, kind) constraint plus skipDuplicates make a second call a no-op: money is never counted twice.

type Row = Pick<Generation, "id" | "teamId" | "projectId" | "createdById" | "model" | "provider" | "estimatedCostMicros">;

function entry(generation: Row, kind: "settlement" | "release", amountMicros: bigint) {
  return {
    id: createId("spend"),
    teamId: generation.teamId,
    projectId: generation.projectId,
    generationId: generation.id,
    userId: generation.createdById,
    model: generation.model,
    provider: generation.provider,
    kind,
    amountMicros,
  };
}

/** Success: record the actual cost (and the provider's and price table's figures beside it) and release the reservation. */
export async function settleSpend(tx: Tx, generation: Row, cost: JobCost) {
  await tx.spendEntry.createMany({
    data: [entry(generation, "settlement", cost.actualMicros), entry(generation, "release", -generation.estimatedCostMicros)],
    skipDuplicates: true,
  });
  await tx.generation.update({
    where: { id: generation.id },
    data: { actualCostMicros: cost.actualMicros, providerCostMicros: cost.providerMicros, listCostMicros: cost.listMicros },
  });
}

/** Failure or cancellation: give the reservation back. */
export async function releaseSpend(tx: Tx, generation: Row) {
  await tx.spendEntry.createMany({
    data: [entry(generation, "release", -generation.estimatedCostMicros)],
    skipDuplicates: true,
  });
}
