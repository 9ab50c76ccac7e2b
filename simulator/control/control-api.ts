import { faultSettingsSchema, normalizeFaultSettings } from "../faults/fault-config";
import { BodyError, json } from "../core/http";
import type { Sim } from "../core/sim";
import { PROVIDERS, type Reply, type SimJob } from "../core/types";
import { accounting } from "./accounting";

// The simulator's own API (not any provider's): tests and the dev stack use it to inject faults and read what
// happened. Errors use the studio's `{ error: { code, message, fields? } }` shape.
const error = (status: number, code: string, message: string, fields?: unknown): Reply =>
  json(status, { error: { code, message, ...(fields ? { fields } : {}) } });

export function jobSummary(job: SimJob) {
  return {
    provider: job.provider,
    id: job.id,
    correlationId: job.correlationId ?? null,
    endpoint: job.endpoint,
    model: job.model,
    phase: job.phase,
    plannedOutcome: job.plan.outcome,
    resolution: job.resolution,
    aspect: job.aspect,
    webhookUrl: job.webhookUrl ?? null,
    costMicros: job.costMicros,
    createdAt: job.createdAt,
    startedAt: job.startedAt ?? null,
    finishedAt: job.finishedAt ?? null,
    failureMessage: job.failureMessage ?? null,
    outputs: job.outputs.map((o) => ({
      id: o.id,
      index: o.index,
      width: o.spec.width,
      height: o.spec.height,
      format: o.spec.format,
      seed: o.spec.seed,
      ready: o.ready,
      bytes: o.bytes ?? null,
      firstFetchedAt: o.firstFetchedAt ?? null,
      expiresAt: o.expiresAt || null,
    })),
  };
}

function applyFaults(sim: Sim, input: unknown): Reply {
  const parsed = faultSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return error(400, "invalid_faults", "fault settings failed validation", fields);
  }
  const settings = normalizeFaultSettings(parsed.data, sim.defaultSeed);
  sim.state.faults = settings;
  sim.state.rng.reseed(settings.seed);
  sim.state.balances = {};
  for (const provider of PROVIDERS) {
    const balance = sim.faults(provider).balanceMicros;
    if (balance !== undefined) sim.state.balances[provider] = balance;
  }
  return json(200, { faults: settings });
}

function reset(sim: Sim): void {
  const { state } = sim;
  state.jobs.clear();
  state.outputs.clear();
  state.deliveries.length = 0;
  state.requests.length = 0;
  state.faults = { seed: sim.defaultSeed, global: {}, providers: {} };
  state.balances = {};
  state.klingElements.clear();
  state.rng.reseed(sim.defaultSeed);
}

export async function handleControl(sim: Sim, method: string, url: URL, body: () => Promise<unknown>): Promise<Reply> {
  const route = `${method} ${url.pathname.replace(/\/$/, "")}`;
  const { state } = sim;
  switch (route) {
    case "GET /_sim/health":
      return json(200, { ok: true, url: sim.publicUrl });
    case "GET /_sim/state":
      return json(200, {
        url: sim.publicUrl,
        startedAt: state.startedAt,
        timing: sim.timing,
        faults: state.faults,
        balances: state.balances,
        jobs: [...state.jobs.values()].map(jobSummary),
        deliveries: state.deliveries,
        requests: state.requests.slice(-200),
      });
    case "GET /_sim/faults":
      return json(200, { faults: state.faults });
    case "POST /_sim/faults":
      try {
        return applyFaults(sim, await body());
      } catch (cause) {
        if (cause instanceof BodyError) return error(400, "invalid_json", cause.message);
        throw cause;
      }
    case "DELETE /_sim/faults":
      return applyFaults(sim, {});
    case "GET /_sim/accounting":
      return json(200, accounting(sim));
    case "GET /_sim/deliveries": {
      const provider = url.searchParams.get("provider");
      const jobId = url.searchParams.get("jobId");
      const deliveries = state.deliveries.filter(
        (d) => (!provider || d.provider === provider) && (!jobId || d.jobId === jobId),
      );
      return json(200, { deliveries });
    }
    case "GET /_sim/jobs":
      return json(200, { jobs: [...state.jobs.values()].map(jobSummary) });
    case "POST /_sim/reset":
      reset(sim);
      return json(200, { ok: true });
  }
  // Kling's element library as the simulator holds it: every create the account ever made (deleted ones included, so
  // a test can count creates), and a delete that works like the provider's own, without a signed token.
  if (route === "GET /_sim/elements/kling") {
    const elements = [...state.klingElements.values()].sort((a, b) => a.createdAt - b.createdAt).map((t) => ({
      taskId: t.taskId,
      elementId: t.elementId.toString(),
      name: t.name,
      createdAt: new Date(t.createdAt).toISOString(),
      deletedAt: t.deletedAt ? new Date(t.deletedAt).toISOString() : null,
    }));
    return json(200, { elements });
  }
  const deleteMatch = /^DELETE \/_sim\/elements\/kling\/(\d{1,19})$/.exec(route);
  if (deleteMatch) {
    const task = [...state.klingElements.values()].find((t) => t.elementId === BigInt(deleteMatch[1]!) && !t.deletedAt);
    if (!task) return error(404, "not_found", `no live Kling element ${deleteMatch[1]}`);
    task.deletedAt = Date.now();
    return json(200, { ok: true });
  }
  const jobMatch = /^GET \/_sim\/jobs\/([a-z]+)\/(.+)$/.exec(route);
  const job = jobMatch && state.jobs.get(`${jobMatch[1]}:${decodeURIComponent(jobMatch[2]!)}`);
  if (job) return json(200, { job: jobSummary(job), input: job.input });
  return error(404, "not_found", `unknown control endpoint ${route}`);
}
