import type { Generation } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ModelId } from "@/lib/kling/models";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";
import { failGeneration } from "@/lib/generations/fail-generation";
import { isTerminal } from "@/lib/generations/status-order";

/**
 * Cancels a job and releases its reservation. Before it reaches the provider that is always possible; afterwards
 * only where the provider can cancel, because a job we stop watching would still be made and billed.
 */
export async function cancelGeneration(options: { generation: Generation }) {
  const { generation } = options;
  if (isTerminal(generation.status)) throw new AppError("conflict", `This generation has already ${generation.status}.`);
  const reachedProvider = generation.status !== "queued" || generation.submittedAt !== null;
  if (reachedProvider) {
    const { adapter } = await adapterForTeam({ teamId: generation.teamId, provider: generation.provider });
    if (!adapter.cancel || !generation.providerTaskId) {
      throw new AppError("conflict", "This provider can't stop a job once it has started; it will finish shortly.");
    }
    await adapter.cancel({ providerTaskId: generation.providerTaskId, model: generation.model as ModelId });
  }
  const cancelled = await failGeneration({ generationId: generation.id, to: "cancelled", message: "Cancelled." });
  if (!cancelled) throw new AppError("conflict", "This generation finished before it could be cancelled.");
}
