import { z } from "zod";
import { defineJob, RetryableJobError } from "@/lib/jobs/define-job";
import { syncFromProvider } from "@/lib/generations/sync-from-provider";
import { enqueuePoll } from "@/lib/generations/enqueue-pipeline";
import { nextPollDelaySeconds } from "@/lib/generations/poll-schedule";

// The safety net under webhooks: asks the provider until the job is finished, backing off to a cap. The deadline
// check inside syncFromProvider ends it, so no job stays running past its deadline.
export const pollGenerationJob = defineJob({
  name: "generation.poll",
  payload: z.object({ generationId: z.string(), attempt: z.number().int().min(0).default(0) }),
  policy: "stately",
  retryLimit: 2,
  expireInSeconds: 120,
  concurrency: 2,
  async handler({ generationId, attempt }) {
    let outcome: "finished" | "pending";
    try {
      outcome = await syncFromProvider({ generationId });
    } catch (error) {
      if (!(error instanceof RetryableJobError)) throw error;
      const delay = Math.max(nextPollDelaySeconds(attempt), Math.ceil((error.retryAfterMs ?? 0) / 1000));
      await enqueuePoll(generationId, { attempt: attempt + 1, delaySeconds: delay });
      return;
    }
    if (outcome === "pending") await enqueuePoll(generationId, { attempt: attempt + 1, delaySeconds: nextPollDelaySeconds(attempt) });
  },
});
