import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { FAL_KEY, WAVESPEED_API_KEY } from "@/simulator/credentials";
import { call, klingJwt, startTestSimulator, waitFor } from "./support/sim";
import { startReceiver } from "./support/receiver";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await call(`${sim.url}/_sim/reset`, { method: "POST" });
});
afterAll(() => sim.close());

const wavespeedSubmit = (hook: string, fault?: string) =>
  call(`${sim.url}/wavespeed/api/v3/kwaivgi/kling-image-v3/text-to-image?webhook=${encodeURIComponent(hook)}`, {
    headers: { authorization: `Bearer ${WAVESPEED_API_KEY}`, ...(fault ? { "x-sim-fault": fault } : {}) },
    body: { prompt: "hooks" },
  });

describe("webhook delivery faults", () => {
  it("duplicates a delivery with the same webhook-id and body", async () => {
    const receiver = await startReceiver();
    try {
      await wavespeedSubmit(receiver.url(), "webhook_duplicate");
      const both = await waitFor(() => (receiver.received.length >= 2 ? receiver.received : undefined));
      expect(both[0]!.headers["webhook-id"]).toBe(both[1]!.headers["webhook-id"]);
      expect(both[0]!.body).toBe(both[1]!.body);
      const { body } = await call(`${sim.url}/_sim/deliveries?provider=wavespeed`);
      expect(body.deliveries.map((d: { duplicate: boolean }) => d.duplicate)).toEqual([false, true]);
    } finally {
      await receiver.close();
    }
  });

  it("drops a delivery and records it as dropped", async () => {
    const receiver = await startReceiver();
    try {
      const res = await wavespeedSubmit(receiver.url(), "webhook_drop");
      await waitFor(async () => (await call(res.body.data.urls.get, { headers: { authorization: `Bearer ${WAVESPEED_API_KEY}` } })).body.data.status === "completed");
      await new Promise((r) => setTimeout(r, 200));
      expect(receiver.received).toHaveLength(0);
      const { body } = await call(`${sim.url}/_sim/deliveries?jobId=${res.body.data.id}`);
      expect(body.deliveries).toMatchObject([{ outcome: "dropped", event: "completed", attempts: [] }]);
    } finally {
      await receiver.close();
    }
  });

  it("reorders Kling's status callbacks so 'submitted' lands last", async () => {
    const receiver = await startReceiver();
    try {
      await call(`${sim.url}/kling/v1/images/generations`, {
        headers: { authorization: `Bearer ${klingJwt()}`, "x-sim-fault": "webhook_reorder" },
        body: { model_name: "kling-v3", prompt: "order", callback_url: receiver.url() },
      });
      const all = await waitFor(() => (receiver.received.length >= 3 ? receiver.received : undefined));
      expect(all.map((r) => JSON.parse(r.body).task_status)).toEqual(["processing", "succeed", "submitted"]);
    } finally {
      await receiver.close();
    }
  });

  it("delays deliveries by the configured amount", async () => {
    const receiver = await startReceiver();
    try {
      await call(`${sim.url}/_sim/faults`, { body: { providers: { wavespeed: { webhookDelayMs: 400 } } } });
      const res = await wavespeedSubmit(receiver.url());
      const doneAt = await waitFor(async () => {
        const polled = await call(res.body.data.urls.get, { headers: { authorization: `Bearer ${WAVESPEED_API_KEY}` } });
        return polled.body.data.status === "completed" ? Date.now() : undefined;
      });
      const hook = await waitFor(() => receiver.received[0]);
      expect(hook.at - doneAt).toBeGreaterThanOrEqual(250);
    } finally {
      await receiver.close();
    }
  });

  it("retries non-2xx with backoff, re-signing each attempt, and gives up after the provider's limit", async () => {
    const receiver = await startReceiver([500, 503]);
    try {
      await call(`${sim.url}/_sim/faults`, { body: { webhookRetryBaseMs: 20 } });
      await call(`${sim.url}/fal/queue/fal-ai/kling-image/v3/text-to-image?fal_webhook=${encodeURIComponent(receiver.url())}`, {
        headers: { authorization: `Key ${FAL_KEY}` }, body: { prompt: "retry" },
      });
      const three = await waitFor(() => (receiver.received.length >= 3 ? receiver.received : undefined));
      expect(new Set(three.map((r) => r.headers["x-fal-webhook-request-id"])).size).toBe(1);
      const { body } = await call(`${sim.url}/_sim/deliveries?provider=fal`);
      expect(body.deliveries[0]).toMatchObject({ outcome: "delivered" });
      expect(body.deliveries[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 200]);
    } finally {
      await receiver.close();
    }
    const refusing = await startReceiver(Array(10).fill(500));
    try {
      await call(`${sim.url}/_sim/faults`, { body: { webhookRetryBaseMs: 10, webhookMaxAttempts: 2 } });
      await wavespeedSubmit(refusing.url());
      const failed = await waitFor(async () => {
        const { body } = await call(`${sim.url}/_sim/deliveries?provider=wavespeed`);
        return body.deliveries[0]?.outcome === "failed" ? body.deliveries[0] : undefined;
      });
      expect(failed.attempts).toHaveLength(2);
    } finally {
      await refusing.close();
    }
  });
});
