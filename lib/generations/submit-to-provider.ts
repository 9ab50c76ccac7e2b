import { ProviderError } from "@/lib/providers/provider-error";
import { cachedAdapter } from "@/lib/providers-config/cached-adapter";
import type { ModelId } from "@/lib/kling/models";
import { modeFromDb } from "@/lib/kling/models";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import { buildProviderInputs } from "@/lib/generations/build-provider-inputs";
import { CLAIM_LEASE_MS, claimProviderSlot, markSubmitted, releaseSubmitClaim } from "@/lib/generations/submit-claim";
import { loadAndClaimSubmission } from "@/lib/generations/load-and-claim-submission";
import { failGeneration } from "@/lib/generations/fail-generation";
import { applyProviderStatus } from "@/lib/generations/apply-provider-status";
import { enqueuePoll, enqueueSubmit } from "@/lib/generations/enqueue-pipeline";
import { firstPollDelaySeconds } from "@/lib/generations/poll-schedule";
import { describeFailure } from "@/lib/generations/describe-failure";
import { env } from "@/lib/env";
import type { ProviderId } from "@/lib/kling/providers";
import { registerProviderElements } from "@/lib/elements/register-provider-elements";

const MAX_ATTEMPTS = 6;
const SLOT_WAIT_SECONDS = 2;
const RECONCILE_AFTER_SECONDS = 2;

/**
 * One attempt to hand a queued generation to its provider; any number may run at once, from the process that created
 * the generation (start-first-submit.ts) and from workers. Only the attempt holding the generation's submit claim
 * (exclusive, submit-claim.ts) sends it; anything not "queued" is left alone; and a claim left by an attempt
 * that may have reached the provider is reconciled by our correlation id before anything is sent again — a resubmit
 * must never pay twice for one job. `reconcile` is set only on the follow-up its holder scheduled after losing track
 * of a send, which may reconcile the claim at once instead of waiting out the lease.
 */
export async function submitToProvider(options: { generationId: string; attempt: number; reconcile?: boolean }) {
  const { generationId, attempt } = options;
  const now = new Date();
  const loaded = await loadAndClaimSubmission(generationId, now);
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
    if (loaded.claimed) await releaseSubmitClaim({ generationId, claimedAt: now });
    throw error;
  }
  const model = generation.model as ModelId;

  if (generation.submittedAt) {
    const heldForMs = now.getTime() - generation.submittedAt.getTime();
    // Another attempt holds the claim and may be talking to the provider right now.
    if (!options.reconcile && heldForMs < CLAIM_LEASE_MS) return;
    // An earlier attempt claimed a slot and may have reached the provider before we lost track of it.
    const found = adapter.findByCorrelationId ? await adapter.findByCorrelationId({ correlationId: generation.correlationId, model }) : undefined;
    if (found) {
      await markSubmitted({ generationId, providerTaskId: found.providerTaskId, projectId: generation.projectId });
      await applyProviderStatus({ generationId, result: found });
      await enqueuePoll(generationId, { delaySeconds: 1, provider: generation.provider });
      return;
    }
    if (found === undefined) {
      await failGeneration({ generationId, to: "failed", errorClass: "transient", message: "We lost contact with the provider while sending this job and cannot tell whether it started, so it was not resent. Try again." });
      return;
    }
    // Not at the provider: give the old claim back and claim afresh — unless another reconciling attempt got there first.
    if (!(await releaseSubmitClaim({ generationId, claimedAt: generation.submittedAt }))) return;
  }

  // Usually already claimed by loadAndClaimSubmission; after a reconciliation above, or when the load lost a race, claimed here.
  const claimedAt = loaded.claimed ? now : new Date();
  const claimed = loaded.claimed ?? (await claimProviderSlot({ generation, credentialId: credential?.id ?? null, claimedAt }));
  if (claimed === null) return; // another attempt holds it
  if (!claimed) {
    await enqueueSubmit(generationId, { attempt, delaySeconds: SLOT_WAIT_SECONDS });
    return;
  }
  let inputs;
  try {
    inputs = await buildProviderInputs({
      images: generationInputs.map((i) => ({ storageKey: i.storageKey, width: i.asset?.width, height: i.asset?.height })),
      elements: generationElements.map((e) => ({ element: e.elementVersion.element, version: e.elementVersion })),
    });
  } catch (error) {
    // Nothing has been sent: give the claim back, so the next attempt (the job's retry, or the backstop after a first
    // attempt) starts afresh instead of waiting out the lease.
    await releaseSubmitClaim({ generationId, claimedAt });
    throw error;
  }
  // From here the claim is ours to end: record the submit, give the claim back for a retry, or hand it to a follow-up
  // that reconciles it. Nobody else touches a young claim.
  // Elements a provider takes by its own library id are registered there first (once per version and key); when the
  // provider answers that an id is gone (deleted there), those elements are registered afresh and the job sent again,
  // once — the refusal created nothing, so the resend cannot pay twice.
  const library = generationElements.length ? adapter.elements : undefined;
  let sentIds: string[] = [];
  const send = async (stale: string[]) => {
    const ready = library
      ? await registerProviderElements({
          provider: generation.provider,
          library,
          elements: generationElements.map((e) => ({ element: e.elementVersion.element, version: e.elementVersion })),
          inputs,
          stale,
        })
      : inputs;
    sentIds = ready.elements.flatMap((e) => (e.klingElementId ? [e.klingElementId] : []));
    return adapter.submit({
      correlationId: generation.correlationId,
      model,
      mode: modeFromDb(generation.mode),
      params: generation.parameters as GenerationParams,
      inputs: ready,
      webhookUrl: webhookUrlFor(generation.provider),
    });
  };
  try {
    const { providerTaskId } = await send([]).catch((error: unknown) => {
      if (!(library && error instanceof ProviderError && error.elementMissing)) throw error;
      // The provider's message names the missing id when it can; otherwise every id sent is suspect.
      const named = sentIds.filter((id) => error.message.includes(id));
      return send(named.length ? named : sentIds);
    });
    await markSubmitted({ generationId, providerTaskId, projectId: generation.projectId });
    await enqueuePoll(generationId, { delaySeconds: firstPollDelaySeconds(generation.provider), provider: generation.provider });
  } catch (error) {
    if (error instanceof ProviderError && error.ambiguous) {
      // Keep the claim: the follow-up reconciles by correlation id before sending anything.
      await enqueueSubmit(generationId, { attempt: attempt + 1, delaySeconds: RECONCILE_AFTER_SECONDS, reconcile: true });
      return;
    }
    if (error instanceof ProviderError && error.retryable && attempt + 1 < MAX_ATTEMPTS) {
      await releaseSubmitClaim({ generationId, claimedAt });
      const delaySeconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 2 ** attempt * 1000) / 1000));
      await enqueueSubmit(generationId, { attempt: attempt + 1, delaySeconds });
      return;
    }
    if (error instanceof ProviderError) {
      await failGeneration({
        generationId,
        to: "failed",
        errorClass: error.errorClass,
        message: describeFailure({ errorClass: error.errorClass, provider: generation.provider, detail: error.message }),
      });
      return;
    }
    // Not the provider's answer (a bug, the database failing while recording it): the send may or may not have
    // happened, so the claim goes to a follow-up that reconciles it, and the error is still thrown to be logged (a
    // job's own retry then finds the claim young and leaves it). Should the follow-up not be queued either, the
    // sweeper reconciles the generation once the lease has run out.
    await enqueueSubmit(generationId, { attempt: attempt + 1, delaySeconds: RECONCILE_AFTER_SECONDS, reconcile: true });
    throw error;
  }
}

/** Where a provider should deliver updates; adapters append the job's id and token. Segmind sends none. */
export function webhookUrlFor(provider: ProviderId): string | undefined {
  if (provider === "segmind") return undefined;
  const base = (env().WEBHOOK_BASE_URL ?? env().APP_URL).replace(/\/+$/, "");
  return `${base}/api/webhooks/${provider}`;
}
