import { defineHandler } from "@/lib/worker/define-handler";
import { ingestOutputJob } from "@/lib/jobs/contracts/ingest-output";
import { ingestOutput } from "@/lib/assets/ingest-output";

export const ingestOutputHandler = defineHandler(ingestOutputJob, {
  concurrency: 4,
  handle: ({ outputId }) => ingestOutput({ outputId }),
});
