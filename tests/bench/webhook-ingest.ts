import os from "node:os";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { modeToDb } from "@/lib/kling/models";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { waveSpeedSignature } from "@/lib/providers/wavespeed/webhook";
import { webhookTokenKey } from "@/lib/providers-config/resolve-provider-config";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";
import { enqueueSync } from "@/lib/generations/enqueue-pipeline";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { WAVESPEED_WEBHOOK_SECRET } from "@/simulator/credentials";
import type { BenchStack } from "./support/bench-stack";
import { benchTeam } from "./support/fixtures";
import { runLoad, type LoadRequest, type LoadResult } from "./support/http-load";
import { spawnTs } from "./support/processes";
import { embeddedPostgres, measureCpu } from "./support/cpu-usage";
import type { BenchLog, BenchResult } from "./support/result";
import { round, roundSummary, summarize, sig4 } from "./support/stats";
import { describeSteps, stepTimer } from "./support/step-timer";

// 2. Webhook ingest: signed WaveSpeed deliveries POSTed to /api/webhooks/wavespeed on the one Next process, from this
// process over loopback with a fixed number in flight, versus a bare node:http server doing the same HMAC check,
// token check and deduplicating insert (support/bare-webhook-server.ts). Every 5th delivery is a redelivery of an
// earlier event, so the dedupe path is exercised too. The generations are already succeeded, so the sync job each
// new event enqueues costs the worker one lookup.

const GENERATIONS = 200;
const WARMUP = 600;
const MEASURED = 8_000;
const CONCURRENCY = 16;
const TIME_CAP_MS = 15_000;
const IN_PROCESS_SAMPLES = 300;
const SEQUENTIAL = 200;
const FLOOR_REQUESTS = 1_000;

export async function benchWebhookIngest(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  const { team, project } = await benchTeam({ keys: 0, name: "webhook-ingest" });
  const generations = Array.from({ length: GENERATIONS }, () => createId("generation"));
  await db.generation.createMany({
    data: generations.map((id) => ({
      id,
      teamId: team.id,
      projectId: project.id,
      model: "kling-v3",
      provider: "wavespeed" as const,
      mode: modeToDb("text-to-image"),
      parameters: { prompt: "webhook benchmark", aspect_ratio: "3:2", resolution: "1k", num_images: 1 },
      prompt: "webhook benchmark",
      aspectRatio: "3:2",
      resolution: "1k",
      numImages: 1,
      correlationId: id,
      providerTaskId: randomUUID().replace(/-/g, ""),
      estimatedCostMicros: 0n,
      status: "succeeded" as const,
      succeededAt: new Date(),
    })),
  });
  const deliveries = (label: string, count: number) => signedDeliveries({ label, count, generations, appUrl: stack.appUrl });

  const bare = spawnTs("bare webhook server", "tests/bench/support/bare-webhook-server.ts", {
    ...stack.env,
    BENCH_WEBHOOK_SECRET: WAVESPEED_WEBHOOK_SECRET,
    BENCH_TOKEN_KEY: webhookTokenKey(),
  });
  try {
    const { url: bareUrl } = await bare.ready<{ url: string }>();
    const load = (baseUrl: string, requests: LoadRequest[]) => runLoad({ baseUrl, requests, concurrency: CONCURRENCY, timeCapMs: TIME_CAP_MS });
    await load(stack.appUrl, deliveries("warm-ours", WARMUP));
    await load(bareUrl, deliveries("warm-bare", WARMUP));
    // One in flight: what a single delivery costs end to end, without queueing behind others.
    const oursOne = await runLoad({ baseUrl: stack.appUrl, requests: deliveries("one-ours", SEQUENTIAL), concurrency: 1, timeCapMs: TIME_CAP_MS });
    const bareOne = await runLoad({ baseUrl: bareUrl, requests: deliveries("one-bare", SEQUENTIAL), concurrency: 1, timeCapMs: TIME_CAP_MS });
    const groups = {
      next: () => [stack.next.process.pid!],
      worker: () => [stack.worker.process.pid!],
      bare: () => [bare.process.pid!],
      postgres: embeddedPostgres,
      loadDriver: () => [process.pid],
    };
    const { value: ours, cpu: oursCpu, partial: oursPartial } = await measureCpu(groups, () => load(stack.appUrl, deliveries("ours", MEASURED)));
    log(`webhooks: route ${round(ours.perSecond)}/s`);
    const { value: baseline, cpu: bareCpu, partial: barePartial } = await measureCpu(groups, () => load(bareUrl, deliveries("bare", MEASURED)));
    log(`webhooks: bare ${round(baseline.perSecond)}/s`);
    // Next's own floor: the same route answering 401 before any database work (no job id in the URL).
    const floorRequests = Array.from({ length: FLOOR_REQUESTS }, () => ({ path: "/api/webhooks/wavespeed", headers: {}, body: "{}" }));
    const { value: floor, cpu: floorCpu } = await measureCpu(groups, () => load(stack.appUrl, floorRequests));
    const perDelivery = (cpu: Record<string, number>, sent: number) => Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v / sent)]));
    const oursPer = perDelivery(oursCpu, ours.sent);
    const barePer = perDelivery(bareCpu, baseline.sent);
    const stored = await db.webhookEvent.count({ where: { eventKey: { startsWith: "wavespeed:ours-" } } });
    const profile = await inProcessProfile({ teamId: team.id, generations, appUrl: stack.appUrl });

    const o = summarize(ours.latencies);
    const b = summarize(baseline.latencies);
    const ratio = ours.perSecond / baseline.perSecond;
    return {
      id: "webhook-ingest",
      title: "2. Webhook ingest (verified, deduplicated WaveSpeed deliveries on one process)",
      rows: [
        { metric: "route throughput", value: round(ours.perSecond), unit: "req/s", baseline: { label: "bare node:http + pg", value: round(baseline.perSecond) }, ratio: sig4(ratio), goal: "≥ 1,000/s", met: ours.perSecond >= 1000 && allOk(ours) },
        { metric: "route latency p99", value: round(o.p99), unit: "ms", baseline: { label: "bare p99", value: round(b.p99) }, ratio: sig4(o.p99 / b.p99), goal: "< 50 ms", met: o.p99 < 50 },
        { metric: "route latency p50", value: round(o.p50), unit: "ms", baseline: { label: "bare p50", value: round(b.p50) }, ratio: sig4(o.p50 / b.p50) },
        { metric: "CPU per delivery in the serving process", value: oursPer.next!, unit: "ms", baseline: { label: "bare server process", value: barePer.bare! }, ratio: sig4(oursPer.next! / barePer.bare!) },
        { metric: "Next floor: CPU per POST answered 401 with no database work", value: round(floorCpu.next! / floor.sent), unit: "ms", goal: `→ ≤ ${round((os.cpus().length * 1000) / (floorCpu.next! / floor.sent))}/s on ${os.cpus().length} idle cores, before any work` },
        ...(barePer.postgres ? [{ metric: "PostgreSQL CPU per delivery", value: oursPer.postgres!, unit: "ms", baseline: { label: "bare", value: barePer.postgres }, ratio: sig4(oursPer.postgres! / barePer.postgres) }] : []),
        { metric: "route latency p50, 1 in flight", value: round(summarize(oursOne.latencies).p50), unit: "ms", baseline: { label: "bare, 1 in flight", value: round(summarize(bareOne.latencies).p50) }, ratio: sig4(summarize(oursOne.latencies).p50 / summarize(bareOne.latencies).p50) },
      ],
      notes: [
        `${ours.sent} deliveries (${CONCURRENCY} in flight, keep-alive, loopback) after ${WARMUP} warm-up; 1 in 5 is a redelivery.`,
        `route answered ${JSON.stringify(ours.statuses)} (${ours.duplicates} flagged duplicate), stored ${stored} events; bare answered ${JSON.stringify(baseline.statuses)}.`,
        `CPU ms per delivery while loaded — route: ${JSON.stringify(oursPer)}; bare: ${JSON.stringify(barePer)} (from /proc, so valid even when the machine is shared)${[...oursPartial, ...barePartial].length ? `; undercounted (processes exited meanwhile): ${[...new Set([...oursPartial, ...barePartial])].join(", ")}` : ""}.`,
        `in-process receiveWebhook() (no HTTP, no Next), sequential, p50: ${profile.text}.`,
      ],
      details: { ours: loadDetails(ours), bare: loadDetails(baseline), nextFloor: { ...loadDetails(floor), cpuMsPerRequest: round(floorCpu.next! / floor.sent) }, oursOneInFlight: loadDetails(oursOne), bareOneInFlight: loadDetails(bareOne), cpuMsPerDelivery: { ours: oursPer, bare: barePer }, storedEvents: stored, inProcess: profile },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await bare.stop();
  }
}

function allOk(result: LoadResult) {
  return result.errors === 0 && Object.keys(result.statuses).every((s) => s === "200");
}

function loadDetails(result: LoadResult) {
  return {
    sent: result.sent,
    seconds: round(result.elapsedMs / 1000),
    perSecond: round(result.perSecond),
    latencyMs: roundSummary(summarize(result.latencies)),
    statuses: result.statuses,
    errors: result.errors,
    duplicates: result.duplicates,
  };
}

/** WaveSpeed's completed-prediction webhook, signed as its servers sign it, for the given jobs round-robin. */
function signedDeliveries(options: { label: string; count: number; generations: string[]; appUrl: string }): LoadRequest[] {
  const tokenKey = webhookTokenKey();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const out: LoadRequest[] = [];
  for (let i = 0; i < options.count; i++) {
    if (i % 5 === 4) {
      out.push(out[i - 3]!);
      continue;
    }
    const correlationId = options.generations[i % options.generations.length]!;
    const url = new URL(addWebhookToken({ url: `${options.appUrl}/api/webhooks/wavespeed`, secret: tokenKey, correlationId }));
    const predictionId = randomUUID().replace(/-/g, "");
    const body = JSON.stringify({
      id: predictionId,
      model: "kwaivgi/kling-image-v3/text-to-image",
      outputs: [`http://127.0.0.1:1/wavespeed/files/${randomUUID()}.png?expires=1999999999&signature=${"0".repeat(64)}`],
      urls: { get: `http://127.0.0.1:1/wavespeed/api/v3/predictions/${predictionId}/result` },
      has_nsfw_contents: [false],
      status: "completed",
      created_at: new Date().toISOString(),
      error: "",
      executionTime: 4210,
      timings: { inference: 4210 },
      input: { prompt: "a lighthouse at dusk, webhook benchmark", aspect_ratio: "3:2", resolution: "1k", num_images: 1 },
    });
    const id = `${options.label}-${i}-${randomUUID()}`;
    const signature = waveSpeedSignature({ secret: WAVESPEED_WEBHOOK_SECRET, id, timestamp, body });
    out.push({
      path: url.pathname + url.search,
      headers: { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v3,${signature}` },
      body,
    });
  }
  return out;
}

/**
 * What one delivery costs inside receiveWebhook, step by step, called sequentially in this process (no HTTP, no
 * Next): the same calls in the same order, each timed, then the real receiveWebhook for the total.
 */
async function inProcessProfile(options: { teamId: string; generations: string[]; appUrl: string }) {
  const steps = stepTimer();
  const whole = stepTimer();
  const requests = signedDeliveries({ label: "profile", count: IN_PROCESS_SAMPLES * 2, generations: options.generations, appUrl: options.appUrl }).filter((_, i) => i % 5 !== 4);
  for (let i = 0; i < IN_PROCESS_SAMPLES; i++) {
    steps.recording = whole.recording = i >= 10;
    const r = requests[i]!;
    const url = `${options.appUrl}${r.path}`;
    const headers = new Headers(r.headers);
    if (i % 2 === 0) {
      const outcome = await whole.time("receiveWebhook", () => receiveWebhook({ provider: "wavespeed", rawBody: r.body, headers, url }));
      if (outcome.status !== 200) throw new Error(`in-process receiveWebhook answered ${outcome.status} ${JSON.stringify(outcome.body)}`);
      continue;
    }
    const correlationId = new URL(url).searchParams.get("cid")!;
    const generation = await steps.time("generation lookup", () =>
      db.generation.findUnique({ where: { correlationId }, select: { id: true, teamId: true, provider: true } }),
    );
    const { adapter } = await steps.time("adapterForTeam (credential lookup)", () => adapterForTeam({ teamId: options.teamId, provider: "wavespeed" }));
    const verified = await steps.time("verify signature+token", () => adapter.verifyWebhook({ headers, rawBody: r.body, url, now: new Date() }));
    if (!verified.ok) throw new Error(`in-process verify failed: ${verified.reason}`);
    await steps.time("WebhookEvent insert", () =>
      db.webhookEvent.create({ data: { id: createId("webhookEvent"), provider: "wavespeed", eventKey: verified.eventKey, generationId: generation!.id, payload: verified.payload as object } }),
    );
    await steps.time("enqueueSync (pg-boss send)", () => enqueueSync(generation!.id));
  }
  const total = whole.report()[0]!;
  return { total, steps: steps.report(), text: `${total.wallP50} ms wall, ${total.cpuP50} ms CPU; per step p50 wall / p50 CPU: ${describeSteps(steps.report())}` };
}
