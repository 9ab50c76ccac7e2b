import { reportedStatus } from "../../core/end-status";
import { microsToUsd } from "../../core/pricing";
import type { Sim } from "../../core/sim";
import type { Phase, SimJob } from "../../core/types";
import { outputUrl } from "../../outputs/signed-url";

const STATUS: Record<Phase, string> = {
  queued: "QUEUED",
  processing: "PROCESSING",
  succeeded: "COMPLETED",
  failed: "FAILED",
  canceled: "FAILED",
};

const STARTING_CREDITS_MICROS = 100_000_000; // $100 when no balance is configured through the fault API

// Remaining credits as Segmind reports them (USD), derived from what this simulator has billed.
export function remainingCredits(sim: Sim): number {
  const configured = sim.state.balances.segmind;
  if (configured !== undefined) return microsToUsd(configured);
  const spent = [...sim.state.jobs.values()].filter((j) => j.provider === "segmind").reduce((s, j) => s + j.costMicros, 0);
  return microsToUsd(STARTING_CREDITS_MICROS - spent);
}

export function urls(sim: Sim, id: string) {
  const base = `${sim.publicUrl}/segmind`;
  return {
    poll_url: `${base}/v1/requests/${id}`,
    status_url: `${base}/v2/requests/${id}/status`,
    response_url: `${base}/v2/requests/${id}`,
  };
}

export function timings(job: SimJob) {
  const seconds = (ms: number) => Math.round(ms) / 1000;
  const queue = (job.startedAt ?? Date.now()) - job.createdAt;
  const inference = job.startedAt ? (job.finishedAt ?? Date.now()) - job.startedAt : 0;
  return { inference_time: seconds(inference), queue_time: seconds(queue), total_time: seconds(queue + inference) };
}

export const statusOf = (job: SimJob): string => reportedStatus(job, STATUS[job.phase]);

export function failureText(job: SimJob): string {
  return job.plan.outcome === "safety"
    ? "Content moderation: the prompt or generated image was flagged by the safety filter"
    : "Inference failed: the model returned an internal error";
}

export function completedBody(sim: Sim, job: SimJob) {
  const images = job.outputs.map((o) => outputUrl(sim, o));
  return {
    status: "COMPLETED",
    request_id: job.id,
    output: images[0],
    images,
    metrics: { cost: microsToUsd(job.costMicros), remaining_credits: remainingCredits(sim), ...timings(job) },
  };
}
