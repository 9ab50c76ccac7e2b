import type { IncomingHttpHeaders } from "node:http";
import type { Sim } from "../core/sim";
import type { ForcedFault, JobPlan, ProviderName } from "../core/types";

const FORCEABLE = new Set<string>([
  "rate_limit", "server_error", "safety", "quota", "timeout", "stuck", "job_failure",
  "webhook_drop", "webhook_duplicate", "webhook_reorder", "output_expired", "output_truncated", "output_slow",
]);

// `x-sim-fault: rate_limit, safety` forces faults for one request regardless of the configured rates.
export function parseForced(headers: IncomingHttpHeaders): Set<ForcedFault> {
  const raw = headers["x-sim-fault"];
  const values = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((v) => v.trim());
  return new Set(values.filter((v) => FORCEABLE.has(v)) as ForcedFault[]);
}

function headerMs(headers: IncomingHttpHeaders, name: string): number | undefined {
  const value = Number(headers[name]);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 600_000) : undefined;
}

export function latencyFor(sim: Sim, provider: ProviderName, headers: IncomingHttpHeaders): number {
  return headerMs(headers, "x-sim-latency-ms") ?? sim.faults(provider).latencyMs ?? 0;
}

export type RequestFault = "rate_limit" | "server_error" | "timeout" | null;

// Transport-level faults can hit any API call (submit or poll) — adapters must survive both.
export function rollRequestFault(sim: Sim, provider: ProviderName, forced: Set<ForcedFault>): RequestFault {
  const faults = sim.faults(provider);
  const rng = sim.state.rng;
  if (forced.has("rate_limit") || rng.chance(faults.rateLimitRate)) return "rate_limit";
  if (forced.has("server_error") || rng.chance(faults.serverErrorRate)) return "server_error";
  if (forced.has("timeout") || rng.chance(faults.timeoutRate)) return "timeout";
  return null;
}

// Quota is refused at submit; the configured balance counts too, so a test can "spend down" an account.
export function rollQuota(sim: Sim, provider: ProviderName, forced: Set<ForcedFault>, costMicros = 0): boolean {
  if (forced.has("quota") || sim.state.rng.chance(sim.faults(provider).quotaRate)) return true;
  const balance = sim.state.balances[provider];
  return balance !== undefined && balance < Math.max(costMicros, 1);
}

export function planJob(
  sim: Sim,
  provider: ProviderName,
  forced: Set<ForcedFault>,
  headers: IncomingHttpHeaders,
): JobPlan {
  const faults = sim.faults(provider);
  const rng = sim.state.rng;
  const queuedMs = headerMs(headers, "x-sim-queued-ms") ?? faults.queuedMs ?? sim.timing.queuedMs;
  const processingMs = headerMs(headers, "x-sim-processing-ms") ?? faults.processingMs ?? sim.timing.processingMs;
  let outcome: JobPlan["outcome"] = "success";
  if (forced.has("safety") || rng.chance(faults.safetyRate)) outcome = "safety";
  else if (forced.has("job_failure") || rng.chance(faults.jobFailureRate)) outcome = "error";
  else if (forced.has("stuck") || rng.chance(faults.stuckRate)) outcome = "stuck";
  if (faults.endStatus !== undefined) return { queuedMs, processingMs, outcome: "error", endStatus: faults.endStatus };
  return { queuedMs, processingMs, outcome };
}
