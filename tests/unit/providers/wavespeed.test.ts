import { describe, expect, it } from "vitest";
import { buildWaveSpeedSubmit } from "@/lib/providers/wavespeed/request";
import { parseWaveSpeedPrediction } from "@/lib/providers/wavespeed/status";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { NO_INPUTS } from "@/lib/kling/inputs";
import type { ModelId, Mode } from "@/lib/kling/models";

const params = (model: ModelId, mode: Mode, raw: object) => {
  const r = parseGenerationParams({ model, mode, params: raw });
  if (!r.ok) throw new Error(JSON.stringify(r.fields));
  return r.params;
};

describe("WaveSpeed wire bodies (seeds 000–002)", () => {
  it("V3 text-to-image equals seed 000's example body plus the prompt", () => {
    const p = params("kling-v3", "text-to-image", { prompt: "a fox", aspect_ratio: "16:9", resolution: "1k", num_images: 1, output_format: "png" });
    expect(buildWaveSpeedSubmit({ model: "kling-v3", mode: "text-to-image", params: p, inputs: NO_INPUTS })).toEqual({
      path: "/api/v3/kwaivgi/kling-image-v3/text-to-image",
      query: {},
      body: { prompt: "a fox", aspect_ratio: "16:9", resolution: "1k", num_images: 1, output_format: "png" },
    });
  });
  it("V3 edit equals seed 002's example plus prompt and image; the webhook rides in ?webhook=", () => {
    const p = params("kling-v3", "edit", { prompt: "make it red", output_format: "png" });
    expect(buildWaveSpeedSubmit({ model: "kling-v3", mode: "edit", params: p, inputs: { images: [{ url: "https://s3/src.png" }], elements: [] }, webhookUrl: "https://studio/wh?cid=g&token=t" })).toEqual({
      path: "/api/v3/kwaivgi/kling-image-v3/edit",
      query: { webhook: "https://studio/wh?cid=g&token=t" },
      body: { prompt: "make it red", image: "https://s3/src.png", aspect_ratio: "16:9", resolution: "1k", num_images: 1, output_format: "png" },
    });
  });
  it("O3 equals seed 001's example (auto, 1k, single, 1) plus prompt and images; elements ride in images, named in words", () => {
    const p = params("kling-v3-omni", "text-to-image", { prompt: "a castle" });
    expect(buildWaveSpeedSubmit({ model: "kling-v3-omni", mode: "text-to-image", params: p, inputs: NO_INPUTS }).body).toEqual({
      prompt: "a castle", aspect_ratio: "auto", resolution: "1k", result_type: "single", num_images: 1,
    });
    const refs = params("kling-v3-omni", "multi-reference", { prompt: "hero", resolution: "4k", num_images: 3 });
    const inputs = { images: [{ url: "https://s3/a.png" }, { url: "https://s3/b.png" }], elements: [] };
    expect(buildWaveSpeedSubmit({ model: "kling-v3-omni", mode: "multi-reference", params: refs, inputs })).toEqual({
      path: "/api/v3/kwaivgi/kling-image-o3",
      query: {},
      body: { prompt: "hero", images: ["https://s3/a.png", "https://s3/b.png"], aspect_ratio: "auto", resolution: "4k", result_type: "single", num_images: 3 },
    });
    // Seed 001: `images` holds "reference images of the element, scene, style", the prompt names the element
    // "naturally"; `element_list` takes WaveSpeed's own ids, so a Kling id (klingElementId) is never sent there.
    const withElements = params("kling-v3-omni", "multi-reference", { prompt: "@element2 and @Element1 in front of @image1" });
    const both = {
      images: [{ url: "https://s3/a.png" }],
      elements: [
        { name: "Mira", frontalImageUrl: "https://s3/m.png", referenceImageUrls: ["https://s3/m1.png", "https://s3/m2.png"], klingElementId: "77" },
        { name: "Red chair", frontalImageUrl: "https://s3/c.png" },
      ],
    };
    expect(buildWaveSpeedSubmit({ model: "kling-v3-omni", mode: "multi-reference", params: withElements, inputs: both }).body).toEqual({
      prompt: "Red chair and Mira in front of @image1",
      images: ["https://s3/a.png", "https://s3/m.png", "https://s3/m1.png", "https://s3/m2.png", "https://s3/c.png"],
      aspect_ratio: "auto", resolution: "1k", result_type: "single", num_images: 1,
    });
  });
});

describe("WaveSpeed predictions", () => {
  it("maps created/processing/completed/failed and the task error codes", () => {
    expect(parseWaveSpeedPrediction({ status: "created", outputs: [] }).status).toBe("queued");
    expect(parseWaveSpeedPrediction({ status: "processing", outputs: [] }).status).toBe("running");
    expect(parseWaveSpeedPrediction({ status: "completed", outputs: ["https://w/1.png", "https://w/2.png"] })).toMatchObject({
      status: "succeeded", outputs: [{ url: "https://w/1.png" }, { url: "https://w/2.png" }],
    });
    expect(parseWaveSpeedPrediction({ status: "failed", error: "content flagged" }, 1200).error?.class).toBe("safety");
    expect(parseWaveSpeedPrediction({ status: "failed", error: "bad url" }, 1402).error?.class).toBe("invalid_input");
    expect(parseWaveSpeedPrediction({ status: "failed", error: "worker crashed" }, 5000).error?.class).toBe("transient");
  });
});
