import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { FAL_KEY, RUNWARE_API_KEY, SEGMIND_API_KEY, WAVESPEED_API_KEY } from "@/simulator/credentials";
import { call, klingJwt, startTestSimulator, waitFor } from "./support/sim";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await call(`${sim.url}/_sim/reset`, { method: "POST" });
});
afterAll(() => sim.close());

// One submit per provider, with the same prompt, so each fault can be checked across all five dialects.
const SUBMITS = {
  kling: () => ({ url: `${sim.url}/kling/v1/images/generations`, headers: { authorization: `Bearer ${klingJwt()}` }, body: { model_name: "kling-v3", prompt: "fault" } }),
  wavespeed: () => ({ url: `${sim.url}/wavespeed/api/v3/kwaivgi/kling-image-v3/text-to-image`, headers: { authorization: `Bearer ${WAVESPEED_API_KEY}` }, body: { prompt: "fault" } }),
  runware: () => ({ url: `${sim.url}/runware/v1`, headers: { authorization: `Bearer ${RUNWARE_API_KEY}` }, body: [{ taskType: "imageInference", taskUUID: randomUUID(), model: "klingai:kling-image@3", positivePrompt: "fault", width: 1024, height: 1024, deliveryMethod: "async" }] }),
  segmind: () => ({ url: `${sim.url}/segmind/v2/kling-3-text2image`, headers: { "x-api-key": SEGMIND_API_KEY }, body: { prompt: "fault" } }),
  fal: () => ({ url: `${sim.url}/fal/queue/fal-ai/kling-image/v3/text-to-image`, headers: { authorization: `Key ${FAL_KEY}` }, body: { prompt: "fault" } }),
};
type Provider = keyof typeof SUBMITS;
const submitWith = (provider: Provider, fault: string) => {
  const s = SUBMITS[provider]();
  return call(s.url, { headers: { ...s.headers, "x-sim-fault": fault }, body: s.body });
};

describe("request faults in each provider's dialect", () => {
  it("rate_limit → 429 with Retry-After (Segmind: x-rate-limit-reset-at-utc)", async () => {
    const expected: Record<Provider, object> = {
      kling: { code: 1302 },
      wavespeed: { code: 429 },
      runware: { errors: [expect.objectContaining({ code: "rateLimitExceeded" })] },
      segmind: { error: expect.any(String) },
      fal: { detail: expect.any(String) },
    };
    for (const provider of Object.keys(SUBMITS) as Provider[]) {
      const res = await submitWith(provider, "rate_limit");
      expect(res.status, provider).toBe(429);
      expect(res.body, provider).toMatchObject(expected[provider]);
      if (provider === "segmind") expect(Date.parse(res.headers.get("x-rate-limit-reset-at-utc")!)).toBeGreaterThan(0);
      else expect(res.headers.get("retry-after"), provider).toBe("1");
    }
  });

  it("server_error → 5xx in the provider's body, with a configurable status", async () => {
    for (const provider of Object.keys(SUBMITS) as Provider[]) {
      const res = await submitWith(provider, "server_error");
      expect(res.status, provider).toBe(500);
    }
    await call(`${sim.url}/_sim/faults`, { body: { providers: { kling: { serverErrorRate: 1, serverErrorStatus: 503 } } } });
    const res = await call(SUBMITS.kling().url, { headers: SUBMITS.kling().headers, body: SUBMITS.kling().body });
    expect(res).toMatchObject({ status: 503, body: { code: 5001 } });
  });

  it("quota → each provider's balance-exhausted answer", async () => {
    const expected: Record<Provider, [number, object]> = {
      kling: [429, { code: 1102 }],
      wavespeed: [402, { code: 402 }],
      runware: [402, { errors: [expect.objectContaining({ code: "insufficientCredits" })] }],
      segmind: [406, { error: expect.stringMatching(/Insufficient credits/) }],
      fal: [403, { detail: expect.stringMatching(/Exhausted balance/) }],
    };
    for (const provider of Object.keys(SUBMITS) as Provider[]) {
      const res = await submitWith(provider, "quota");
      expect(res.status, provider).toBe(expected[provider][0]);
      expect(res.body, provider).toMatchObject(expected[provider][1]);
    }
  });

  it("a configured balance runs out: Segmind answers 406 once the $0.035 no longer fits", async () => {
    await call(`${sim.url}/_sim/faults`, { body: { providers: { segmind: { balanceMicros: 35_000 } } } });
    const url = `${sim.url}/segmind/v1/kling-3-text2image`;
    const ok = await fetch(url, { method: "POST", headers: { "x-api-key": SEGMIND_API_KEY, "content-type": "application/json" }, body: JSON.stringify({ prompt: "one" }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-remaining-credits")).toBe("0");
    expect((await call(url, { headers: { "x-api-key": SEGMIND_API_KEY }, body: { prompt: "two" } })).status).toBe(406);
  });

  it("safety → the job fails the way each provider reports moderation, and is not billed", async () => {
    const kling = await submitWith("kling", "safety");
    const klingTask = await waitFor(async () => {
      const res = await call(`${sim.url}/kling/v1/images/generations/${kling.body.data.task_id}`, { headers: SUBMITS.kling().headers });
      return res.body.data.task_status === "failed" ? res.body.data : undefined;
    });
    expect(klingTask.task_status_msg).toMatch(/risk control/);

    const ws = await submitWith("wavespeed", "safety");
    const wsData = await waitFor(async () => {
      const res = await call(ws.body.data.urls.get, { headers: SUBMITS.wavespeed().headers });
      return res.body.data.status === "failed" ? res.body.data : undefined;
    });
    // The task code and message of WaveSpeed's error-codes page (1200 Content Moderation).
    expect(wsData).toMatchObject({ code: 1200, error: "The content contains sensitive information.", has_nsfw_contents: [true], outputs: [] });

    const rw = SUBMITS.runware();
    await call(rw.url, { headers: { ...rw.headers, "x-sim-fault": "safety" }, body: rw.body });
    const rwErrors = await waitFor(async () => (await call(rw.url, { headers: rw.headers, body: [{ taskType: "getResponse", taskUUID: rw.body[0]!.taskUUID }] })).body.errors);
    expect(rwErrors[0]).toMatchObject({ code: "contentModerated", taskUUID: rw.body[0]!.taskUUID });

    const sg = await submitWith("segmind", "safety");
    await waitFor(async () => (await call(sg.body.status_url, { headers: SUBMITS.segmind().headers })).body.status === "FAILED");
    expect(await call(sg.body.response_url, { headers: SUBMITS.segmind().headers })).toMatchObject({ status: 422, body: { status: "FAILED", error: expect.any(String) } });

    const fal = await submitWith("fal", "safety");
    await waitFor(async () => (await call(fal.body.status_url, { headers: SUBMITS.fal().headers })).body.status === "COMPLETED");
    const falResult = await call(fal.body.response_url, { headers: SUBMITS.fal().headers });
    expect(falResult).toMatchObject({ status: 422, body: { detail: [expect.objectContaining({ type: "content_policy_violation" })] } });

    const accounting = await call(`${sim.url}/_sim/accounting`);
    expect(accounting.body.totalCostMicros).toBe(0);
    expect(accounting.body.jobs).toHaveLength(5);
    expect(accounting.body.jobs.every((j: { status: string }) => j.status === "failed")).toBe(true);
  });

  it("timeout → the connection is cut after the job was created (an ambiguous submit)", async () => {
    await call(`${sim.url}/_sim/faults`, { body: { timeoutMs: 100 } });
    await expect(submitWith("wavespeed", "timeout")).rejects.toThrow();
    const state = await call(`${sim.url}/_sim/state`);
    expect(state.body.jobs).toHaveLength(1);
  });

  it("adds latency per request and leaves stuck jobs in processing", async () => {
    const s = SUBMITS.fal();
    const started = Date.now();
    const res = await call(s.url, { headers: { ...s.headers, "x-sim-latency-ms": "300", "x-sim-fault": "stuck" }, body: s.body });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    await new Promise((r) => setTimeout(r, 500));
    expect((await call(res.body.status_url, { headers: s.headers })).body.status).toBe("IN_PROGRESS");
  });

  it("rolls configured rates from a seeded PRNG, so a run replays exactly", async () => {
    const pattern = async () => {
      await call(`${sim.url}/_sim/reset`, { method: "POST" });
      await call(`${sim.url}/_sim/faults`, { body: { seed: 99, providers: { wavespeed: { rateLimitRate: 0.5 } } } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call(`${sim.url}/wavespeed/api/v3/predictions/nope/result`, { headers: SUBMITS.wavespeed().headers })).status);
      return statuses;
    };
    const first = await pattern();
    expect(new Set(first)).toEqual(new Set([404, 429]));
    expect(await pattern()).toEqual(first);
    // Scoped: kling is untouched by wavespeed's rate.
    const kling = await call(`${sim.url}/kling/v1/images/generations/1`, { headers: SUBMITS.kling().headers });
    expect(kling.status).toBe(404);
  });

  it("validates the fault settings it is given", async () => {
    const res = await call(`${sim.url}/_sim/faults`, { body: { rateLimitRate: 2, providers: { nope: {} } } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_faults");
  });
});
