import type { z } from "zod";
import type { JobContract } from "@/lib/jobs/define-job";

// What the worker does with a job: its contract (lib/jobs/contracts/) plus the handler and how many of it one worker
// process runs at once. Only the worker entry (lib/worker/registry.ts) imports these, so the domain code a handler
// calls can enqueue its contract without importing the handler back. Handlers throw RetryableJobError (lib/errors.ts)
// for failures worth another try (pg-boss retries with backoff); any other error is final.

export type JobHandler<S extends z.ZodType = z.ZodType> = {
  job: JobContract<S>;
  handle: (payload: z.infer<S>, meta: { jobId: string; retryCount: number }) => Promise<unknown>;
  /** How many of this job one worker process runs at once (WORKER_CONCURRENCY only lowers it). */
  concurrency: number;
};

export function defineHandler<S extends z.ZodType>(
  job: JobContract<S>,
  handler: Pick<JobHandler<S>, "handle"> & Partial<Pick<JobHandler<S>, "concurrency">>,
): JobHandler<S> {
  return { job, concurrency: 2, ...handler };
}
