import type { PgBoss } from "pg-boss";
import type { JobContract } from "@/lib/jobs/define-job";

// pg-boss refuses to send to a queue that doesn't exist. Whoever touches a queue first (the app sending, or a
// worker starting) creates it with the job's options; createQueue is a no-op when it already exists.
const ensured = new WeakMap<PgBoss, Set<string>>();

export async function ensureQueue(b: PgBoss, job: JobContract) {
  let names = ensured.get(b);
  if (!names) ensured.set(b, (names = new Set()));
  if (names.has(job.name)) return;
  await b.createQueue(job.name, {
    policy: job.policy,
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds,
    // A killed worker stops heartbeating; its jobs are retried after this long rather than after expireInSeconds.
    heartbeatSeconds: 10,
    notify: true,
  });
  names.add(job.name);
}
