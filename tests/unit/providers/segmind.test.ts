import { describe, expect, it } from "vitest";
import { buildSegmindSubmit, segmindRequestPaths } from "@/lib/providers/segmind/request";
import { parseSegmindResult, segmindError } from "@/lib/providers/segmind/status";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { NO_INPUTS } from "@/lib/kling/inputs";
import type { HttpResponse } from "@/lib/providers/http";

const params = (raw: object, mode: "text-to-image" | "edit" = "text-to-image") => {
  const r = parseGenerationParams({ model: "kling-v3", mode, params: raw });
  if (!r.ok) throw new Error(JSON.stringify(r.fields));
  return r.params;
};
const response = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse => ({ status, json, text: JSON.stringify(json), headers: new Headers(headers) });

describe("Segmind wire bodies (seed 003)", () => {
  it("text-to-image equals the seed's example body, on the v2 async path", () => {
    const seed = {
      prompt: "A majestic snow-capped mountain range at golden hour, reflected in a crystal-clear alpine lake, photorealistic, ultra detailed, cinematic lighting",
      negative_prompt: "blurry, low quality, distorted, watermark",
      resolution: "1K",
      aspect_ratio: "16:9",
      output_format: "png",
    };
    const p = params({ prompt: seed.prompt, negative_prompt: seed.negative_prompt, resolution: "1k", aspect_ratio: "16:9", output_format: "png" });
    expect(buildSegmindSubmit({ mode: "text-to-image", params: p, inputs: NO_INPUTS })).toEqual({ path: "/v2/kling-3-text2image", body: seed });
  });
  it("edit goes to kling-3-image2image with image_url", () => {
    const p = params({ prompt: "make it night", resolution: "2k" }, "edit");
    expect(buildSegmindSubmit({ mode: "edit", params: p, inputs: { images: [{ url: "https://s3/src.jpg" }], elements: [] } })).toEqual({
      path: "/v2/kling-3-image2image",
      body: { prompt: "make it night", image_url: "https://s3/src.jpg", resolution: "2K", aspect_ratio: "16:9" },
    });
    expect(segmindRequestPaths("r-1")).toEqual({ status: "/v2/requests/r-1/status", response: "/v2/requests/r-1" });
  });
});

describe("Segmind elements (seed 003)", () => {
  it("text-to-image sends elements inline and names them (element1), (element2) in the prompt", () => {
    const p = params({ prompt: "@element1 hands @Element2 a cup" });
    const inputs = {
      images: [],
      elements: [
        { name: "Mira", frontalImageUrl: "https://s3/m.png", referenceImageUrls: ["https://s3/m1.png"] },
        { name: "Cup", frontalImageUrl: "https://s3/c.png" },
      ],
    };
    expect(buildSegmindSubmit({ mode: "text-to-image", params: p, inputs })).toEqual({
      path: "/v2/kling-3-text2image",
      body: {
        prompt: "(element1) hands (element2) a cup",
        elements: [
          { frontal_image_url: "https://s3/m.png", reference_image_urls: ["https://s3/m1.png"] },
          { frontal_image_url: "https://s3/c.png", reference_image_urls: [] },
        ],
        resolution: "1K", aspect_ratio: "16:9",
      },
    });
  });
});

describe("Segmind answers", () => {
  it("reads outputs in any documented shape and metrics.cost", () => {
    expect(parseSegmindResult(response(200, { status: "COMPLETED", output: "https://sg/1.png", metrics: { cost: 0.035 } }))).toMatchObject({ status: "succeeded", outputs: [{ url: "https://sg/1.png" }], providerCostMicros: 35_000 });
    expect(parseSegmindResult(response(200, { output: ["https://sg/1.png", { url: "https://sg/2.png" }] }, { "x-cost": "0.035" }))).toMatchObject({ outputs: [{ url: "https://sg/1.png" }, { url: "https://sg/2.png" }], providerCostMicros: 35_000 });
    expect(parseSegmindResult(response(422, { status: "FAILED", error: "NSFW content detected" }))).toMatchObject({ status: "failed", error: { class: "safety" } });
  });
  it("maps HTTP errors, 406 as quota and the 429 reset instant", () => {
    expect(segmindError(response(401, { error: "Missing Authorization or x-api-key in header" }), { submit: true })?.errorClass).toBe("auth");
    expect(segmindError(response(406, { error: "Insufficient credits" }), { submit: true })?.errorClass).toBe("quota");
    const limited = segmindError(response(429, { error: "slow down" }, { "x-rate-limit-reset-at-utc": "2026-01-01T00:00:30Z" }), { submit: true, now: Date.parse("2026-01-01T00:00:00Z") });
    expect(limited).toMatchObject({ errorClass: "rate_limited", retryAfterMs: 30_000, ambiguous: false });
    expect(segmindError(response(504, {}), { submit: true })).toMatchObject({ errorClass: "transient", ambiguous: true });
    expect(segmindError(response(200, { request_id: "r" }), { submit: true })).toBeNull();
  });
});
