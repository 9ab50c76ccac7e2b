import { defineHandler } from "@/lib/worker/define-handler";
import { syncGenerationJob } from "@/lib/jobs/contracts/sync-generation";
import { syncFromProvider } from "@/lib/generations/sync-from-provider";

export const syncGenerationHandler = defineHandler(syncGenerationJob, {
  concurrency: 2,
  handle: ({ generationId }) => syncFromProvider({ generationId }),
});
