import { reportedStatus } from "../../core/end-status";
import { randomUUID } from "node:crypto";
import { klingUnits } from "../../core/pricing";
import type { Sim } from "../../core/sim";
import type { Phase, Reply, SimJob } from "../../core/types";
import { outputUrl } from "../../outputs/signed-url";

const STATUS: Record<Phase, string> = {
  queued: "submitted",
  processing: "processing",
  succeeded: "succeed", // sic: Kling spells it "succeed"
  failed: "failed",
  canceled: "failed",
};

function statusMessage(job: SimJob): string {
  if (job.phase !== "failed") return "";
  if (job.plan.outcome === "safety") return "Failure to pass the risk control system";
  return "Internal error, task failed, please try again later";
}

// The task object: the `data` of a query and, unwrapped, the callback body (providers.md §1.7–1.8).
export function klingTask(sim: Sim, job: SimJob) {
  const watermark = job.meta.watermark === true;
  const ready = job.phase === "succeeded" ? job.outputs : [];
  const images = ready.map((o) => ({
    index: o.index,
    url: outputUrl(sim, o),
    ...(watermark ? { watermark_url: outputUrl(sim, o, "-wm") } : {}),
  }));
  const series = job.meta.series === true;
  return {
    task_id: job.id,
    task_status: reportedStatus(job, STATUS[job.phase]),
    task_status_msg: statusMessage(job),
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    final_unit_deduction: klingUnits(job.costMicros),
    watermark_info: { enabled: watermark },
    task_info: job.correlationId ? { external_task_id: job.correlationId } : {},
    // O3 series results arrive in series_images; we leave `images` empty then (see the report's ambiguity list).
    task_result: series ? { images: [], series_images: images } : { images },
  };
}

export const klingOk = (data: unknown): Reply => ({
  status: 200,
  body: { code: 0, message: "SUCCEED", request_id: randomUUID(), data },
});

export function klingCreated(job: SimJob): Reply {
  return klingOk({
    task_id: job.id,
    task_status: "submitted",
    task_info: job.correlationId ? { external_task_id: job.correlationId } : {},
    created_at: job.createdAt,
    updated_at: job.updatedAt,
  });
}
