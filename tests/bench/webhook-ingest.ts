import os from "node:os";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { generationRows } from "@/prisma/factories/generation-rows";
import { createId } from "@/lib/ids";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { waveSpeedSignature } from "@/lib/providers/wavespeed/webhook";
import { webhookTokenKey } from "@/lib/credentials/build-config";
import { pgPool } from "@/lib/db-pool";
import { receiveWebhook, WEBHOOK_INSERT_SQL, WEBHOOK_LOOKUP_SQL, type WebhookLookupRow } from "@/lib/webhooks/receive-webhook";
import { cachedAdapter } from "@/lib/providers-config/cached-adapter";
import { WAVESPEED_WEBHOOK_SECRET } from "@/simulator/credentials";
import type { BenchStack } from "./support/bench-stack";
import { benchTeam } from "./support/fixtures";
import { runLoad, type LoadRequest, type LoadResult } from "./support/http-load";
import { spawnTs } from "./support/processes";
import { embeddedPostgres, measureCpu } from "./support/cpu-usage";
import { waitForIdleQueues } from "./support/queue-idle";
import type { BenchLog, BenchResult } from "./support/result";
import { round, roundSummary, summarize, sig4 } from "./support/stats";
import { describeSteps, stepTimer } from "./support/step-timer";

// 2. Webhook ingest: signed WaveSpeed deliveries POSTed to /api/webhooks/wavespeed on the one serving process — what
// `npm start` runs, scripts/server.ts, whose node:http fast path answers this URL before Next — from this process
// over loopback with a fixed number in flight, versus a bare node:http server doing the same HMAC check, token check
// and deduplicating insert (support/bare-webhook-server.ts). Every 5th delivery is a redelivery of an earlier event,
// so the dedupe path is exercised too. New events wake the worker's drain (NOTIFY), which enqueues one sync per
// generation per batch; each measured run waits for the drain and the syncs to finish, so the worker's and
// PostgreSQL's CPU per delivery include them. The generations are already succeeded, so a sync costs one lookup.

const GENERATIONS = 200;
const WARMUP = 600;
const MEASURED = 8_000;
const CONCURRENCY = 16;
const TIME_CAP_MS = 15_000;
const IN_PROCESS_SAMPLES = 300;
const SEQUENTIAL = 200;
const FLOOR_REQUESTS = 1_000;
const DRAIN_WAIT_MS = 60_000;

export async function benchWebhookIngest(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  const { team, project } = await benchTeam({ keys: 0, name: "webhook-ingest" });
  // Finished jobs: the bench is about intake, so their events need no sync (see BENCHMARKS.md).
  const rows = generationRows({ teamId: team.id, projectId: project.id, count: GENERATIONS, status: "succeeded", prompt: "webhook benchmark" });
  await db.generation.createMany({ data: rows });
  const generations = rows.map((r) => r.id);
  const deliveries = (label: string, count: number) => signedDeliveries({ label, count, generations, appUrl: stack.appUrl });

  const bare = spawnTs("bare webhook server", "tests/bench/support/bare-webhook-server.ts", {
    ...stack.env,
    BENCH_WEBHOOK_SECRET: WAVESPEED_WEBHOOK_SECRET,
    BENCH_TOKEN_KEY: webhookTokenKey(),
  });
  try {
    const { url: bareUrl } = await bare.ready<{ url: string }>();
    const load = (baseUrl: string, requests: LoadRequest[]) => runLoad({ baseUrl, requests, concurrency: CONCURRENCY, timeCapMs: TIME_CAP_MS });
    // PostgreSQL's CPU: the embedded server's processes, or else (DATABASE_URL's server, local) the backends serving
    // this run's database, listed before and after each measured run (background writers are not counted).
    let backends = await databaseBackends();
    const postgres = () => (embeddedPostgres().length ? embeddedPostgres() : backends);
    // Then the drain has stored-event → sync work left, and the syncs themselves: wait for both, so their CPU counts.
    const settled = async <T>(fn: () => Promise<T>) => {
      const value = await fn();
      const drained = await waitForDrain(DRAIN_WAIT_MS);
      const idle = await waitForIdleQueues(DRAIN_WAIT_MS);
      backends = await databaseBackends();
      return { ...(value as object), drainSeconds: drained, queueIdle: idle } as T & { drainSeconds: number; queueIdle: { seconds: number; left: number } };
    };
    await load(stack.appUrl, deliveries("warm-ours", WARMUP));
    await load(bareUrl, deliveries("warm-bare", WARMUP));
    // One in flight: what a single delivery costs end to end, without queueing behind others.
    const oursOne = await runLoad({ baseUrl: stack.appUrl, requests: deliveries("one-ours", SEQUENTIAL), concurrency: 1, timeCapMs: TIME_CAP_MS });
    const bareOne = await runLoad({ baseUrl: bareUrl, requests: deliveries("one-bare", SEQUENTIAL), concurrency: 1, timeCapMs: TIME_CAP_MS });
    // The warm-up's events and syncs must not run inside the measured window.
    await waitForDrain(DRAIN_WAIT_MS);
    await waitForIdleQueues(DRAIN_WAIT_MS);
    const groups = {
      next: () => [stack.next.process.pid!],
      worker: () => [stack.worker.process.pid!],
      bare: () => [bare.process.pid!],
      postgres,
      loadDriver: () => [process.pid],
    };
    const { value: ours, cpu: oursCpu, partial: oursPartial } = await measureCpu(groups, () => settled(() => load(stack.appUrl, deliveries("ours", MEASURED))));
    log(`webhooks: route ${round(ours.perSecond)}/s`);
    const { value: baseline, cpu: bareCpu, partial: barePartial } = await measureCpu(groups, () => settled(() => load(bareUrl, deliveries("bare", MEASURED))));
    log(`webhooks: bare ${round(baseline.perSecond)}/s`);
    // The fast path's floor: the same URL answered 401 before any database work (no job id in the URL).
    const floorRequests = Array.from({ length: FLOOR_REQUESTS }, () => ({ path: "/api/webhooks/wavespeed", headers: {}, body: "{}" }));
    const { value: floor, cpu: floorCpu } = await measureCpu(groups, () => load(stack.appUrl, floorRequests));
    // Next's floor, for comparison: a request the custom server hands to Next (GET on the route: 405, no work).
    const nextFloor = await measureCpu(groups, () => runLoad({ baseUrl: stack.appUrl, requests: floorRequests.map((r) => ({ ...r, body: "" })), concurrency: CONCURRENCY, timeCapMs: TIME_CAP_MS, method: "GET" }));
    const perDelivery = (cpu: Record<string, number>, sent: number) => Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v / sent)]));
    const oursPer = perDelivery(oursCpu, ours.sent);
    const barePer = perDelivery(bareCpu, baseline.sent);
    const stored = await db.webhookEvent.count({ where: { eventKey: { startsWith: "wavespeed:ours-" } } });
    const unprocessed = await db.webhookEvent.count({ where: { processedAt: null } });
    const profile = await inProcessProfile({ generations, appUrl: stack.appUrl });

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
        { metric: "fast-path floor: CPU per POST answered 401 with no database work", value: round(floorCpu.next! / floor.sent), unit: "ms", goal: `→ ≤ ${round((os.cpus().length * 1000) / (floorCpu.next! / floor.sent))}/s on ${os.cpus().length} idle cores, before any work` },
        { metric: "Next floor (same process): CPU per GET handed to Next, 405", value: round(nextFloor.cpu.next! / nextFloor.value.sent), unit: "ms" },
        ...(barePer.postgres ? [{ metric: "PostgreSQL CPU per delivery (incl. drain + syncs)", value: oursPer.postgres!, unit: "ms", baseline: { label: "bare (insert only)", value: barePer.postgres }, ratio: sig4(oursPer.postgres! / barePer.postgres) }] : []),
        { metric: "worker CPU per delivery (drain + syncs)", value: oursPer.worker!, unit: "ms" },
        { metric: "route latency p50, 1 in flight", value: round(summarize(oursOne.latencies).p50), unit: "ms", baseline: { label: "bare, 1 in flight", value: round(summarize(bareOne.latencies).p50) }, ratio: sig4(summarize(oursOne.latencies).p50 / summarize(bareOne.latencies).p50) },
      ],
      notes: [
        `${ours.sent} deliveries (${CONCURRENCY} in flight, keep-alive, loopback) after ${WARMUP} warm-up; 1 in 5 is a redelivery. After each measured run: drain done in ${ours.drainSeconds} s, sync queue idle after ${ours.queueIdle.seconds} s (${ours.queueIdle.left} left); CPU is counted until then.`,
        `route answered ${JSON.stringify(ours.statuses)} (${ours.duplicates} flagged duplicate), stored ${stored} events (${unprocessed} of all left unprocessed by the drain); bare answered ${JSON.stringify(baseline.statuses)}.`,
        `CPU ms per delivery while loaded — route: ${JSON.stringify(oursPer)}; bare: ${JSON.stringify(barePer)} (from /proc, so valid even when the machine is shared)${[...oursPartial, ...barePartial].length ? `; undercounted (processes exited meanwhile): ${[...new Set([...oursPartial, ...barePartial])].join(", ")}` : ""}.`,
        `in-process receiveWebhook() (no HTTP, no Next), sequential, p50: ${profile.text}.`,
      ],
      details: { ours: loadDetails(ours), bare: loadDetails(baseline), fastPathFloor: { ...loadDetails(floor), cpuMsPerRequest: round(floorCpu.next! / floor.sent) }, nextFloor: { ...loadDetails(nextFloor.value), cpuMsPerRequest: round(nextFloor.cpu.next! / nextFloor.value.sent) }, oursOneInFlight: loadDetails(oursOne), bareOneInFlight: loadDetails(bareOne), cpuMsPerDelivery: { ours: oursPer, bare: barePer }, storedEvents: stored, inProcess: profile },
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

/** Backends serving this run's database (DATABASE_URL's server on this machine), for CPU accounting from /proc. */
async function databaseBackends(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return rows.map((r) => r.pid);
}

/** Seconds until the worker's drain has processed every stored event. */
async function waitForDrain(maxMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    if ((await db.webhookEvent.count({ where: { processedAt: null } })) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return round((Date.now() - started) / 1000);
}

/**
 * What one delivery costs inside receiveWebhook, step by step, called sequentially in this process (no HTTP, no
 * Next): the same statements in the same order, each timed, then the real receiveWebhook for the total.
 */
async function inProcessProfile(options: { generations: string[]; appUrl: string }) {
  const steps = stepTimer();
  const whole = stepTimer();
  const pool = pgPool();
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
    const { rows } = await steps.time("generation + credential lookup", () => pool.query<WebhookLookupRow>({ ...WEBHOOK_LOOKUP_SQL, values: [correlationId] }));
    const generation = rows[0]!;
    const adapter = await steps.time("cachedAdapter (per team, keyed by the credential row)", async () => cachedAdapter({ teamId: generation.teamId, provider: "wavespeed", credential: null }));
    const verified = await steps.time("verify signature+token", () => adapter.verifyWebhook({ headers, rawBody: r.body, url, now: new Date() }));
    if (!verified.ok) throw new Error(`in-process verify failed: ${verified.reason}`);
    // The bench's generations are finished, so their events are stored already processed and wake no drain.
    await steps.time("WebhookEvent insert", () =>
      pool.query({ ...WEBHOOK_INSERT_SQL, values: [createId("webhookEvent"), "wavespeed", verified.eventKey, generation.id, JSON.stringify(verified.payload ?? {}), true] }),
    );
  }
  const total = whole.report()[0]!;
  return { total, steps: steps.report(), text: `${total.wallP50} ms wall, ${total.cpuP50} ms CPU; per step p50 wall / p50 CPU: ${describeSteps(steps.report())}` };
}
