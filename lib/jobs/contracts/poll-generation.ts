import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// The safety net under webhooks: asks the provider until the job is finished, backing off to a cap.
export const pollGenerationJob = defineJob({
  name: "generation.poll",
  payload: z.object({ generationId: z.string(), attempt: z.number().int().min(0).default(0) }),
  policy: "stately",
  retryLimit: 2,
  expireInSeconds: 120,
});
