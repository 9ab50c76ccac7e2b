import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { StatusResult } from "@/lib/providers/types";
import type { ModelId } from "@/lib/kling/models";
import type { Resolution } from "@/lib/kling/options";
import { transitionGeneration } from "@/lib/generations/transition-generation";
import { isTerminal } from "@/lib/generations/status-order";
import { failGeneration } from "@/lib/generations/fail-generation";
import { describeFailure } from "@/lib/generations/describe-failure";
import { actualCostMicros } from "@/lib/spend/actual-cost";
import { settleSpend } from "@/lib/spend/close-spend";
import { enqueueIngest } from "@/lib/generations/enqueue-pipeline";

/**
 * Records what the provider says about a job (from polling, or a webhook confirmed against the status API).
 * Success moves the generation to succeeded, records its outputs and settles the spend in one transaction; only
 * the caller whose transition wins does that, so duplicates and races settle once. Returns whether it is finished.
 */
export async function applyProviderStatus(options: { generationId: string; result: StatusResult }): Promise<"finished" | "pending"> {
  const { generationId, result } = options;
  const generation = await db.generation.findUniqueOrThrow({ where: { id: generationId } });
  if (isTerminal(generation.status)) return "finished";

  switch (result.status) {
    case "queued":
      return "pending";
    case "running":
      await transitionGeneration({ generationId, to: "running" });
      return "pending";
    case "failed":
    case "cancelled":
      await failGeneration({
        generationId,
        to: result.status === "cancelled" ? "cancelled" : "failed",
        errorClass: result.error?.class ?? "transient",
        message:
          result.status === "cancelled"
            ? "The provider cancelled this job."
            : describeFailure({ errorClass: result.error?.class ?? "transient", provider: generation.provider, detail: result.error?.message }),
      });
      return "finished";
    case "succeeded": {
      if (result.outputs.length === 0) {
        await failGeneration({ generationId, to: "failed", errorClass: "transient", message: "The provider finished but returned no images." });
        return "finished";
      }
      const outputIds = await db.$transaction(async (tx) => {
        if (!(await transitionGeneration({ generationId, to: "succeeded", tx }))) return [];
        const outputs = result.outputs.map((o, index) => ({ id: createId("generationOutput"), generationId, index, providerUrl: o.url, seed: o.seed ?? null }));
        await tx.generationOutput.createMany({ data: outputs, skipDuplicates: true });
        const cost = actualCostMicros({
          provider: generation.provider,
          model: generation.model as ModelId,
          resolution: generation.resolution as Resolution,
          imagesReturned: result.outputs.length,
          providerCostMicros: result.providerCostMicros,
        });
        await settleSpend(tx, generation, cost);
        return (await tx.generationOutput.findMany({ where: { generationId }, select: { id: true } })).map((o) => o.id);
      });
      // After commit: a crash here leaves outputs pending, and the sweeper enqueues them.
      for (const id of outputIds) await enqueueIngest(id);
      return "finished";
    }
  }
}
