import type { SimJob } from "./types";

// The status word a job shows: the provider's usual one, or for a failed job planned with the `endStatus` fault the
// word that fault names (faults/fault-config.ts).
export function reportedStatus(job: SimJob, usual: string): string {
  return job.phase === "failed" && job.plan.endStatus !== undefined ? job.plan.endStatus : usual;
}
