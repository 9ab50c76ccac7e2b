import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// The safety net under webhooks: asks the provider until the job is finished, backing off to a cap.
export const pollGenerationJob = defineJob({
  name: "generation.poll",
  // provider: the cadence depends on it (lib/generations/poll-schedule.ts); absent in jobs enqueued before it existed.
  payload: z.object({ generationId: z.string(), attempt: z.number().int().min(0).default(0), provider: z.string().optional() }),
  policy: "stately",
  retryLimit: 2,
  expireInSeconds: 120,
});
