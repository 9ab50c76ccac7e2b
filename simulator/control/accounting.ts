import type { Sim } from "../core/sim";
import { PROVIDERS, type ProviderName, type SimJob } from "../core/types";

export interface ProviderTotals {
  jobs: number;
  succeeded: number;
  failed: number;
  canceled: number;
  pending: number;
  images: number;
  costMicros: number;
}

// What each provider would have billed: only succeeded jobs carry a cost (set by the runner at completion).
export function accounting(sim: Sim) {
  const totals = Object.fromEntries(
    PROVIDERS.map((p) => [p, { jobs: 0, succeeded: 0, failed: 0, canceled: 0, pending: 0, images: 0, costMicros: 0 }]),
  ) as Record<ProviderName, ProviderTotals>;
  const jobs = [...sim.state.jobs.values()].map((job) => {
    const t = totals[job.provider];
    t.jobs += 1;
    if (job.phase === "succeeded") {
      t.succeeded += 1;
      t.images += job.outputs.length;
    } else if (job.phase === "failed") t.failed += 1;
    else if (job.phase === "canceled") t.canceled += 1;
    else t.pending += 1;
    t.costMicros += job.costMicros;
    return accountingLine(job);
  });
  const totalCostMicros = Object.values(totals).reduce((sum, t) => sum + t.costMicros, 0);
  return { unit: "micro-USD", totalCostMicros, totals, balances: sim.state.balances, jobs };
}

export function accountingLine(job: SimJob) {
  return {
    provider: job.provider,
    externalId: job.id,
    correlationId: job.correlationId ?? null,
    endpoint: job.endpoint,
    model: job.model,
    resolution: job.resolution,
    status: job.phase,
    images: job.phase === "succeeded" ? job.outputs.length : 0,
    costMicros: job.costMicros,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
  };
}
