import type { z } from "zod";

// A job's contract: its queue name, its zod payload and the queue's options. Contracts live in lib/jobs/contracts/
// and import nothing but zod and this file, so domain code can enqueue a job without importing what the job does;
// the handlers (lib/worker/handlers/) are registered only by the worker entry. That split is what keeps
// generations → jobs → generations from looping (scripts/check-cycles.ts fails on any loop).

export type JobContract<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  /** Cron schedule for recurring jobs (UTC). */
  schedule?: string;
  /**
   * pg-boss queue policy. `stately` with a singletonKey per entity (one queued + one active per key) is what our
   * pipeline jobs use: duplicates collapse, yet a running job can still schedule its own successor.
   */
  policy: "standard" | "stately";
};

export function defineJob<S extends z.ZodType>(job: Pick<JobContract<S>, "name" | "payload"> & Partial<JobContract<S>>): JobContract<S> {
  return { retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 300, policy: "standard", ...job };
}
