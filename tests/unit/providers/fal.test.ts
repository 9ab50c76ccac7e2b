import { describe, expect, it } from "vitest";
import { buildFalSubmit, falRequestPaths } from "@/lib/providers/fal/request";
import { parseFalResult } from "@/lib/providers/fal/status";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { NO_INPUTS } from "@/lib/kling/inputs";
import type { HttpResponse } from "@/lib/providers/http";
import type { ModelId, Mode } from "@/lib/kling/models";

const params = (model: ModelId, mode: Mode, raw: object) => {
  const r = parseGenerationParams({ model, mode, params: raw });
  if (!r.ok) throw new Error(JSON.stringify(r.fields));
  return r.params;
};
const response = (status: number, json: unknown): HttpResponse => ({ status, json, text: JSON.stringify(json), headers: new Headers() });

describe("fal wire bodies (providers.md §5.1)", () => {
  it("V3 text-to-image: capital resolution, negative prompt, webhook in ?fal_webhook=", () => {
    const p = params("kling-v3", "text-to-image", { prompt: "a fox", negative_prompt: "blur", resolution: "2k", num_images: 2, aspect_ratio: "9:16", output_format: "jpeg" });
    expect(buildFalSubmit({ model: "kling-v3", mode: "text-to-image", params: p, inputs: NO_INPUTS, webhookUrl: "https://studio/wh?cid=g&token=t" })).toEqual({
      path: "/fal-ai/kling-image/v3/text-to-image",
      query: { fal_webhook: "https://studio/wh?cid=g&token=t" },
      body: { prompt: "a fox", negative_prompt: "blur", resolution: "2K", num_images: 2, aspect_ratio: "9:16", output_format: "jpeg" },
    });
  });
  it("V3 edit → v3/image-to-image with image_url", () => {
    const p = params("kling-v3", "edit", { prompt: "red" });
    expect(buildFalSubmit({ model: "kling-v3", mode: "edit", params: p, inputs: { images: [{ url: "https://s3/a.png" }], elements: [] } })).toEqual({
      path: "/fal-ai/kling-image/v3/image-to-image", query: {}, body: { prompt: "red", image_url: "https://s3/a.png", resolution: "1K", num_images: 1, aspect_ratio: "16:9" },
    });
  });
  it("V3 text-to-image takes elements inline too (`elements?` on every fal Kling endpoint), named @Element1", () => {
    const p = params("kling-v3", "text-to-image", { prompt: "@element1 on a bench" });
    const inputs = { images: [], elements: [{ name: "Mira", frontalImageUrl: "https://s3/f.png" }] };
    expect(buildFalSubmit({ model: "kling-v3", mode: "text-to-image", params: p, inputs })).toEqual({
      path: "/fal-ai/kling-image/v3/text-to-image",
      query: {},
      body: { prompt: "@Element1 on a bench", elements: [{ frontal_image_url: "https://s3/f.png", reference_image_urls: [] }], resolution: "1K", num_images: 1, aspect_ratio: "16:9" },
    });
  });
  it("O3 references → o3/image-to-image with image_urls, inline elements, series and @ImageN", () => {
    const p = params("kling-v3-omni", "multi-reference", { prompt: "@image1 meets @element1", resolution: "4k", result_type: "series", series_amount: 3 });
    const inputs = { images: [{ url: "https://s3/a.png" }], elements: [{ frontalImageUrl: "https://s3/f.png", referenceImageUrls: ["https://s3/r1.png"] }] };
    expect(buildFalSubmit({ model: "kling-v3-omni", mode: "multi-reference", params: p, inputs })).toEqual({
      path: "/fal-ai/kling-image/o3/image-to-image",
      query: {},
      body: {
        prompt: "@Image1 meets @Element1", image_urls: ["https://s3/a.png"],
        elements: [{ frontal_image_url: "https://s3/f.png", reference_image_urls: ["https://s3/r1.png"] }],
        resolution: "4K", result_type: "series", series_amount: 3, aspect_ratio: "auto",
      },
    });
  });
  it("O3 without images → o3/text-to-image, where auto becomes 1:1", () => {
    const p = params("kling-v3-omni", "multi-reference", { prompt: "@element1 on stage" });
    const built = buildFalSubmit({ model: "kling-v3-omni", mode: "multi-reference", params: p, inputs: { images: [], elements: [{ frontalImageUrl: "https://s3/f.png" }] } });
    expect(built.path).toBe("/fal-ai/kling-image/o3/text-to-image");
    expect(built.body).toEqual({ prompt: "@Element1 on stage", elements: [{ frontal_image_url: "https://s3/f.png", reference_image_urls: [] }], resolution: "1K", result_type: "single", num_images: 1, aspect_ratio: "1:1" });
  });
  it("status, result and cancel live under the app root", () => {
    expect(falRequestPaths("abc")).toEqual({ status: "/fal-ai/kling-image/requests/abc/status", result: "/fal-ai/kling-image/requests/abc", cancel: "/fal-ai/kling-image/requests/abc/cancel" });
  });
});

describe("fal results", () => {
  it("reads images with sizes, and failures from detail", () => {
    expect(parseFalResult(response(200, { images: [{ url: "https://v3.fal.media/files/a.png", width: 1024, height: 1024, content_type: "image/png" }] }))).toMatchObject({
      status: "succeeded", outputs: [{ url: "https://v3.fal.media/files/a.png", width: 1024, height: 1024, format: "png" }],
    });
    expect(parseFalResult(response(422, { detail: [{ loc: ["body", "prompt"], msg: "field required", type: "missing" }] }))).toMatchObject({ status: "failed", error: { class: "invalid_input", message: "field required" } });
    expect(parseFalResult(response(422, { detail: [{ msg: "flagged", type: "content_policy_violation" }] })).error?.class).toBe("safety");
  });
});
