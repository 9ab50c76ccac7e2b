import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { generationRows } from "@/prisma/factories/generation-rows";
import { closePgPool } from "@/lib/db-pool";
import { stopBoss } from "@/lib/jobs/boss";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { waveSpeedSignature } from "@/lib/providers/wavespeed/webhook";
import { webhookTokenKey } from "@/lib/credentials/build-config";
import { drainWebhookEvents } from "@/lib/webhooks/drain-webhook-events";
import { POST as nextRoute } from "@/app/api/webhooks/[provider]/route";
import { WAVESPEED_WEBHOOK_SECRET } from "@/simulator/credentials";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { stackControl, waitFor } from "@/tests/helpers/pipeline";

// The webhook intake as `npm start` serves it (scripts/server.ts: node:http fast path before Next), the Next route
// that plain `next start` serves, and the worker's drain from stored events to sync jobs.

type Delivery = { path: string; body: string; headers: Record<string, string> };

afterAll(async () => {
  await stackControl("start");
  await stopBoss({ graceful: false, timeoutMs: 5_000 });
  await closePgPool();
});

/**
 * WaveSpeed generations created directly (this is about intake): "running" ones need a sync when a webhook comes,
 * "succeeded" ones don't (a sync could not change them), so the drain marks their events processed without one.
 */
async function generations(count: number, status: "running" | "succeeded" = "succeeded") {
  const { team, project } = await memberOfNewTeam("owner");
  const rows = generationRows({ teamId: team.id, projectId: project.id, count, status, prompt: "intake" });
  await db.generation.createMany({ data: rows });
  const ids = rows.map((r) => r.id);
  return ids;
}

/** A WaveSpeed completion webhook for the job, signed as WaveSpeed signs it, with our per-job URL token. */
function delivery(generationId: string, options: { eventId?: string; timestamp?: number; body?: string } = {}): Delivery {
  const url = new URL(addWebhookToken({ url: "http://studio.invalid/api/webhooks/wavespeed", secret: webhookTokenKey(), correlationId: generationId }));
  const body = options.body ?? JSON.stringify({ id: randomUUID().replace(/-/g, ""), status: "completed", outputs: [] });
  const id = options.eventId ?? `evt-${randomUUID()}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = waveSpeedSignature({ secret: WAVESPEED_WEBHOOK_SECRET, id, timestamp, body });
  return { path: url.pathname + url.search, body, headers: { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v3,${signature}` } };
}

async function viaServer(d: Delivery) {
  const res = await fetch(`${inject("appUrl")}${d.path}`, { method: "POST", body: d.body, headers: { ...d.headers, "content-type": "application/json" } });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The Next route handler itself (what `next start` runs for this URL), called in this process. */
async function viaNextRoute(d: Delivery) {
  const provider = /^\/api\/webhooks\/([^/?]+)/.exec(d.path)![1]!;
  const request = new Request(`${inject("appUrl")}${d.path}`, { method: "POST", body: d.body, headers: { ...d.headers, "content-type": "application/json" } });
  const res = await nextRoute(request, { params: Promise.resolve({ provider }) });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function syncJobsFor(ids: string[], since: Date) {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT singleton_key AS key FROM pgboss.job
    WHERE name = 'generation.sync' AND singleton_key = ANY(${ids}) AND created_on >= ${since}`;
  return new Set(rows.map((r) => r.key));
}

describe("webhook intake", () => {
  it("answers the same on the server's fast path as in the Next route, case by case", async () => {
    const [job, other] = await generations(2);
    const now = Math.floor(Date.now() / 1000);
    // Each case is built twice (fresh event ids), once per path, so both see the same situation.
    const cases: Record<string, () => Delivery> = {
      new: () => delivery(job!),
      "tampered body": () => ({ ...delivery(job!), body: JSON.stringify({ id: "x", status: "failed" }) }),
      "bad signature": () => ({ ...delivery(job!), headers: { ...delivery(job!).headers, "webhook-signature": "v3,00ff" } }),
      "missing headers": () => ({ ...delivery(job!), headers: {} }),
      stale: () => delivery(job!, { timestamp: now - 400 }),
      "token of another job": () => ({ ...delivery(job!), path: delivery(other!).path.replace(`cid=${other}`, `cid=${job}`) }),
      "forged token": () => ({ ...delivery(job!), path: delivery(job!).path.replace(/token=[^&]+/, "token=forged") }),
      "unknown job": () => ({ ...delivery(job!), path: "/api/webhooks/wavespeed?cid=gen_unknown&token=x" }),
      "no job id": () => ({ ...delivery(job!), path: "/api/webhooks/wavespeed" }),
      "unknown provider": () => ({ ...delivery(job!), path: delivery(job!).path.replace("/wavespeed?", "/acme?") }),
      "provider not the job's": () => ({ ...delivery(job!), path: delivery(job!).path.replace("/wavespeed?", "/kling?") }),
      "authentic but malformed": () => delivery(job!, { body: JSON.stringify({ status: "completed" }) }),
    };
    for (const [name, make] of Object.entries(cases)) {
      const server = await viaServer(make());
      const route = await viaNextRoute(make());
      expect({ name, ...server }).toEqual({ name, ...route });
    }
    expect((await viaServer(cases.new!())).body).toEqual({ ok: true });
    expect((await viaServer(cases.stale!())).status).toBe(401);
    expect((await viaServer(cases["unknown provider"]!())).status).toBe(404);
    expect((await viaServer(cases["authentic but malformed"]!())).status).toBe(200);

    // A redelivery, whichever path saw the original: 200 duplicate, one row.
    const original = delivery(job!);
    const first = await viaServer(original);
    const again = await viaServer(original);
    const viaRoute = await viaNextRoute(original);
    expect(first).toEqual({ status: 200, body: { ok: true } });
    expect(again).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(viaRoute).toEqual(again);
    expect(await db.webhookEvent.count({ where: { eventKey: `wavespeed:${original.headers["webhook-id"]}` } })).toBe(1);
  });

  it("syncs events stored while no worker ran once a worker starts (the drain's sweep)", { timeout: 120_000 }, async () => {
    const ids = await generations(20, "running");
    const finished = await generations(10);
    await stackControl("kill");
    const since = new Date(Date.now() - 1000);
    for (const id of [...ids, ...finished]) for (let copy = 0; copy < 2; copy++) expect((await viaServer(delivery(id))).status).toBe(200);
    // Events for unfinished jobs wait for the drain; those for finished ones need no sync and are stored processed.
    const stored = await db.webhookEvent.findMany({ where: { generationId: { in: ids } }, select: { processedAt: true } });
    expect(stored).toHaveLength(40);
    expect(stored.every((e) => e.processedAt === null)).toBe(true);
    const storedFinished = await db.webhookEvent.findMany({ where: { generationId: { in: finished } }, select: { processedAt: true } });
    expect(storedFinished).toHaveLength(20);
    expect(storedFinished.every((e) => e.processedAt !== null)).toBe(true);

    await stackControl("start");
    await waitFor(async () => (await db.webhookEvent.count({ where: { generationId: { in: [...ids, ...finished] }, processedAt: null } })) === 0, {
      what: "the drain",
    });
    expect(await syncJobsFor(ids, since)).toEqual(new Set(ids));
    expect(await syncJobsFor(finished, since)).toEqual(new Set());
  });

  it("two drains over one backlog take disjoint events and enqueue every generation's sync", { timeout: 120_000 }, async () => {
    const ids = await generations(60, "running");
    await stackControl("kill");
    const since = new Date(Date.now() - 1000);
    const deliveries = ids.flatMap((id) => [delivery(id), delivery(id), delivery(id)]);
    for (const d of deliveries) expect((await viaServer(d)).status).toBe(200);
    const backlog = await db.webhookEvent.count({ where: { processedAt: null } });
    expect(backlog).toBeGreaterThanOrEqual(deliveries.length);

    // Two drains in parallel on separate connections, in small batches so they contend for the same rows: the events
    // they report taking add up to the backlog exactly (none taken twice, none left).
    const drainer = async () => {
      let taken = 0;
      for (let n; (n = await drainWebhookEvents({ batchSize: 7 })) > 0; ) taken += n;
      return taken;
    };
    const [a, b] = await Promise.all([drainer(), drainer()]);
    expect(a + b).toBe(backlog);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(await db.webhookEvent.count({ where: { processedAt: null } })).toBe(0);
    expect(await syncJobsFor(ids, since)).toEqual(new Set(ids));
  });
});
