import { randomUUID } from "node:crypto";
import { jobKey, type Sim } from "./sim";
import type { ImageFormat, JobPlan, PriceModel, ProviderName, Resolution, SimJob, SimOutput } from "./types";
import { sizeFor } from "./sizes";
import { runJob, type JobHooks } from "./job-runner";
import { unitPriceMicros } from "./pricing";

export interface NewJob {
  id: string;
  provider: ProviderName;
  endpoint: string;
  model: string;
  priceModel: PriceModel;
  resolution: Resolution;
  aspect: string;
  prompt: string;
  count: number;
  format: ImageFormat;
  input: unknown;
  plan: JobPlan;
  ttlSeconds: number; // the provider's output retention; a fault may shorten it
  size?: { width: number; height: number }; // explicit pixels (Runware) instead of aspect × resolution
  seed?: number;
  correlationId?: string;
  webhookUrl?: string;
  watermark?: boolean;
  quality?: number;
  series?: boolean;
  outputIds?: string[];
  meta?: Record<string, unknown>;
}

export function createJob(sim: Sim, spec: NewJob, hooks: JobHooks): SimJob {
  const now = Date.now();
  const { width, height } = spec.size ?? sizeFor(spec.resolution, spec.aspect);
  // Without a client seed we roll one from the seeded PRNG, so a replayed test run renders the same pixels.
  const seedBase = spec.seed ?? 1 + sim.state.rng.int(2_147_483_646);
  const ttlSeconds = sim.faults(spec.provider).outputTtlSeconds ?? spec.ttlSeconds;
  const outputs: SimOutput[] = Array.from({ length: spec.count }, (_, index) => ({
    id: spec.outputIds?.[index] ?? randomUUID(),
    index,
    ready: false,
    expiresAt: 0, // set when the image becomes ready: retention starts at generation time
    ttlSeconds,
    series: spec.series,
    spec: {
      width,
      height,
      format: spec.format,
      seed: (seedBase + index) % 2_147_483_647,
      index,
      prompt: spec.prompt,
      model: spec.model,
      aspect: spec.aspect,
      resolution: spec.resolution,
      provider: spec.provider,
      watermark: false,
      quality: spec.quality,
    },
  }));
  const job: SimJob = {
    key: jobKey(spec.provider, spec.id),
    id: spec.id,
    provider: spec.provider,
    endpoint: spec.endpoint,
    model: spec.model,
    priceModel: spec.priceModel,
    resolution: spec.resolution,
    aspect: spec.aspect,
    prompt: spec.prompt,
    correlationId: spec.correlationId,
    webhookUrl: spec.webhookUrl,
    input: spec.input,
    phase: "queued",
    plan: spec.plan,
    createdAt: now,
    updatedAt: now,
    outputs,
    costMicros: 0,
    unitPriceMicros: sim.faults(spec.provider).unitPriceMicros ?? unitPriceMicros(spec.priceModel, spec.resolution),
    meta: { ...spec.meta, watermark: spec.watermark ?? false },
  };
  sim.state.jobs.set(job.key, job);
  for (const output of outputs) sim.state.outputs.set(output.id, { jobKey: job.key, index: output.index });
  runJob(sim, job, hooks).catch((error: unknown) => {
    // A renderer crash fails this job like a provider-side error instead of taking the simulator down.
    console.error(`[simulator] job ${job.key} crashed`, error);
    job.phase = "failed";
    job.plan = { ...job.plan, outcome: "error" };
    job.failureMessage = "internal error during generation";
    job.updatedAt = job.finishedAt = Date.now();
    sim.events.emit(`job:${job.key}`);
    hooks.onPhase?.(sim, job);
  });
  return job;
}

export function findJob(sim: Sim, provider: ProviderName, id: string): SimJob | undefined {
  return sim.state.jobs.get(jobKey(provider, id));
}

export const isTerminal = (job: SimJob): boolean =>
  job.phase === "succeeded" || job.phase === "failed" || job.phase === "canceled";

// Resolves when the job reaches a terminal phase (or the deadline passes) — for the providers' sync modes.
export function waitForJob(sim: Sim, job: SimJob, timeoutMs: number): Promise<boolean> {
  if (isTerminal(job)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const event = `job:${job.key}`;
    const onChange = (): void => {
      if (!isTerminal(job)) return;
      sim.events.off(event, onChange);
      resolve(true);
    };
    sim.events.on(event, onChange);
    sim.later(timeoutMs, () => {
      sim.events.off(event, onChange);
      resolve(isTerminal(job));
    });
  });
}

export function cancelJob(sim: Sim, job: SimJob): boolean {
  if (isTerminal(job)) return false;
  job.phase = "canceled";
  job.updatedAt = job.finishedAt = Date.now();
  sim.events.emit(`job:${job.key}`);
  return true;
}
