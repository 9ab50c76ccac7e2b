import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { FAL_KEY, RUNWARE_API_KEY } from "@/simulator/credentials";
import { call, klingJwt, startTestSimulator, waitFor } from "./support/sim";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await call(`${sim.url}/_sim/reset`, { method: "POST" });
});
afterAll(() => sim.close());

async function klingImageUrl(): Promise<string> {
  const headers = { authorization: `Bearer ${klingJwt()}` };
  const res = await call(`${sim.url}/kling/v1/images/generations`, { headers, body: { model_name: "kling-v3", prompt: "files", aspect_ratio: "1:1" } });
  return waitFor(async () => {
    const polled = await call(`${sim.url}/kling/v1/images/generations/${res.body.data.task_id}`, { headers });
    return polled.body.data.task_result.images[0]?.url as string | undefined;
  });
}

describe("output URLs", () => {
  it("are signed: a tampered signature or expiry is refused", async () => {
    const url = new URL(await klingImageUrl());
    expect((await fetch(url)).status).toBe(200);
    const tampered = new URL(url);
    tampered.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 60));
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("expire like the provider's: S3-style 403 for Kling, 404 for fal", async () => {
    await call(`${sim.url}/_sim/faults`, { body: { outputTtlSeconds: 0 } });
    const kling = await call(await klingImageUrl());
    expect(kling.status).toBe(403);
    expect(kling.body).toContain("<Code>AccessDenied</Code>");

    const headers = { authorization: `Key ${FAL_KEY}` };
    const submit = await call(`${sim.url}/fal/queue/fal-ai/kling-image/v3/text-to-image`, { headers, body: { prompt: "expire" } });
    await waitFor(async () => (await call(submit.body.status_url, { headers })).body.status === "COMPLETED");
    const result = await call(submit.body.response_url, { headers });
    await new Promise((r) => setTimeout(r, 1_100)); // expiry has one-second resolution
    expect((await call(result.body.images[0].url)).status).toBe(404);
  });

  it("can be forced to expire, truncate or trickle per request", async () => {
    const url = await klingImageUrl();
    expect((await fetch(url, { headers: { "x-sim-fault": "output_expired" } })).status).toBe(403);
    const truncated = await fetch(url, { headers: { "x-sim-fault": "output_truncated" } });
    expect(truncated.status).toBe(200);
    await expect(truncated.arrayBuffer()).rejects.toThrow();
    await call(`${sim.url}/_sim/faults`, { body: { outputSlowMs: 300 } });
    const started = Date.now();
    const slow = await fetch(url);
    const bytes = await slow.arrayBuffer();
    expect(bytes.byteLength).toBe(Number(slow.headers.get("content-length")));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("honour Runware's ttl", async () => {
    const taskUUID = randomUUID();
    const res = await call(`${sim.url}/runware/v1`, {
      headers: { authorization: `Bearer ${RUNWARE_API_KEY}` },
      body: [{ taskType: "imageInference", taskUUID, model: "klingai:kling-image@3", positivePrompt: "ttl", width: 1024, height: 1024, ttl: 60 }],
    });
    const expires = Number(new URL(res.body.data[0].imageURL).searchParams.get("expires"));
    expect(expires - Date.now() / 1000).toBeGreaterThan(50);
    expect(expires - Date.now() / 1000).toBeLessThanOrEqual(61);
  });
});

describe("accounting", () => {
  it("bills succeeded jobs per the price tables, keyed by external and correlation ids", async () => {
    const headers = { authorization: `Bearer ${klingJwt()}` };
    const kling = await call(`${sim.url}/kling/v1/images/generations`, { headers, body: { model_name: "kling-v3", prompt: "bill", n: 3, external_task_id: "gen_123" } });
    const taskUUID = randomUUID();
    await call(`${sim.url}/runware/v1`, {
      headers: { authorization: `Bearer ${RUNWARE_API_KEY}` },
      body: [{ taskType: "imageInference", taskUUID, model: "klingai:kling-image@o3", positivePrompt: "bill", resolution: "4k", numberResults: 2 }],
    });
    const accounting = await waitFor(async () => {
      const res = await call(`${sim.url}/_sim/accounting`);
      return res.body.jobs.every((j: { status: string }) => j.status === "succeeded") ? res.body : undefined;
    }, 20_000);
    expect(accounting.totals.kling).toMatchObject({ jobs: 1, succeeded: 1, images: 3, costMicros: 84_000 });
    expect(accounting.totals.runware).toMatchObject({ images: 2, costMicros: 112_000 });
    expect(accounting.totalCostMicros).toBe(196_000);
    expect(accounting.jobs).toEqual(expect.arrayContaining([
      expect.objectContaining({ provider: "kling", externalId: kling.body.data.task_id, correlationId: "gen_123", costMicros: 84_000 }),
      expect.objectContaining({ provider: "runware", externalId: taskUUID, correlationId: taskUUID, resolution: "4k" }),
    ]));
  }, 30_000);
});
