import { db } from "@/lib/db";
import { ProviderError } from "@/lib/providers/provider-error";
import { askProviderStatus } from "@/lib/generations/ask-provider-status";
import { RetryableJobError } from "@/lib/errors";
import { applyProviderStatus } from "@/lib/generations/apply-provider-status";
import { failGeneration } from "@/lib/generations/fail-generation";
import { isTerminal } from "@/lib/generations/status-order";
import { describeFailure } from "@/lib/generations/describe-failure";

/**
 * Asks the provider's status API — the truth, whatever a webhook claimed — and records the answer. Returns
 * "finished" when nothing more will happen, "pending" when the job is still running at the provider.
 */
export async function syncFromProvider(options: { generationId: string }): Promise<"finished" | "pending"> {
  const generation = await db.generation.findUnique({ where: { id: options.generationId } });
  if (!generation || isTerminal(generation.status)) return "finished";
  if (!generation.providerTaskId) return "pending";
  if (generation.deadlineAt && generation.deadlineAt < new Date()) {
    await failGeneration({
      generationId: generation.id,
      to: "failed",
      errorClass: "timeout",
      message: "The provider did not finish this job in time, so we stopped waiting for it.",
    });
    return "finished";
  }
  try {
    const result = await askProviderStatus({ generation: { ...generation, providerTaskId: generation.providerTaskId } });
    return await applyProviderStatus({ generationId: generation.id, result });
  } catch (error) {
    if (error instanceof ProviderError && !error.retryable) {
      await failGeneration({
        generationId: generation.id,
        to: "failed",
        errorClass: error.errorClass,
        message: describeFailure({ errorClass: error.errorClass, provider: generation.provider, detail: error.message }),
      });
      return "finished";
    }
    // Outages and rate limits: try again later; the deadline bounds how long.
    if (error instanceof ProviderError) throw new RetryableJobError(error.message, error.retryAfterMs);
    throw error;
  }
}
