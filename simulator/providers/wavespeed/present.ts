import { reportedStatus } from "../../core/end-status";
import type { Sim } from "../../core/sim";
import type { Phase, SimJob } from "../../core/types";
import { outputUrl } from "../../outputs/signed-url";

const STATUS: Record<Phase, string> = {
  queued: "created",
  processing: "processing",
  succeeded: "completed",
  failed: "failed",
  canceled: "cancelled", // the official client's terminal states: failed, cancelled, timeout, deleted
};

// A failed prediction carries a numeric task error `code` beside `error` (0 = success), as on WaveSpeed's error-codes
// page (wavespeed.ai/docs/error-codes): 1200 moderation, 1400/1401 missing/invalid parameter, 1402 media URL not
// accessible, 1403/1405 task failed, 5000 internal, 5003 unavailable, 5004 timeout. The messages are the page's.
export type TaskError = { code: number; error: string };

export const MEDIA_ACCESS_FAILED: TaskError = { code: 1402, error: "Failed to download image from the provided URL." };

function taskError(job: SimJob): TaskError {
  if (job.phase !== "failed") return { code: 0, error: "" };
  const planned = job.meta.taskError as TaskError | undefined;
  if (planned) return planned;
  if (job.plan.endStatus === "timeout") return { code: 5004, error: "The request timed out." };
  if (job.plan.outcome === "safety") return { code: 1200, error: "The content contains sensitive information." };
  return { code: 5000, error: "An internal error occurred." };
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
    status: reportedStatus(job, STATUS[job.phase]),
    created_at: new Date(job.createdAt).toISOString(),
    ...taskError(job),
    executionTime: inferenceMs,
    timings: { inference: inferenceMs },
  };
}

export const wavespeedOk = (data: unknown) => ({ status: 200, body: { code: 200, message: "success", data } });
