import type { JobDefinition } from "@/lib/jobs/define-job";
import { purgeRateLimits } from "@/lib/jobs/jobs/purge-rate-limits";
import { submitGenerationJob } from "@/lib/jobs/jobs/submit-generation";
import { pollGenerationJob } from "@/lib/jobs/jobs/poll-generation";
import { syncGenerationJob } from "@/lib/jobs/jobs/sync-generation";
import { ingestOutputJob } from "@/lib/jobs/jobs/ingest-output";
import { sweepStuckJob } from "@/lib/jobs/jobs/sweep-stuck";
import { purgeTrashJob } from "@/lib/jobs/jobs/purge-trash";

// Every job the worker runs. Adding a job = one file in lib/jobs/jobs/ and one line here.
export const JOBS: JobDefinition[] = [
  submitGenerationJob,
  pollGenerationJob,
  syncGenerationJob,
  ingestOutputJob,
  sweepStuckJob,
  purgeRateLimits,
  purgeTrashJob,
] as JobDefinition[];
