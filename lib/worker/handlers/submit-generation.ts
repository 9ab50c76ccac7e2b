import { defineHandler } from "@/lib/worker/define-handler";
import { submitGenerationJob } from "@/lib/jobs/contracts/submit-generation";
import { submitToProvider } from "@/lib/generations/submit-to-provider";

export const submitGenerationHandler = defineHandler(submitGenerationJob, {
  concurrency: 2,
  handle: (payload) => submitToProvider(payload),
});
