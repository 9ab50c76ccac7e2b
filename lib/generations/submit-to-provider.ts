import { db } from "@/lib/db";
import { ProviderError } from "@/lib/providers/provider-error";
import { cachedAdapter } from "@/lib/providers-config/cached-adapter";
import type { ModelId } from "@/lib/kling/models";
import { modeFromDb } from "@/lib/kling/models";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import { buildProviderInputs } from "@/lib/generations/build-provider-inputs";
import { claimProviderSlot } from "@/lib/generations/claim-provider-slot";
import { loadSubmission } from "@/lib/generations/load-submission";
import { markSubmitted } from "@/lib/generations/mark-submitted";
import { failGeneration } from "@/lib/generations/fail-generation";
import { applyProviderStatus } from "@/lib/generations/apply-provider-status";
import { webhookUrlFor } from "@/lib/generations/webhook-url";
import { enqueuePoll, enqueueSubmit } from "@/lib/generations/enqueue-pipeline";
import { firstPollDelaySeconds } from "@/lib/generations/poll-schedule";
import { describeFailure } from "@/lib/generations/describe-failure";

const MAX_ATTEMPTS = 6;
const SLOT_WAIT_SECONDS = 2;

/**
 * One attempt to hand a queued generation to its provider. Safe to run twice: anything not "queued" is left
 * alone, and a claim left by an attempt that may have reached the provider is reconciled by our correlation id
 * before anything is sent again — a resubmit must never pay twice for one job.
 */
export async function submitToProvider(options: { generationId: string; attempt: number }) {
  const { generationId, attempt } = options;
  const now = new Date();
  const loaded = await loadSubmission(generationId, now);
  if (!loaded || loaded.generation.status !== "queued") return;
  const { generation, inputs: generationInputs, elements: generationElements, credential } = loaded;
  if (generation.deadlineAt && generation.deadlineAt < now) {
    await failGeneration({ generationId, to: "failed", errorClass: "timeout", message: "The job could not be sent to the provider before its deadline." });
    return;
  }
  let adapter;
  try {
    adapter = cachedAdapter({ teamId: generation.teamId, provider: generation.provider, credential });
  } catch (error) {
    // No usable key (e.g. the team's credential was deleted or can't be decrypted): hand back the slot the load just
    // took, so a job that can't be sent doesn't hold one of the credential's in-flight places.
    if (loaded.claimed) await releaseSlot(generationId);
    throw error;
  }
  const model = generation.model as ModelId;

  if (generation.submittedAt) {
    // An earlier attempt claimed a slot and may have reached the provider before we lost track of it.
    const found = adapter.findByCorrelationId ? await adapter.findByCorrelationId({ correlationId: generation.correlationId, model }) : undefined;
    if (found) {
      await markSubmitted({ generationId, providerTaskId: found.providerTaskId, projectId: generation.projectId });
      await applyProviderStatus({ generationId, result: found });
      await enqueuePoll(generationId, { delaySeconds: 1 });
      return;
    }
    if (found === undefined) {
      await failGeneration({ generationId, to: "failed", errorClass: "transient", message: "We lost contact with the provider while sending this job and cannot tell whether it started, so it was not resent. Try again." });
      return;
    }
    await releaseSlot(generationId);
    generation.submittedAt = null;
  }

  // Usually already claimed by loadSubmission; after a reconciliation above it is claimed here.
  const claimed = loaded.claimed ?? (await claimProviderSlot({ generation, credentialId: credential?.id ?? null }));
  if (!claimed) {
    await enqueueSubmit(generationId, { attempt, delaySeconds: SLOT_WAIT_SECONDS });
    return;
  }
  const inputs = await buildProviderInputs({
    images: generationInputs.map((i) => ({ storageKey: i.storageKey, width: i.asset?.width, height: i.asset?.height })),
    elements: generationElements.map((e) => ({ element: e.elementVersion.element, version: e.elementVersion })),
  });
  try {
    const { providerTaskId } = await adapter.submit({
      correlationId: generation.correlationId,
      model,
      mode: modeFromDb(generation.mode),
      params: generation.parameters as GenerationParams,
      inputs,
      webhookUrl: webhookUrlFor(generation.provider),
    });
    await markSubmitted({ generationId, providerTaskId, projectId: generation.projectId });
    await enqueuePoll(generationId, { delaySeconds: firstPollDelaySeconds(generation.provider) });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.ambiguous) {
      // Keep the claim: the next attempt reconciles by correlation id before sending anything.
      await enqueueSubmit(generationId, { attempt: attempt + 1, delaySeconds: 2 });
      return;
    }
    if (error.retryable && attempt + 1 < MAX_ATTEMPTS) {
      await releaseSlot(generationId);
      const delaySeconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 2 ** attempt * 1000) / 1000));
      await enqueueSubmit(generationId, { attempt: attempt + 1, delaySeconds });
      return;
    }
    await failGeneration({
      generationId,
      to: "failed",
      errorClass: error.errorClass,
      message: describeFailure({ errorClass: error.errorClass, provider: generation.provider, detail: error.message }),
    });
  }
}

/** Gives back a queued generation's claim on a provider slot (the claim is its submittedAt while still queued). */
function releaseSlot(generationId: string) {
  return db.generation.updateMany({ where: { id: generationId, status: "queued" }, data: { submittedAt: null } });
}
