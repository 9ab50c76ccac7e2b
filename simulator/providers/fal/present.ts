import { reportedStatus } from "../../core/end-status";
import type { Sim } from "../../core/sim";
import type { Reply, SimJob } from "../../core/types";
import { CONTENT_TYPES, EXTENSIONS } from "../../render/render-image";
import { outputUrl } from "../../outputs/signed-url";
import { falError } from "./errors";
import { FAL_APP_ROOT } from "./schemas";

export function requestUrls(sim: Sim, id: string) {
  const base = `${sim.publicUrl}/fal/queue/${FAL_APP_ROOT}/requests/${id}`;
  return { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
}

export function falStatus(job: SimJob): string {
  if (job.phase === "queued") return "IN_QUEUE";
  return job.phase === "processing" ? "IN_PROGRESS" : reportedStatus(job, "COMPLETED");
}

export function falOutput(sim: Sim, job: SimJob) {
  return {
    images: job.outputs.map((o) => ({
      url: outputUrl(sim, o),
      content_type: CONTENT_TYPES[o.spec.format],
      file_name: `${o.id}.${EXTENSIONS[o.spec.format]}`,
      file_size: o.bytes ?? null,
      width: o.spec.width,
      height: o.spec.height,
    })),
  };
}

const CONTENT_POLICY = "The content could not be processed because it contained material flagged by a content checker.";

// What GET …/requests/{id} answers for a finished request; the webhook wraps the same thing.
export function falResult(sim: Sim, job: SimJob): Reply {
  const headers = { "x-fal-request-id": job.id };
  if (job.phase === "succeeded") return { status: 200, headers, body: falOutput(sim, job) };
  if (job.phase === "canceled") return falError(400, "Request was cancelled", headers);
  if (job.plan.outcome === "invalid") return falError(422, job.plan.failureDetail, headers);
  if (job.plan.outcome === "safety") {
    const detail = [{ loc: ["body", "prompt"], msg: CONTENT_POLICY, type: "content_policy_violation", input: job.prompt }];
    return falError(422, detail, { ...headers, "x-fal-error-type": "content_policy_violation" });
  }
  return falError(500, "Internal Server Error", { ...headers, "x-fal-error-type": "internal_server_error" });
}

export function webhookBody(sim: Sim, job: SimJob): string {
  const result = falResult(sim, job);
  const ok = result.status === 200;
  return JSON.stringify({
    request_id: job.id,
    gateway_request_id: job.meta.gatewayRequestId,
    status: ok ? "OK" : "ERROR",
    payload: ok ? result.body : (result.body ?? null),
    ...(ok ? {} : { error: `Invalid status code: ${result.status}` }),
  });
}
