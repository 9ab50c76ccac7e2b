import { defineHandler } from "@/lib/worker/define-handler";
import { ingestOutputJob } from "@/lib/jobs/contracts/ingest-output";
import { ingestOutput } from "@/lib/assets/ingest-output";

// Eight loops: a loop holds its job from the download to the last put, and provider links can expire, so when a burst of
// generations finishes together the downloads must start without waiting for earlier images' thumbnails. The CPU and
// memory heavy part (the decode) is limited to one per core by withDecodeSlot whatever this figure is; with four
// loops, 30 generations × 4 images finishing at once waited up to 17 s to start downloading (BENCHMARKS.md, ingest
// latency).
export const ingestOutputHandler = defineHandler(ingestOutputJob, {
  concurrency: 8,
  handle: ({ outputId }) => ingestOutput({ outputId }),
});
