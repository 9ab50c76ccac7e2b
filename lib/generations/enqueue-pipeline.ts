import { enqueue, enqueueMany, type JobExecutor } from "@/lib/jobs/enqueue";
import { submitGenerationJob } from "@/lib/jobs/jobs/submit-generation";
import { pollGenerationJob } from "@/lib/jobs/jobs/poll-generation";
import { syncGenerationJob } from "@/lib/jobs/jobs/sync-generation";
import { ingestOutputJob } from "@/lib/jobs/jobs/ingest-output";

// One singleton key per entity: with the `stately` queue policy at most one of each is queued (and one running),
// so webhook bursts and the sweeper can enqueue freely without multiplying work.

export function enqueueSubmit(generationId: string, options: { attempt?: number; delaySeconds?: number } = {}) {
  return enqueue(
    submitGenerationJob,
    { generationId, attempt: options.attempt ?? 0 },
    { singletonKey: generationId, startAfterSeconds: options.delaySeconds },
  );
}

/** A new generation's first submit, inside the transaction that records the generation: neither exists without the other. */
export function enqueueFirstSubmit(generationId: string, executor: JobExecutor) {
  return enqueueMany(submitGenerationJob, [{ payload: { generationId, attempt: 0 }, singletonKey: generationId }], { executor });
}

export function enqueuePoll(generationId: string, options: { attempt?: number; delaySeconds?: number } = {}) {
  return enqueue(
    pollGenerationJob,
    { generationId, attempt: options.attempt ?? 0 },
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
