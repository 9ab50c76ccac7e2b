import { enqueue, enqueueMany, type JobExecutor } from "@/lib/jobs/enqueue";
import { submitGenerationJob } from "@/lib/jobs/contracts/submit-generation";
import { pollGenerationJob } from "@/lib/jobs/contracts/poll-generation";
import { syncGenerationJob } from "@/lib/jobs/contracts/sync-generation";
import { ingestOutputJob } from "@/lib/jobs/contracts/ingest-output";

// One singleton key per entity: with the `stately` queue policy at most one of each is queued (and one running),
// so webhook bursts and the sweeper can enqueue freely without multiplying work.

export function enqueueSubmit(generationId: string, options: { attempt?: number; delaySeconds?: number; reconcile?: boolean } = {}) {
  return enqueue(
    submitGenerationJob,
    { generationId, attempt: options.attempt ?? 0, reconcile: options.reconcile ?? false },
    { singletonKey: generationId, startAfterSeconds: options.delaySeconds },
  );
}

/**
 * How long a new generation's queued submit job waits before it runs. The process that created the generation sends
 * it right after the commit (start-first-submit.ts); this job is the backstop for when that process died first, so it
 * only needs to come soon after, not race it.
 */
export const FIRST_SUBMIT_BACKSTOP_SECONDS = 5;

/**
 * A new generation's backstop submit, inside the transaction that records the generation: neither exists without the
 * other. Its own singleton key, so that what the first attempt schedules next (a retry, a reconciliation, all under the
 * generation's id) is never dropped as a duplicate of it; the submit claim, not the queue, keeps attempts apart.
 */
export function enqueueFirstSubmit(generationId: string, executor: JobExecutor) {
  return enqueueMany(
    submitGenerationJob,
    [{ payload: { generationId, attempt: 0 }, singletonKey: `${generationId}:first`, startAfterSeconds: FIRST_SUBMIT_BACKSTOP_SECONDS }],
    { executor },
  );
}

export function enqueuePoll(generationId: string, options: { attempt?: number; delaySeconds?: number; provider?: string } = {}) {
  return enqueue(
    pollGenerationJob,
    { generationId, attempt: options.attempt ?? 0, ...(options.provider ? { provider: options.provider } : {}) },
    { singletonKey: generationId, startAfterSeconds: options.delaySeconds },
  );
}

export function enqueueSync(generationId: string) {
  return enqueue(syncGenerationJob, { generationId }, { singletonKey: generationId });
}

/** A sync for each generation in one statement; with `executor`, inside the caller's transaction. */
export function enqueueSyncs(generationIds: string[], options: { executor?: JobExecutor } = {}) {
  return enqueueMany(
    syncGenerationJob,
    generationIds.map((generationId) => ({ payload: { generationId }, singletonKey: generationId })),
    options,
  );
}

export function enqueueIngest(outputId: string, options: { delaySeconds?: number } = {}) {
  return enqueue(ingestOutputJob, { outputId }, { singletonKey: outputId, startAfterSeconds: options.delaySeconds });
}
