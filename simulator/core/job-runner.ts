import { getImage } from "../render/render-cache";
import { jobCostMicros } from "./pricing";
import type { Sim } from "./sim";
import type { SimJob, SimOutput } from "./types";

// Providers observe a job through these hooks: status callbacks (Kling), per-item webhooks (Runware), terminal
// webhooks (WaveSpeed, fal). The runner itself knows nothing about wire formats.
export interface JobHooks {
  onPhase?(sim: Sim, job: SimJob): void;
  onOutput?(sim: Sim, job: SimJob, output: SimOutput): void;
}

const FAILURE_MESSAGES = {
  safety: "content safety check failed",
  error: "internal error during generation",
  invalid: "request validation failed",
} as const;

function touch(sim: Sim, job: SimJob, hooks: JobHooks): void {
  job.updatedAt = Date.now();
  sim.events.emit(`job:${job.key}`);
  hooks.onPhase?.(sim, job);
}

export async function runJob(sim: Sim, job: SimJob, hooks: JobHooks): Promise<void> {
  const { plan } = job;
  // Kling calls back on every status change, including the initial "submitted".
  hooks.onPhase?.(sim, job);
  await sim.sleep(plan.queuedMs);
  if (job.phase !== "queued") return; // canceled while waiting
  job.phase = "processing";
  job.startedAt = Date.now();
  touch(sim, job, hooks);
  if (plan.outcome === "stuck") return;

  if (plan.outcome !== "success") {
    await sim.sleep(plan.outcome === "invalid" ? 0 : plan.processingMs);
    if (job.phase !== "processing") return;
    job.phase = "failed";
    job.failureMessage = FAILURE_MESSAGES[plan.outcome];
    job.finishedAt = Date.now();
    touch(sim, job, hooks);
    return;
  }

  // Items finish one after another across the processing window so partial results are observable.
  const started = Date.now();
  for (const output of job.outputs) {
    const readyAt = started + Math.round((plan.processingMs * (output.index + 1)) / job.outputs.length);
    await sim.sleep(readyAt - Date.now());
    const bytes = await getImage(output.spec);
    if (job.phase !== "processing") return;
    output.ready = true;
    output.bytes = bytes.length;
    output.expiresAt = Date.now() + output.ttlSeconds * 1000;
    job.updatedAt = Date.now();
    sim.events.emit(`job:${job.key}`);
    hooks.onOutput?.(sim, job, output);
  }
  job.phase = "succeeded";
  job.finishedAt = Date.now();
  // Billed only on success (Kling, Segmind and fal document that failed generations cost nothing).
  job.costMicros = jobCostMicros(job.priceModel, job.resolution, job.outputs.length, job.unitPriceMicros);
  const balance = sim.state.balances[job.provider];
  if (balance !== undefined) sim.state.balances[job.provider] = balance - job.costMicros;
  touch(sim, job, hooks);
}
