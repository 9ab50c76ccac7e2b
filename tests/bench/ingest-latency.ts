import { db } from "@/lib/db";
import type { BenchStack } from "./support/bench-stack";
import { benchTeam, generationRequest } from "./support/fixtures";
import { waitForIdleQueues } from "./support/queue-idle";
import type { BenchLog, BenchResult, Row } from "./support/result";
import { round, roundSummary, sig4, sleep, summarize, type Summary } from "./support/stats";

// 5. Completion → ingest start under load (issue 16 point 5: "download promptly"). A provider's output link can expire
// (15 % did in the run), so what matters is how soon after the provider finishes a job our worker starts
// copying its images. Measured on the simulator's one clock: a job's finishedAt (the provider's completion; WaveSpeed
// and Kling call back at that moment) to the first GET of each output file (the worker's download reaching the
// provider's CDN). Per provider kind — WaveSpeed (signed webhook), Kling (unsigned callback, checked by a status read),
// Segmind (no inference webhooks: polling only):
//   baseline: one generation alone, BASELINE_RUNS times one after another (nothing else queued);
//   load:     GENERATIONS generations submitted at once, all finishing at the simulator within about a second.
// Each figure is per image (4 per generation, 1 on Segmind). `npm run bench -- ingest-latency`; BENCH_INGEST_GENERATIONS to change N.

// Four images a generation, except on Segmind, which makes one per generation (seed 003; lib/kling/provider-support.ts).
const imagesPer = (provider: Provider) => (provider === "segmind" ? 1 : 4);
const GENERATIONS = Number(process.env.BENCH_INGEST_GENERATIONS ?? 30);
const BASELINE_RUNS = 3;
// Long enough that every submit of the burst is in before the first job finishes, so they finish together.
const PROCESSING_MS = 6_000;
const WAIT_TIMEOUT_MS = 180_000;
const PROVIDERS = ["wavespeed", "kling", "segmind"] as const;
type Provider = (typeof PROVIDERS)[number];

type SimJob = { id: string; provider: string; finishedAt: number | null; outputs: { index: number; firstFetchedAt: number | null }[] };

export async function benchIngestLatency(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  await stack.sim("/faults", { queuedMs: 0, processingMs: PROCESSING_MS });
  const drained = await waitForIdleQueues(60_000);
  const { project, keys } = await benchTeam({ keys: 2, name: "ingest-latency" });
  const rows: Row[] = [];
  const details: Record<string, unknown> = { generations: GENERATIONS, processingMs: PROCESSING_MS, drained };
  const notes: string[] = [];
  try {
    for (const provider of PROVIDERS) {
      try {
        const baselineIds: string[] = [];
        for (let i = 0; i < BASELINE_RUNS; i++) {
          const id = await submit(stack.appUrl, project.id, keys[0]!, provider, `baseline ${i}`);
          await waitForIngest([id]);
          baselineIds.push(id);
        }
        const baseline = await sample(stack, baselineIds);
        log(`ingest-latency ${provider}: baseline p50 ${round(baseline.summary.p50)} ms (${baseline.summary.n} images)`);

        const t0 = Date.now();
        const ids = await Promise.all(Array.from({ length: GENERATIONS }, (_, i) => submit(stack.appUrl, project.id, keys[i % keys.length]!, provider, `load ${i}`)));
        const submitSeconds = (Date.now() - t0) / 1000;
        const outcome = await waitForIngest(ids);
        const load = await sample(stack, ids);
        log(`ingest-latency ${provider}: ${load.summary.n} images under load, p50 ${round(load.summary.p50)} ms, max ${round(load.summary.max)} ms`);
        const label = `${provider} (${provider === "segmind" ? "polled" : provider === "kling" ? "callback + status read" : "signed webhook"})`;
        rows.push(
          { metric: `${label}: finish → download start, p50 (${load.summary.n} images, ${GENERATIONS} generations at once)`, value: round(load.summary.p50), unit: "ms", baseline: { label: `one generation alone, p50 of ${baseline.summary.n}`, value: round(baseline.summary.p50) }, ratio: sig4(load.summary.p50 / baseline.summary.p50) },
          { metric: `${label}: p95`, value: round(load.summary.p95), unit: "ms", baseline: { label: "alone p95", value: round(baseline.summary.p95) } },
          { metric: `${label}: max`, value: round(load.summary.max), unit: "ms", baseline: { label: "alone max", value: round(baseline.summary.max) }, goal: "< 5,000 ms (well inside any link lifetime)", met: load.summary.max < 5_000 && load.missing === 0 },
        );
        if (load.missing) notes.push(`${provider}: ${load.missing} image(s) were never downloaded within ${WAIT_TIMEOUT_MS / 1000} s`);
        details[provider] = {
          submitSeconds,
          finishSpreadMs: load.finishSpreadMs,
          outcome,
          baseline: roundSummary(baseline.summary),
          load: roundSummary(load.summary),
          stages: { baseline: await stages(baselineIds), load: await stages(ids) },
        };
      } catch (error) {
        // One provider's failure leaves the others' figures standing.
        notes.push(`${provider}: could not run: ${error instanceof Error ? error.message : String(error)}`);
      }
      await waitForIdleQueues(60_000);
    }
  } finally {
    await stack.sim("/faults", undefined, "DELETE");
  }
  notes.push("Clock: the simulator's for both ends (job finishedAt, first GET of the output file); stages are the database's.");
  return {
    id: "ingest-latency",
    title: "5. Completion → ingest start (provider finished → the worker's download reaches the provider)",
    rows,
    notes,
    details,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

async function submit(appUrl: string, projectId: string, key: string, provider: Provider, label: string): Promise<string> {
  const body = { ...generationRequest({ prompt: `a harbour at noon, ${label}`, numImages: imagesPer(provider) }), provider };
  const res = await fetch(`${appUrl}/api/v1/projects/${projectId}/generations`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { id?: string };
  if (res.status !== 202 || !answer.id) throw new Error(`submit ${label} (${provider}) answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer.id;
}

/** Until every output of these generations is no longer pending (or the generation ended without outputs). */
async function waitForIngest(ids: string[]) {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  for (;;) {
    const generations = await db.generation.findMany({ where: { id: { in: ids } }, select: { status: true, outputs: { select: { status: true } } } });
    const unfinished = generations.filter((g) => !["failed", "cancelled"].includes(g.status) && (g.status !== "succeeded" || g.outputs.some((o) => o.status === "pending")));
    if (unfinished.length === 0 || Date.now() > deadline) {
      const outputs = generations.flatMap((g) => g.outputs);
      return {
        generations: Object.fromEntries(["succeeded", "failed", "cancelled", "queued", "submitted", "running"].map((s) => [s, generations.filter((g) => g.status === s).length])),
        outputs: Object.fromEntries(["ingested", "failed", "pending"].map((s) => [s, outputs.filter((o) => o.status === s).length])),
      };
    }
    await sleep(250);
  }
}

/** Per image: the first GET of its file at the simulator minus its job's finishedAt (both the simulator's clock). */
async function sample(stack: BenchStack, generationIds: string[]): Promise<{ summary: Summary; missing: number; finishSpreadMs: number }> {
  const generations = await db.generation.findMany({ where: { id: { in: generationIds } }, select: { providerTaskId: true, provider: true } });
  const { jobs } = await stack.sim<{ jobs: SimJob[] }>("/jobs");
  const byKey = new Map(jobs.map((j) => [`${j.provider}:${j.id}`, j]));
  const samples: number[] = [];
  const finishes: number[] = [];
  let missing = 0;
  for (const g of generations) {
    const job = g.providerTaskId ? byKey.get(`${g.provider}:${g.providerTaskId}`) : undefined;
    if (!job?.finishedAt) {
      missing += imagesPer(g.provider as Provider);
      continue;
    }
    finishes.push(job.finishedAt);
    for (const o of job.outputs) {
      if (o.firstFetchedAt === null) missing++;
      else samples.push(o.firstFetchedAt - job.finishedAt);
    }
  }
  return { summary: summarize(samples), missing, finishSpreadMs: finishes.length ? Math.max(...finishes) - Math.min(...finishes) : 0 };
}

/** Where the time goes, from the database's and pg-boss's own timestamps: finish is not stored, so from the webhook's
 * arrival (when there is one) to the sync's start, and from the generation's success to each ingest job's start. */
async function stages(generationIds: string[]) {
  const rows = await db.$queryRaw<{ stage: string; ms: number }[]>`
    SELECT 'webhook received → sync started' AS stage, EXTRACT(EPOCH FROM (j.started_on - w."receivedAt")) * 1000 AS ms
    FROM pgboss.job j JOIN "WebhookEvent" w ON w."generationId" = j.data->>'generationId'
    WHERE j.name = 'generation.sync' AND j.data->>'generationId' = ANY(${generationIds}) AND j.started_on IS NOT NULL
    UNION ALL
    SELECT 'sync job wait (created → started)', EXTRACT(EPOCH FROM (j.started_on - j.created_on)) * 1000
    FROM pgboss.job j WHERE j.name = 'generation.sync' AND j.data->>'generationId' = ANY(${generationIds}) AND j.started_on IS NOT NULL
    UNION ALL
    SELECT 'succeeded → ingest started', EXTRACT(EPOCH FROM (j.started_on - g."succeededAt")) * 1000
    FROM pgboss.job j JOIN "GenerationOutput" o ON o.id = j.data->>'outputId' JOIN "Generation" g ON g.id = o."generationId"
    WHERE j.name = 'generation.ingest' AND g.id = ANY(${generationIds}) AND j.started_on IS NOT NULL`;
  const by = new Map<string, number[]>();
  for (const r of rows) by.set(r.stage, [...(by.get(r.stage) ?? []), Number(r.ms)]);
  return Object.fromEntries([...by].map(([stage, values]) => [stage, roundSummary(summarize(values))]));
}
