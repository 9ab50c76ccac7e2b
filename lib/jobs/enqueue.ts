import type { z } from "zod";
import type { JobDefinition } from "@/lib/jobs/define-job";
import { boss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/ensure-queue";

/**
 * Validates the payload against the job's schema before it reaches the queue, so a bad payload fails the caller
 * instead of a worker. `singletonKey` makes a second enqueue of the same logical job a no-op while one is queued.
 */
export async function enqueue<S extends z.ZodType>(
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const data = job.payload.parse(payload) as object;
  const b = await boss();
  await ensureQueue(b, job as unknown as JobDefinition);
  return b.send(job.name, data, {
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds,
    singletonKey: options.singletonKey,
    startAfter: options.startAfterSeconds,
  });
}
