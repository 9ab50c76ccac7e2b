import { defineHandler } from "@/lib/worker/define-handler";
import { syncGenerationJob } from "@/lib/jobs/contracts/sync-generation";
import { syncFromProvider } from "@/lib/generations/sync-from-provider";

// Four loops: a sync is a status read at the provider plus one transaction, mostly waiting on the network; with two,
// the syncs of 30 generations finishing at once queued for up to 9 s before their images could be fetched
// (BENCHMARKS.md, ingest latency).
export const syncGenerationHandler = defineHandler(syncGenerationJob, {
  concurrency: 4,
  handle: ({ generationId }) => syncFromProvider({ generationId }),
});
