import type { z } from "zod";

// A job is a name, a zod payload and a handler. Handlers throw RetryableJobError for failures worth another try
// (pg-boss retries with backoff); any other error is final and the job fails at once.

export class RetryableJobError extends Error {
  override name = "RetryableJobError";
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  handler: (payload: z.infer<S>, meta: { jobId: string; retryCount: number }) => Promise<void>;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  /** How many of this job one worker process runs at once. */
  concurrency: number;
  /** Cron schedule for recurring jobs (UTC). */
  schedule?: string;
  /**
   * pg-boss queue policy. `stately` with a singletonKey per entity (one queued + one active per key) is what our
   * pipeline jobs use: duplicates collapse, yet a running job can still schedule its own successor.
   */
  policy: "standard" | "stately";
};

export function defineJob<S extends z.ZodType>(
  job: Pick<JobDefinition<S>, "name" | "payload" | "handler"> & Partial<JobDefinition<S>>,
): JobDefinition<S> {
  return { retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 300, concurrency: 2, policy: "standard", ...job };
}
