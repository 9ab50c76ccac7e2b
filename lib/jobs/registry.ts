import type { JobDefinition } from "@/lib/jobs/define-job";
import { purgeRateLimits } from "@/lib/jobs/jobs/purge-rate-limits";

// Every job the worker runs. Adding a job = one file in lib/jobs/jobs/ and one line here.
export const JOBS: JobDefinition[] = [purgeRateLimits];
