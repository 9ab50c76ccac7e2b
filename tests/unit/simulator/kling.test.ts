import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { call, imageSize, klingJwt, startTestSimulator, waitFor } from "./support/sim";
import { startReceiver } from "./support/receiver";

let sim: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const auth = () => ({ authorization: `Bearer ${klingJwt()}` });

beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

describe("kling auth", () => {
  const submit = (headers: Record<string, string>) =>
    call(`${sim.url}/kling/v1/images/generations`, { headers, body: { model_name: "kling-v3", prompt: "a fox" } });

  it("rejects a missing, badly signed, expired, not-yet-valid or foreign token with its own code", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await submit({})).body).toMatchObject({ code: 1001 });
    const cases: Array<[string, number]> = [
      [klingJwt({ secret: "wrong-secret" }), 1002],
      [klingJwt({ exp: now - 10 }), 1004],
      [klingJwt({ nbf: now + 600 }), 1003],
      [klingJwt({ iss: "someone-else" }), 1000],
      ["not-a-jwt", 1002],
    ];
    for (const [token, code] of cases) {
      const res = await submit({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code, request_id: expect.any(String) });
    }
  });
});

describe("kling v3 generations", () => {
  it("runs submitted → processing → succeed, calls back on each change, serves the right pixels", async () => {
    const res = await call(`${sim.url}/kling/v1/images/generations`, {
      headers: auth(),
      body: { model_name: "kling-v3", prompt: "a red fox", aspect_ratio: "3:2", resolution: "2k", n: 2, external_task_id: "gen_abc", callback_url: receiver.url("/kling") },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 0, message: "SUCCEED", data: { task_status: "submitted", task_info: { external_task_id: "gen_abc" } } });
    const taskId: string = res.body.data.task_id;
    expect(taskId).toMatch(/^\d{18}$/);

    const task = await waitFor(async () => {
      const polled = await call(`${sim.url}/kling/v1/images/generations/gen_abc`, { headers: auth() });
      return polled.body.data.task_status === "succeed" ? polled.body.data : undefined;
    });
    expect(task.task_id).toBe(taskId);
    expect(task.final_unit_deduction).toBe("0.4");
    expect(task.task_result.images).toHaveLength(2);
    expect(await imageSize(task.task_result.images[1].url)).toEqual({ width: 2496, height: 1664, format: "png" });

    const callbacks = await waitFor(() => {
      const mine = receiver.received.filter((r) => r.path === "/kling").map((r) => JSON.parse(r.body));
      return mine.length >= 3 ? mine : undefined;
    });
    expect(callbacks.map((c) => c.task_status)).toEqual(["submitted", "processing", "succeed"]);
    expect(callbacks[2]).toMatchObject({ task_id: taskId, task_info: { external_task_id: "gen_abc" } });
    expect(callbacks[2].task_result.images[0].url).toContain("/kling/files/");
  });

  it("rejects invalid requests with 1200/1201 business codes", async () => {
    const bad = async (body: object) => {
      const res = await call(`${sim.url}/kling/v1/images/generations`, { headers: auth(), body });
      expect(res.status).toBe(400);
      return res.body.code as number;
    };
    expect(await bad({ model_name: "kling-v3" })).toBe(1200);
    expect(await bad({ model_name: "kling-v3", prompt: "x".repeat(2501) })).toBe(1201);
    expect(await bad({ model_name: "kling-v3", prompt: "x", aspect_ratio: "5:4" })).toBe(1201);
    expect(await bad({ model_name: "kling-v3", prompt: "x", n: 10 })).toBe(1201);
    expect(await bad({ model_name: "kling-v3", prompt: "x", resolution: "4k" })).toBe(1201);
    expect(await bad({ model_name: "kling-v3", prompt: "x", image: "data:image/png;base64,AAAA" })).toBe(1201);
    expect(await bad({ model_name: "kling-v3", prompt: "x", image: "https://e.x/a.png", negative_prompt: "y" })).toBe(1201);
    expect(await bad({ prompt: "no model means kling-v1, which is not simulated" })).toBe(1201);
  });
});

describe("kling o3 omni-image", () => {
  it("renders a 4k 3:2 PNG at 4992×3328 and bills $0.056", async () => {
    const res = await call(`${sim.url}/kling/v1/images/omni-image`, {
      headers: auth(),
      body: { model_name: "kling-v3-omni", prompt: "a lighthouse, style of <<<image_1>>>", image_list: [{ image: "https://e.x/ref.png" }], resolution: "4k", aspect_ratio: "3:2" },
    });
    expect(res.status).toBe(200);
    const id = res.body.data.task_id;
    const task = await waitFor(async () => {
      const polled = await call(`${sim.url}/kling/v1/images/omni-image/${id}`, { headers: auth() });
      return polled.body.data.task_status === "succeed" ? polled.body.data : undefined;
    }, 20_000);
    expect(await imageSize(task.task_result.images[0].url)).toEqual({ width: 4992, height: 3328, format: "png" });
    const accounting = await call(`${sim.url}/_sim/accounting`);
    expect(accounting.body.jobs.find((j: { externalId: string }) => j.externalId === id)).toMatchObject({ costMicros: 56_000 });
  }, 30_000);

  it("checks reference limits and prompt references", async () => {
    const images = Array.from({ length: 6 }, () => ({ image: "https://e.x/a.png" }));
    const elements = Array.from({ length: 5 }, (_, i) => ({ element_id: 100 + i }));
    const tooMany = await call(`${sim.url}/kling/v1/images/omni-image`, {
      headers: auth(), body: { model_name: "kling-v3-omni", prompt: "x", image_list: images, element_list: elements },
    });
    expect(tooMany.body).toMatchObject({ code: 1201 });
    const dangling = await call(`${sim.url}/kling/v1/images/omni-image`, {
      headers: auth(), body: { model_name: "kling-v3-omni", prompt: "mix <<<image_2>>>", image_list: [{ image: "https://e.x/a.png" }] },
    });
    expect(dangling.body).toMatchObject({ code: 1201 });
  });

  it("returns series results in series_images", async () => {
    const res = await call(`${sim.url}/kling/v1/images/omni-image`, {
      headers: auth(), body: { model_name: "kling-v3-omni", prompt: "a comic strip", result_type: "series", series_amount: 3, aspect_ratio: "1:1" },
    });
    const task = await waitFor(async () => {
      const polled = await call(`${sim.url}/kling/v1/images/omni-image/${res.body.data.task_id}`, { headers: auth() });
      return polled.body.data.task_status === "succeed" ? polled.body.data : undefined;
    });
    expect(task.task_result.series_images).toHaveLength(3);
    expect(await imageSize(task.task_result.series_images[2].url)).toMatchObject({ width: 1024, height: 1024 });
  });

  it("lists tasks and 404s unknown ones", async () => {
    const list = await call(`${sim.url}/kling/v1/images/omni-image?pageNum=1&pageSize=2`, { headers: auth() });
    expect(list.body.data.length).toBeLessThanOrEqual(2);
    const missing = await call(`${sim.url}/kling/v1/images/omni-image/123`, { headers: auth() });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 1203 });
  });
});
