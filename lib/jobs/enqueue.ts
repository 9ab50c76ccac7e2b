import type { z } from "zod";
import type { JobContract } from "@/lib/jobs/define-job";
import { boss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/ensure-queue";
import { logContext } from "@/lib/observability/log-context";

/** The request id of whatever is enqueueing, so the worker's logs of this job carry it (lib/worker/run-worker.ts). */
function withTrace(data: object): object {
  const { requestId } = logContext();
  return requestId ? { ...data, requestId } : data;
}

/** Retry and expiry as the job defines them, the same for a single send and a batch insert. */
function jobOptions(job: JobContract<z.ZodType>) {
  return { retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds, retryBackoff: true, expireInSeconds: job.expireInSeconds };
}

/**
 * Validates the payload against the job's schema before it reaches the queue, so a bad payload fails the caller
 * instead of a worker. `singletonKey` makes a second enqueue of the same logical job a no-op while one is queued.
 */
export async function enqueue<S extends z.ZodType>(
  job: JobContract<S>,
  payload: z.input<S>,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const data = withTrace(job.payload.parse(payload) as object);
  const b = await boss();
  await ensureQueue(b, job as unknown as JobContract);
  return b.send(job.name, data, {
    ...jobOptions(job),
    singletonKey: options.singletonKey,
    startAfter: options.startAfterSeconds,
  });
}

/** Where a batch insert runs: a caller's transaction (e.g. a `pg` client inside BEGIN … COMMIT) instead of pg-boss's pool. */
export type JobExecutor = { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * Many jobs of one kind in one INSERT (pg-boss `insert`), e.g. a batch of syncs. Duplicates of a queued singleton
 * are dropped by the queue's unique index, as with `enqueue`. With `executor`, the jobs commit or roll back with the
 * caller's transaction.
 */
export async function enqueueMany<S extends z.ZodType>(
  job: JobContract<S>,
  items: { payload: z.input<S>; singletonKey?: string; startAfterSeconds?: number }[],
  options: { executor?: JobExecutor } = {},
): Promise<void> {
  if (items.length === 0) return;
  const b = await boss();
  await ensureQueue(b, job as unknown as JobContract);
  const { executor } = options;
  // In singleton-key order: two transactions inserting overlapping keys (two workers' webhook drains, each with syncs
  // for the same generations) wait on each other's entries in the queue's unique index, and in opposite orders they
  // deadlock; in one order the second simply waits for the first to commit.
  const ordered = [...items].sort((a, b) => compareKeys(a.singletonKey ?? "", b.singletonKey ?? ""));
  await b.insert(
    job.name,
    ordered.map((item) => ({
      data: withTrace(job.payload.parse(item.payload) as object),
      singletonKey: item.singletonKey,
      startAfter: item.startAfterSeconds,
      ...jobOptions(job),
    })),
    executor ? { db: { executeSql: (text, values) => executor.query(text, values) as Promise<{ rows: never[] }> } } : {},
  );
}

// Code-unit order, the same in every process whatever its locale.
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
