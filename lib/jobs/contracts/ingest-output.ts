import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Copies one provider output into our storage; idempotent, so a crash mid-way is simply run again.
export const ingestOutputJob = defineJob({
  name: "generation.ingest",
  payload: z.object({ outputId: z.string() }),
  policy: "stately",
  retryLimit: 5,
  retryDelaySeconds: 2,
  expireInSeconds: 180,
});
