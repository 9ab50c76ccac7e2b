import { RetryableJobError } from "@/lib/errors";
import { defineHandler } from "@/lib/worker/define-handler";
import { pollGenerationJob } from "@/lib/jobs/contracts/poll-generation";
import { syncFromProvider } from "@/lib/generations/sync-from-provider";
import { enqueuePoll } from "@/lib/generations/enqueue-pipeline";
import { nextPollDelaySeconds } from "@/lib/generations/poll-schedule";

// Backs off to a cap (steady for providers that never call back); the deadline check inside syncFromProvider ends it, so no job stays running past its deadline.
export const pollGenerationHandler = defineHandler(pollGenerationJob, {
  concurrency: 2,
  async handle({ generationId, attempt, provider }) {
    let outcome: "finished" | "pending";
    try {
      outcome = await syncFromProvider({ generationId });
    } catch (error) {
      if (!(error instanceof RetryableJobError)) throw error;
      const delay = Math.max(nextPollDelaySeconds({ attempt, provider }), Math.ceil((error.retryAfterMs ?? 0) / 1000));
      await enqueuePoll(generationId, { attempt: attempt + 1, delaySeconds: delay, provider });
      return;
    }
    if (outcome === "pending") await enqueuePoll(generationId, { attempt: attempt + 1, delaySeconds: nextPollDelaySeconds({ attempt, provider }), provider });
  },
});
