import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/simulator/server";
import { SEGMIND_API_KEY } from "@/simulator/credentials";
import { call, imageSize, startTestSimulator, waitFor } from "./support/sim";

let sim: RunningSimulator;
const headers = { "x-api-key": SEGMIND_API_KEY };

// Seed 003's request body, verbatim.
const SEED_BODY = {
  prompt: "A majestic snow-capped mountain range at golden hour, reflected in a crystal-clear alpine lake, photorealistic, ultra detailed, cinematic lighting",
  negative_prompt: "blurry, low quality, distorted, watermark",
  resolution: "1K",
  aspect_ratio: "16:9",
  output_format: "png",
};

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe("segmind v1 (sync)", () => {
  it("answers the seed body with PNG bytes and accounting headers", async () => {
    const response = await fetch(`${sim.url}/segmind/v1/kling-3-text2image`, {
      method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(SEED_BODY),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-cost")).toBe("0.035");
    expect(Number(response.headers.get("x-remaining-credits"))).toBeGreaterThan(0);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1360, 768, "png"]);
  });

  it("rejects Bearer auth, a missing key, the wrong content type and invalid values", async () => {
    const url = `${sim.url}/segmind/v1/kling-3-text2image`;
    const bearer = await call(url, { headers: { authorization: `Bearer ${SEGMIND_API_KEY}` }, body: SEED_BODY });
    expect(bearer.status).toBe(401);
    expect(bearer.body.error).toMatch(/invalid/i);
    const missing = await call(url, { body: SEED_BODY });
    expect(missing.body).toEqual({ error: "Missing Authorization or x-api-key in header" });
    const plain = await call(url, { headers: { ...headers, "content-type": "text/plain" }, body: JSON.stringify(SEED_BODY) });
    expect(plain.status).toBe(406);
    for (const patch of [{ aspect_ratio: "21:9" }, { resolution: "4K" }, { output_format: "gif" }, { prompt: undefined }, { elements: Array(11).fill({}) },
      // Seed 003's element: frontal "string (uri)", "Up to 3 reference images"; the prompt's (elementN) within the list.
      { elements: [{ frontal_image_url: "not a uri" }] },
      { elements: [{ frontal_image_url: "https://e.x/f.png", reference_image_urls: Array(4).fill("https://e.x/r.png") }] },
      { prompt: "(element2) on a bench", elements: [{ frontal_image_url: "https://e.x/f.png" }] },
      { prompt: "(element1) on a bench" }]) {
      const res = await call(url, { headers, body: { ...SEED_BODY, ...patch } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: expect.any(String) });
    }
    const withElements = await call(`${sim.url}/segmind/v2/kling-3-text2image`, {
      headers,
      body: { ...SEED_BODY, prompt: "(element1) and (Element2)", elements: [{ frontal_image_url: "https://e.x/f.png", reference_image_urls: ["https://e.x/r.png"] }, { frontal_image_url: "https://e.x/g.png" }] },
    });
    expect(withElements.status).toBe(200);
    const i2i = await call(`${sim.url}/segmind/v1/kling-3-image2image`, { headers, body: SEED_BODY });
    expect(i2i.body.error).toMatch(/image_url/);
  });
});

describe("segmind v2 (async)", () => {
  it("queues, reports status and returns output with metrics.cost; URLs point back at the simulator", async () => {
    const res = await call(`${sim.url}/segmind/v2/kling-3-image2image`, { headers, body: { ...SEED_BODY, image_url: "https://e.x/in.png", resolution: "2K", aspect_ratio: "3:4", output_format: "webp" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "QUEUED", request_id: expect.any(String) });
    for (const key of ["poll_url", "status_url", "response_url"]) expect(res.body[key].startsWith(`${sim.url}/segmind/`)).toBe(true);
    await waitFor(async () => (await call(res.body.status_url, { headers })).body.status === "COMPLETED");
    const result = await call(res.body.response_url, { headers });
    expect(result.body).toMatchObject({ status: "COMPLETED", metrics: { cost: 0.035, remaining_credits: expect.any(Number) } });
    expect(await imageSize(result.body.output)).toEqual({ width: 1760, height: 2336, format: "webp" });
    const viaPollUrl = await call(res.body.poll_url, { headers });
    expect(viaPollUrl.body.output).toBe(result.body.output);
    const unknown = await call(`${sim.url}/segmind/v2/requests/00000000-0000-4000-8000-000000000000`, { headers });
    expect(unknown.status).toBe(404);
  });
});
