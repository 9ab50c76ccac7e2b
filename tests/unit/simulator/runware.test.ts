import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Runware } from "@runware/sdk-js";
import type { RunningSimulator } from "@/simulator/server";
import { RUNWARE_API_KEY } from "@/simulator/credentials";
import { call, imageSize, startTestSimulator, waitFor } from "./support/sim";
import { startReceiver } from "./support/receiver";

let sim: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const headers = { authorization: `Bearer ${RUNWARE_API_KEY}` };
const prompt = (n: number) => `seed example ${n}: ${"ornate detail, ".repeat(40)}`.slice(0, 900);

// The four request bodies of seed 004 (prompts shortened; every other field verbatim).
const SEED_TASKS = [
  { taskType: "imageInference", taskUUID: "3ba7ae08-76de-4f81-ab0f-64c7aaf0000f", model: "klingai:kling-image@3", positivePrompt: prompt(1), width: 1664, height: 2496 },
  { taskType: "imageInference", taskUUID: "fe404c02-8897-490c-8c56-6f800e0bbaf3", model: "klingai:kling-image@3", positivePrompt: prompt(2), width: 2496, height: 1664, inputs: { referenceImages: ["https://assets.runware.ai/assets/inputs/ca759048-2e8d-4bf1-9a16-4f0d1bab46bc.jpg"] } },
  { taskType: "imageInference", taskUUID: "e93e9c10-ac72-41e8-8dd4-424cbb4c6745", model: "klingai:kling-image@3", positivePrompt: prompt(3), width: 1664, height: 2496, inputs: { referenceImages: ["https://assets.runware.ai/assets/inputs/080c0de8-0c59-4f33-b851-5fcd1f2cfaff.jpg"] } },
  { taskType: "imageInference", taskUUID: "b47f79d6-af49-4208-8995-63d507de6a05", model: "klingai:kling-image@3", positivePrompt: prompt(4), width: 2496, height: 1664 },
];

beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const post = (tasks: unknown, h: Record<string, string> = headers) => call(`${sim.url}/runware/v1`, { headers: h, body: tasks });

describe("runware seed examples", () => {
  it("accepts all four seed tasks in one array (sync delivery) and returns items shaped like the seed responses", async () => {
    const res = await post(SEED_TASKS.map((t) => ({ ...t, includeCost: true })));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toHaveLength(4);
    for (const task of SEED_TASKS) {
      const item = res.body.data.find((d: { taskUUID: string }) => d.taskUUID === task.taskUUID);
      expect(item).toMatchObject({ taskType: "imageInference", imageUUID: expect.any(String), seed: expect.any(Number), cost: 0.028 });
      expect(item.imageURL).toMatch(/\/runware\/files\/.+\.jpg\?/);
      expect(await imageSize(item.imageURL)).toEqual({ width: task.width, height: task.height, format: "jpeg" });
    }
  }, 20_000);

  it("runs async: ACK, getResponse partial results, one webhook per item", async () => {
    const taskUUID = randomUUID();
    const ack = await post([{ taskType: "imageInference", taskUUID, model: "klingai:kling-image@o3", positivePrompt: "three lanterns", resolution: "1k", numberResults: 3, outputFormat: "PNG", deliveryMethod: "async", webhookURL: receiver.url(`/rw/${taskUUID}?token=abc`) }]);
    expect(ack.body).toEqual({ data: [{ taskType: "imageInference", taskUUID }] });
    const first = await post([{ taskType: "getResponse", taskUUID }]);
    expect(first.body.data.every((d: { status: string }) => d.status === "processing")).toBe(true);
    const done = await waitFor(async () => {
      const polled = await post([{ taskType: "getResponse", taskUUID }]);
      return polled.body.data.filter((d: { status: string }) => d.status === "success").length === 3 ? polled.body.data : undefined;
    });
    expect(new Set(done.map((d: { imageUUID: string }) => d.imageUUID)).size).toBe(3);
    expect(await imageSize(done[0].imageURL)).toEqual({ width: 1024, height: 1024, format: "png" });
    const hooks = await waitFor(() => {
      const mine = receiver.received.filter((r) => r.path.startsWith(`/rw/${taskUUID}`));
      return mine.length === 3 ? mine : undefined;
    });
    expect(hooks[0]!.path).toContain("token=abc");
    const bodies = hooks.map((h) => JSON.parse(h.body));
    expect(bodies.every((b) => b.taskUUID === taskUUID && typeof b.imageURL === "string" && !("data" in b))).toBe(true);
  });

  it("returns base64 output and honours an explicit seed deterministically", async () => {
    const task = (taskUUID: string) => ({ taskType: "imageInference", taskUUID, model: "klingai:kling-image@3", positivePrompt: "same", width: 1024, height: 1024, seed: 1234, outputType: "base64Data" });
    const [a, b] = await Promise.all([post([task(randomUUID())]), post([task(randomUUID())])]);
    expect(a.body.data[0].seed).toBe(1234);
    expect(a.body.data[0].imageBase64Data).toBe(b.body.data[0].imageBase64Data);
  });
});

describe("runware errors", () => {
  const base = { taskType: "imageInference", model: "klingai:kling-image@3", positivePrompt: "x", width: 1024, height: 1024 };
  it("reports invalid tasks in the errors array with code/message/parameter/taskUUID", async () => {
    const cases: Array<[object, string]> = [
      [{ width: 1000, height: 1000 }, "invalidWidth"],
      [{ width: 1024, height: undefined }, "invalidWidth"],
      [{ resolution: "2k" }, "invalidResolution"],
      [{ positivePrompt: undefined }, "missingPositivePrompt"],
      [{ positivePrompt: "x".repeat(2501) }, "invalidPositivePrompt"],
      [{ numberResults: 21 }, "invalidNumberResults"],
      [{ outputFormat: "GIF" }, "invalidOutputFormat"],
      [{ width: 4096, height: 4096 }, "invalidWidth"],
      [{ inputs: { referenceImages: ["https://e.x/1.png", "https://e.x/2.png"] } }, "invalidReferenceImages"],
      [{ model: "klingai:kling-image@9" }, "invalidModel"],
    ];
    for (const [patch, code] of cases) {
      const taskUUID = randomUUID();
      const res = await post([{ ...base, taskUUID, ...patch }]);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ code, message: expect.any(String), parameter: expect.any(String), taskType: "imageInference", taskUUID });
    }
    const badUuid = await post([{ ...base, taskUUID: "not-a-uuid" }]);
    expect(badUuid.body.errors[0]).toMatchObject({ code: "invalidTaskUUID", parameter: "taskUUID" });
    const notArray = await post({ ...base, taskUUID: randomUUID() });
    expect(notArray.status).toBe(400);
    expect(notArray.body.errors[0].code).toBe("invalidPayload");
  });

  it("authenticates by header or by an authentication task, with Runware's error shapes", async () => {
    const task = { ...base, taskUUID: randomUUID(), deliveryMethod: "async" };
    const none = await post([task], {});
    expect(none.status).toBe(401);
    expect(none.body.errors[0]).toMatchObject({ code: "missingApiKey", parameter: "apiKey", taskType: "authentication" });
    const wrong = await post([task], { authorization: "Bearer nope" });
    expect(wrong.body.errors[0]).toMatchObject({ code: "invalidApiKey", parameter: "apiKey", taskType: "authentication" });
    const shapeless = await post([{ taskType: "authentication" }, task], {});
    expect(shapeless.body.errors[0]).toMatchObject({ code: "missingApiKey", taskType: "authentication" });
    const wrongType = await post([{ taskType: "authentication", apiKey: 42 }, task], {});
    expect(wrongType.body.errors[0]).toMatchObject({ code: "invalidApiKey" });
    const viaTask = await post([{ taskType: "authentication", apiKey: RUNWARE_API_KEY }, task], {});
    expect(viaTask.status).toBe(200);
    expect(viaTask.body.data).toEqual(expect.arrayContaining([
      expect.objectContaining({ taskType: "authentication", connectionSessionUUID: expect.any(String) }),
      { taskType: "imageInference", taskUUID: task.taskUUID },
    ]));
  });
});

describe("the official @runware/sdk-js (WebSocket transport)", () => {
  it("authenticates and runs imageInference against <sim>/runware/v1", async () => {
    const runware = new Runware({ apiKey: RUNWARE_API_KEY, url: `${sim.url.replace(/^http/, "ws")}/runware/v1`, shouldReconnect: false });
    try {
      const images = await runware.imageInference({ positivePrompt: "sdk harbour", model: "klingai:kling-image@3", width: 1360, height: 768, numberResults: 2, outputFormat: "WEBP" });
      expect(images).toHaveLength(2);
      expect(await imageSize(images![0]!.imageURL!)).toEqual({ width: 1360, height: 768, format: "webp" });
    } finally {
      await runware.disconnect();
    }
  }, 20_000);
});
