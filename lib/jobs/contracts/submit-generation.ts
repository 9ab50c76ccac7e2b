import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Sends a queued generation to its provider. Retries (rate limits with Retry-After, transient errors) are
// scheduled by submitToProvider itself as new delayed jobs, so pg-boss's own retry only covers crashes.
export const submitGenerationJob = defineJob({
  name: "generation.submit",
  // reconcile: set by the attempt holding the submit claim when it lost track of a send (submit-to-provider.ts).
  payload: z.object({ generationId: z.string(), attempt: z.number().int().min(0).default(0), reconcile: z.boolean().default(false) }),
  policy: "stately",
  retryLimit: 3,
  expireInSeconds: 120,
});
