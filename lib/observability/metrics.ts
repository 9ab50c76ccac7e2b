import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// Prometheus metrics (README "Metrics"). Two kinds:
// - counted in this process as things happen: job durations and failures (worker), provider calls and their latency
//   (whoever calls: the web app's first submit, the worker's jobs);
// - read from the database when scraped, so they are the whole installation's figures whichever process answers:
//   queue depth (pg-boss), generations by status, failures by class, spend, webhooks received
//   (lib/observability/collect-db-metrics.ts).
// One registry per process, kept on globalThis: Next bundles each route separately, and `npm start` also loads route
// files through tsx, so a module-level registry could exist more than once in one process.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "studio_process_" });
  const registers = [registry];
  return {
    registry,
    jobDuration: new Histogram({
      name: "studio_job_duration_seconds",
      help: "Time a job handler ran, by job and outcome (ok, retry, failed).",
      labelNames: ["job", "outcome"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    jobFailures: new Counter({
      name: "studio_job_failures_total",
      help: "Job runs that threw, by job and class: retryable (pg-boss tries again) or final.",
      labelNames: ["job", "class"],
      registers,
    }),
    providerLatency: new Histogram({
      name: "studio_provider_request_duration_seconds",
      help: "Calls to a provider's API through its adapter, by provider, operation (submit, getStatus) and outcome.",
      labelNames: ["provider", "operation", "outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    providerSubmits: new Counter({
      name: "studio_provider_submits_total",
      help: "Generations sent to a provider, by provider and outcome (ok, error).",
      labelNames: ["provider", "outcome"],
      registers,
    }),
    queueDepth: new Gauge({
      name: "studio_queue_jobs",
      help: "pg-boss jobs per queue and state (ready, deferred, active, failed), as of pg-boss's last monitor pass.",
      labelNames: ["queue", "state"],
      registers,
    }),
    generations: new Gauge({ name: "studio_generations", help: "Generations by status.", labelNames: ["status"], registers }),
    generationFailures: new Gauge({
      name: "studio_generation_failures",
      help: "Failed generations by error class (auth, quota, safety, rate_limited, invalid_input, transient, timeout, internal).",
      labelNames: ["class"],
      registers,
    }),
    spend: new Gauge({
      name: "studio_spend_usd",
      help: "Provider spend recorded, in USD, by provider and kind (settlement = actual cost; reservation/release = holds).",
      labelNames: ["provider", "kind"],
      registers,
    }),
    webhookEvents: new Gauge({
      name: "studio_webhook_events",
      help: "Provider webhook deliveries stored (verified, deduplicated), by provider and state (processed, pending).",
      labelNames: ["provider", "state"],
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const KEY = Symbol.for("asset-studio.metrics");

export function metrics(): Metrics {
  const holder = globalThis as { [KEY]?: Metrics };
  return (holder[KEY] ??= createMetrics());
}
