import type { Sim } from "../../core/sim";
import type { Phase, SimJob } from "../../core/types";
import { outputUrl } from "../../outputs/signed-url";

const STATUS: Record<Phase, string> = {
  queued: "created",
  processing: "processing",
  succeeded: "completed",
  failed: "failed",
  canceled: "failed",
};

function errorText(job: SimJob): string {
  if (job.phase !== "failed") return "";
  // WaveSpeed's task error codes: 1200 content moderation, 1403 task execution failed.
  return job.plan.outcome === "safety"
    ? "Content moderation failed (1200): the request or output was flagged as NSFW"
    : "Task execution failed (1403): internal error during inference";
}

export const resultUrl = (sim: Sim, id: string): string => `${sim.publicUrl}/wavespeed/api/v3/predictions/${id}/result`;

// The prediction object: `data` of submit/poll responses; the webhook body adds `input`.
export function prediction(sim: Sim, job: SimJob) {
  const outputs = job.phase === "succeeded" ? job.outputs.map((o) => outputUrl(sim, o)) : [];
  const inferenceMs = job.startedAt ? (job.finishedAt ?? Date.now()) - job.startedAt : 0;
  return {
    id: job.id,
    model: job.endpoint,
    outputs,
    urls: { get: resultUrl(sim, job.id) },
    has_nsfw_contents: job.plan.outcome === "safety" && job.phase === "failed" ? [true] : outputs.map(() => false),
    status: STATUS[job.phase],
    created_at: new Date(job.createdAt).toISOString(),
    error: errorText(job),
    executionTime: inferenceMs,
    timings: { inference: inferenceMs },
  };
}

export const wavespeedOk = (data: unknown) => ({ status: 200, body: { code: 200, message: "success", data } });
