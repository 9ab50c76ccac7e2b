import { createId } from "@/lib/ids";
import { db } from "@/lib/db";
import { createProviderAdapter } from "@/lib/providers/registry";
import { resolveProviderConfig } from "@/lib/providers-config/resolve-provider-config";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { NO_INPUTS } from "@/lib/kling/inputs";
import { webhookUrlFor } from "@/lib/generations/webhook-url";
import type { BenchStack } from "./support/bench-stack";
import { benchTeam, generationRequest } from "./support/fixtures";
import { listenToStudioEvents } from "./support/studio-events";
import { profileSubmitPath } from "./support/submit-steps";
import type { BenchLog, BenchResult } from "./support/result";
import { round, roundSummary, sleep, summarize, sig4 } from "./support/stats";

// 1. Submit overhead: POST /api/v1/projects/:id/generations (API key) until the generation is "submitted" (the
// worker's generation.status event, heard on the studio's NOTIFY channel) versus the same WaveSpeed adapter calling
// the simulator directly from this process. The simulator answers with no added latency, so the figure is our own
// overhead; its jobs are held "stuck" so no webhooks or downloads run in the background. Pairs alternate (direct,
// ours) so drift hits both sides alike.

const WARMUP = 5;
const PAIRS = 40;
const TIME_CAP_MS = 60_000;
const PROFILE_SAMPLES = 20;
const PAUSE_MAX_MS = 1_000;

export async function benchSubmitOverhead(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  await stack.sim("/faults", { latencyMs: 0, stuckRate: 1 });
  const { team, project, keys } = await benchTeam({ keys: 2, name: "submit-overhead" });
  const resolved = await resolveProviderConfig({ teamId: team.id, provider: "wavespeed" });
  const adapter = createProviderAdapter(resolved.config);
  const request = generationRequest({ prompt: "a lighthouse at dusk, submit benchmark" });
  const parsed = parseGenerationParams({ model: request.model, mode: request.mode, params: request.parameters });
  if (!parsed.ok) throw new Error(`bad bench parameters: ${JSON.stringify(parsed.fields)}`);

  const events = await listenToStudioEvents(stack.env.DATABASE_URL!);
  const submitted = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  events.on(({ event, at }) => {
    if (event.type !== "generation.status" || event.status !== "submitted") return;
    const w = waiting.get(event.generationId);
    if (w) w(at);
    else submitted.set(event.generationId, at);
  });
  const waitSubmitted = (id: string) =>
    new Promise<number>((resolve, reject) => {
      const early = submitted.get(id);
      if (early !== undefined) return resolve(early);
      const timer = setTimeout(() => reject(new Error(`generation ${id} was not submitted within 30 s`)), 30_000);
      waiting.set(id, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });

  const direct: number[] = [];
  const ours: number[] = [];
  const accepted: number[] = [];
  const queuedToSubmitted: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < WARMUP + PAIRS && Date.now() - started < TIME_CAP_MS; i++) {
    // A random pause, so submissions land at random points of the worker's polling cycle as people's clicks do; a
    // back-to-back loop would phase-lock to it and measure one point of the cycle.
    await sleep(Math.random() * PAUSE_MAX_MS);
    let t0 = performance.now();
    await adapter.submit({
      correlationId: createId("generation"),
      model: parsed.model,
      mode: parsed.mode,
      params: parsed.params,
      inputs: NO_INPUTS,
      webhookUrl: webhookUrlFor("wavespeed"),
    });
    const directMs = performance.now() - t0;

    t0 = performance.now();
    const res = await fetch(`${stack.appUrl}/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      headers: { authorization: `Bearer ${keys[0]}`, "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    const body = (await res.json()) as { id?: string };
    const t202 = performance.now();
    if (res.status !== 202 || !body.id) throw new Error(`submit answered ${res.status}: ${JSON.stringify(body)}`);
    const tSubmitted = await waitSubmitted(body.id);
    ids.push(body.id);
    if (i < WARMUP) continue;
    direct.push(directMs);
    ours.push(tSubmitted - t0);
    accepted.push(t202 - t0);
    queuedToSubmitted.push(tSubmitted - t202);
  }
  await events.close();

  // Where the time between 202 and "submitted" went, from pg-boss's own bookkeeping (database clock).
  const profile = await profileSubmitPath({ apiKey: keys[1]!, projectId: project.id, teamId: team.id, request, samples: PROFILE_SAMPLES });
  const queueWait = await db.$queryRaw<{ wait_ms: number; run_ms: number }[]>`
    SELECT EXTRACT(EPOCH FROM (started_on - created_on)) * 1000 AS wait_ms,
           EXTRACT(EPOCH FROM (completed_on - started_on)) * 1000 AS run_ms
    FROM pgboss.job WHERE name = 'generation.submit' AND data->>'generationId' = ANY(${ids.slice(WARMUP)})`;
  const waitMs = summarize(queueWait.map((r) => Number(r.wait_ms)));
  const runMs = summarize(queueWait.map((r) => Number(r.run_ms)));

  // The held jobs would be polled for minutes: end them so they don't load the next benchmarks.
  await db.generation.updateMany({ where: { projectId: project.id }, data: { status: "cancelled", cancelledAt: new Date() } });
  await stack.sim("/faults", undefined, "DELETE");

  const o = summarize(ours);
  const d = summarize(direct);
  const ratio = o.p50 / d.p50;
  const overhead = o.p50 - d.p50;
  log(`submit: ours p50 ${round(o.p50)} ms, direct p50 ${round(d.p50)} ms over ${o.n} pairs`);
  return {
    id: "submit-overhead",
    title: "1. Submit overhead (POST → submitted vs direct adapter submit)",
    rows: [
      { metric: "POST → submitted, p50", value: round(o.p50), unit: "ms", baseline: { label: "direct adapter submit p50", value: round(d.p50) }, ratio: sig4(ratio), goal: "≤ 1.3×", met: ratio <= 1.3 },
      { metric: "overhead p50 (ours p50 − direct p50)", value: round(overhead), unit: "ms", goal: "< 25 ms", met: overhead < 25 },
      { metric: "POST → 202 accepted, p50", value: round(summarize(accepted).p50), unit: "ms" },
      { metric: "submit job wait in queue (pg-boss created → started), p50", value: round(waitMs.p50), unit: "ms" },
      { metric: "submit job run time (started → completed), p50", value: round(runMs.p50), unit: "ms" },
    ],
    notes: [
      `${o.n} measured pairs after ${WARMUP} warm-up pairs, sequential, API key auth; simulator latencyMs 0 (jobs held stuck).`,
      `POST handler's calls in-process, p50 wall / p50 CPU: ${profile.text.route}.`,
      `submit job's calls in-process, p50 wall / p50 CPU: ${profile.text.job}.`,
    ],
    details: {
      ours: roundSummary(o),
      direct: roundSummary(d),
      accepted: roundSummary(summarize(accepted)),
      acceptedToSubmitted: roundSummary(summarize(queuedToSubmitted)),
      queueWait: roundSummary(waitMs),
      jobRun: roundSummary(runMs),
      inProcessSteps: { route: profile.route, job: profile.job },
    },
    seconds: (Date.now() - started) / 1000,
  };
}
