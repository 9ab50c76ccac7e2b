import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "wavespeed";
import type { RunningSimulator } from "@/simulator/server";
import { WAVESPEED_API_KEY, WAVESPEED_WEBHOOK_SECRET } from "@/simulator/credentials";
import { call, imageSize, startTestSimulator, waitFor } from "./support/sim";
import { startReceiver } from "./support/receiver";

let sim: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const headers = { authorization: `Bearer ${WAVESPEED_API_KEY}` };

// The three curl bodies from seeds 000–002, verbatim. They omit the required prompt (and the edit body its image).
const SEED_BODIES = {
  "kwaivgi/kling-image-v3/text-to-image": { aspect_ratio: "16:9", resolution: "1k", num_images: 1, output_format: "png" },
  "kwaivgi/kling-image-o3": { aspect_ratio: "auto", resolution: "1k", result_type: "single", num_images: 1 },
  "kwaivgi/kling-image-v3/edit": { aspect_ratio: "16:9", resolution: "1k", num_images: 1, output_format: "png" },
} as const;
const COMPLETIONS = { "kwaivgi/kling-image-v3/edit": { image: "https://e.x/in.png" } } as Record<string, object>;

beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

// Independent of the simulator's signer: the documented recipe, in a few lines of node:crypto.
function verifyWavespeed(h: Record<string, string | string[] | undefined>, body: string, secret: string): boolean {
  const [version, hex] = String(h["webhook-signature"]).split(",");
  const expected = createHmac("sha256", secret.replace(/^whsec_/, "")).update(`${h["webhook-id"]}.${h["webhook-timestamp"]}.${body}`).digest();
  const given = Buffer.from(hex ?? "", "hex");
  return version === "v3" && given.length === expected.length && timingSafeEqual(given, expected);
}

describe("wavespeed seed examples", () => {
  for (const [model, seedBody] of Object.entries(SEED_BODIES)) {
    it(`${model}: the literal seed body is refused for its missing prompt, and accepted once completed`, async () => {
      const literal = await call(`${sim.url}/wavespeed/api/v3/${model}`, { headers, body: seedBody });
      expect(literal.status).toBe(400);
      expect(literal.body).toEqual({ code: 400, message: "prompt is required", data: null });

      const body = { ...seedBody, prompt: "a quiet harbour at dawn", ...COMPLETIONS[model] };
      const res = await call(`${sim.url}/wavespeed/api/v3/${model}?webhook=${encodeURIComponent(receiver.url(`/ws/${model}`))}`, { headers, body });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: 200, message: "success", data: { status: "created", outputs: [], model } });
      expect(res.body.data.id).toMatch(/^[0-9a-f]{32}$/);
      const data = await waitFor(async () => {
        const polled = await call(res.body.data.urls.get, { headers });
        return polled.body.data.status === "completed" ? polled.body.data : undefined;
      });
      // 16:9 at 1k is 1360×768; "auto" with an unreadable (absent) reference falls back to 1:1.
      const expected = seedBody.aspect_ratio === "auto" ? { width: 1024, height: 1024 } : { width: 1360, height: 768 };
      expect(await imageSize(data.outputs[0])).toMatchObject({ ...expected, format: "png" });

      const hook = await waitFor(() => receiver.received.find((r) => r.path === `/ws/${model}`));
      expect(verifyWavespeed(hook.headers, hook.body, WAVESPEED_WEBHOOK_SECRET)).toBe(true);
      expect(verifyWavespeed(hook.headers, hook.body, "wrong-secret")).toBe(false);
      expect(verifyWavespeed(hook.headers, `${hook.body} `, WAVESPEED_WEBHOOK_SECRET)).toBe(false);
      const payload = JSON.parse(hook.body);
      expect(payload).toMatchObject({ id: res.body.data.id, status: "completed", input: body, outputs: data.outputs });
    });
  }

  it("validates allowed values in WaveSpeed's error body", async () => {
    const url = `${sim.url}/wavespeed/api/v3/kwaivgi/kling-image-v3/text-to-image`;
    for (const body of [{ prompt: "x", num_images: 10 }, { prompt: "x", resolution: "4k" }, { prompt: "x", aspect_ratio: "auto" }, { prompt: "x".repeat(2501) }]) {
      const res = await call(url, { headers, body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 400, data: null, message: expect.any(String) });
    }
    const o3edit = await call(`${sim.url}/wavespeed/api/v3/kwaivgi/kling-image-o3/edit`, { headers, body: { prompt: "x", images: Array(11).fill("https://e.x/a.png") } });
    expect(o3edit.status).toBe(400);
    // The unified O3 endpoint: `images` "max 10" (seed 001) — element images sent inline count there too.
    const unified = `${sim.url}/wavespeed/api/v3/kwaivgi/kling-image-o3`;
    expect((await call(unified, { headers, body: { prompt: "x", images: Array(11).fill("https://e.x/a.png") } })).status).toBe(400);
    expect((await call(unified, { headers, body: { prompt: "x", images: Array(10).fill("https://e.x/a.png") } })).status).toBe(200);
    const unauth = await call(url, { body: { prompt: "x" } });
    expect(unauth.status).toBe(401);
    expect(unauth.body).toMatchObject({ code: 401 });
  });

  it("supports enable_sync_mode", async () => {
    const res = await call(`${sim.url}/wavespeed/api/v3/kwaivgi/kling-image-o3/text-to-image`, {
      headers, body: { prompt: "sync", resolution: "2k", aspect_ratio: "9:16", num_images: 2, output_format: "jpeg", enable_sync_mode: true },
    });
    expect(res.body.data.status).toBe("completed");
    expect(res.body.data.outputs).toHaveLength(2);
    expect(await imageSize(res.body.data.outputs[1])).toEqual({ width: 1536, height: 2720, format: "jpeg" });
  });
});

describe("the official wavespeed SDK", () => {
  it("runs a model against the simulator through its baseUrl option", async () => {
    const client = new Client(WAVESPEED_API_KEY, { baseUrl: `${sim.url}/wavespeed` });
    const output = await client.run("kwaivgi/kling-image-v3/text-to-image", { prompt: "sdk", aspect_ratio: "1:1" }, { pollInterval: 0.05, timeout: 10 });
    expect(output.outputs).toHaveLength(1);
    expect(await imageSize(output.outputs[0] as string)).toMatchObject({ width: 1024, height: 1024 });
  });
});
