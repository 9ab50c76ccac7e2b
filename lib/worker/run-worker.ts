import os from "node:os";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { boss, stopBoss } from "@/lib/jobs/boss";
import { RetryableJobError } from "@/lib/errors";
import type { JobHandler } from "@/lib/worker/define-handler";
import { HANDLERS } from "@/lib/worker/registry";
import { ensureQueue } from "@/lib/jobs/ensure-queue";
import { startWebhookDrain } from "@/lib/webhooks/start-webhook-drain";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { withLogContext } from "@/lib/observability/log-context";
import { metrics } from "@/lib/observability/metrics";
import { serveWorkerMetrics } from "@/lib/worker/serve-worker-metrics";
import { sweepTempDownloads } from "@/lib/outbound/sweep-temp-downloads";

const HEARTBEAT_MS = 5_000;
const TEMP_SWEEP_MS = 10 * 60_000;

/**
 * Starts working every queue in this process. Any number of worker processes may share one database: pg-boss hands
 * each job to exactly one of them (SKIP LOCKED), and our handlers are idempotent for the rare redelivery after a
 * crash. Returns a stop function that lets running jobs finish (graceful shutdown).
 */
export async function runWorker(options: { concurrency?: number } = {}) {
  const b = await boss();
  for (const handler of HANDLERS) await registerJob(b, handler, options.concurrency);
  // Stored webhook events → sync jobs (lib/webhooks/start-webhook-drain.ts).
  const stopWebhookDrain = await startWebhookDrain();

  const worker = { id: createId("worker"), hostname: os.hostname(), pid: process.pid, startedAt: new Date() };
  const beat = () =>
    db.workerHeartbeat
      .upsert({ where: { id: worker.id }, create: { ...worker, lastSeenAt: new Date() }, update: { lastSeenAt: new Date() } })
      .catch((error) => log("worker").error({ err: error }, "heartbeat failed"));
  await beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  const sweepTemp = () => sweepTempDownloads().catch((error) => log("worker").error({ err: error }, "temp file sweep failed"));
  void sweepTemp();
  const tempTimer = setInterval(sweepTemp, TEMP_SWEEP_MS);
  const metricsPort = env().WORKER_METRICS_PORT;
  const stopMetrics = metricsPort ? await serveWorkerMetrics({ port: metricsPort }) : async () => undefined;
  log("worker").info({ workerId: worker.id, queues: HANDLERS.length, metricsPort }, "worker started");

  return async function stop() {
    clearInterval(timer);
    clearInterval(tempTimer);
    await stopMetrics();
    await stopWebhookDrain();
    await stopBoss({ graceful: true, timeoutMs: 20_000 });
    await db.workerHeartbeat.deleteMany({ where: { id: worker.id } }).catch(() => undefined);
  };
}

async function registerJob(b: PgBoss, handler: JobHandler, concurrency?: number) {
  const { job } = handler;
  await ensureQueue(b, job);
  if (job.schedule) await b.schedule(job.name, job.schedule, {}, { tz: "UTC" });
  await b.work<unknown>(
    job.name,
    {
      batchSize: 1,
      // WORKER_CONCURRENCY caps every queue; it never raises one above the job's own figure. pg-boss wakes every
      // loop of a queue on each NOTIFY, so a queue of quick jobs with many loops costs that many fetch queries per
      // job sent (BENCHMARKS.md measured 4 per webhook): quick jobs get few loops, each burst-draining its backlog.
      localConcurrency: Math.min(handler.concurrency, concurrency ?? handler.concurrency),
      pollingIntervalSeconds: 1,
      // NOTIFY fires only for jobs runnable now; delayed ones (polls, retries) are found by this poll.
      notifyPollingIntervalSeconds: 1,
      // Drain a backlog without sleeping between jobs.
      burstWhenReadyExceeds: 1,
    },
    async ([raw]) => {
      if (!raw) return;
      const payload = job.payload.parse(raw.data);
      // The request that started this chain of jobs (copied in by enqueue()) and what this job is about, on every
      // log line the handler writes.
      const data = raw.data as { requestId?: unknown; generationId?: unknown; outputId?: unknown };
      const context = {
        requestId: typeof data.requestId === "string" ? data.requestId : undefined,
        jobId: raw.id,
        job: job.name,
        generationId: typeof data.generationId === "string" ? data.generationId : undefined,
        outputId: typeof data.outputId === "string" ? data.outputId : undefined,
      };
      await withLogContext(context, async () => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        try {
          await handler.handle(payload, { jobId: raw.id, retryCount: raw.retryCount });
          metrics().jobDuration.observe({ job: job.name, outcome: "ok" }, seconds());
          log("worker").debug({ durationMs: Math.round(seconds() * 1000) }, "job done");
        } catch (error) {
          // Retryable: rethrow so pg-boss schedules another attempt. Final: the handler has recorded the outcome in
          // our tables; log and complete so the queue doesn't retry something that cannot succeed.
          const retryable = error instanceof RetryableJobError;
          metrics().jobDuration.observe({ job: job.name, outcome: retryable ? "retry" : "failed" }, seconds());
          metrics().jobFailures.inc({ job: job.name, class: retryable ? "retryable" : "final" });
          if (retryable) {
            log("worker").warn({ err: error, retryCount: raw.retryCount }, "job failed; pg-boss retries it");
            throw error;
          }
          log("worker").error({ err: error }, "job failed for good");
        }
      });
    },
  );
}
