import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Enqueued by a verified webhook: confirm with the provider's status API and record the result.
export const syncGenerationJob = defineJob({
  name: "generation.sync",
  payload: z.object({ generationId: z.string() }),
  policy: "stately",
  retryLimit: 3,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
});
