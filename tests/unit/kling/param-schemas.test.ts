import { describe, expect, it } from "vitest";
import { parseGenerationParams, imageCount } from "@/lib/kling/parse-params";
import type { ModelId, Mode } from "@/lib/kling/models";

const parse = (model: ModelId, mode: Mode, params: unknown) => parseGenerationParams({ model, mode, params });
const fieldsOf = (model: ModelId, mode: Mode, params: unknown) => {
  const result = parse(model, mode, params);
  if (result.ok) throw new Error(`expected rejection of ${JSON.stringify(params)}`);
  return result.fields;
};

describe("parseGenerationParams: defaults", () => {
  it("fills V3 defaults (16:9, 1k, one image) and leaves format/seed to the provider", () => {
    expect(parse("kling-v3", "text-to-image", { prompt: "  a red fox  " })).toEqual({
      ok: true, model: "kling-v3", mode: "text-to-image",
      params: { prompt: "a red fox", aspect_ratio: "16:9", resolution: "1k", num_images: 1 },
    });
  });
  it("fills O3 defaults (auto, 1k, single)", () => {
    const result = parse("kling-v3-omni", "multi-reference", { prompt: "p" });
    expect(result.ok && result.params).toEqual({ prompt: "p", aspect_ratio: "auto", resolution: "1k", num_images: 1, result_type: "single" });
  });
  it("treats an empty negative prompt as none", () => {
    const result = parse("kling-v3", "text-to-image", { prompt: "p", negative_prompt: "  " });
    expect(result.ok && result.params.negative_prompt).toBeUndefined();
  });
  it("accepts every documented value at the edges", () => {
    for (const params of [
      { prompt: "x".repeat(2500), negative_prompt: "y".repeat(2500), aspect_ratio: "21:9", resolution: "2k", num_images: 9, output_format: "webp", seed: 0 },
      { prompt: "p", num_images: 1, output_format: "jpeg", seed: 2_147_483_647 },
    ]) expect(parse("kling-v3", "text-to-image", params).ok).toBe(true);
    expect(parse("kling-v3-omni", "text-to-image", { prompt: "p", resolution: "4k", result_type: "series", series_amount: 9 }).ok).toBe(true);
    expect(parse("kling-v3-omni", "text-to-image", { prompt: "p", result_type: "series", series_amount: 2 }).ok).toBe(true);
  });
  it("counts a series by series_amount", () => {
    const result = parse("kling-v3-omni", "text-to-image", { prompt: "p", result_type: "series", series_amount: 5 });
    expect(result.ok && imageCount(result.params)).toBe(5);
  });
});

describe("parseGenerationParams: every out-of-range value is refused with a field-level message", () => {
  const v3 = (p: object) => fieldsOf("kling-v3", "text-to-image", { prompt: "p", ...p });
  const o3 = (p: object) => fieldsOf("kling-v3-omni", "multi-reference", { prompt: "p", ...p });
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ["missing prompt", fieldsOf("kling-v3", "text-to-image", {}), "prompt", /required/],
    ["blank prompt", v3({ prompt: "   " }), "prompt", /empty/],
    ["non-text prompt", v3({ prompt: 42 }), "prompt", /text/],
    ["2501-character prompt", v3({ prompt: "x".repeat(2501) }), "prompt", /at most 2500/],
    ["2501 emoji prompt", v3({ prompt: "🦊".repeat(2501) }), "prompt", /at most 2500/],
    ["long negative prompt", v3({ negative_prompt: "x".repeat(2501) }), "negative_prompt", /at most 2500/],
    ["unknown aspect ratio", v3({ aspect_ratio: "5:4" }), "aspect_ratio", /one of 16:9/],
    ["auto on V3", v3({ aspect_ratio: "auto" }), "aspect_ratio", /one of/],
    ["4k on V3", v3({ resolution: "4k" }), "resolution", /1k, 2k/],
    ["8k on O3", o3({ resolution: "8k" }), "resolution", /1k, 2k, 4k/],
    ["zero images", v3({ num_images: 0 }), "num_images", /at least 1/],
    ["ten images", v3({ num_images: 10 }), "num_images", /at most 9/],
    ["fractional images", v3({ num_images: 1.5 }), "num_images", /whole number/],
    ["images as text", v3({ num_images: "2" }), "num_images", /whole number/],
    ["gif output", v3({ output_format: "gif" }), "output_format", /png, jpeg, webp/],
    ["negative seed", v3({ seed: -1 }), "seed", /at least 0/],
    ["fractional seed", v3({ seed: 0.5 }), "seed", /whole number/],
    ["huge seed", v3({ seed: 2 ** 31 }), "seed", /at most/],
    ["series on V3", v3({ result_type: "series" }), "result_type", /O3 only/],
    ["negative prompt on edit", fieldsOf("kling-v3", "edit", { prompt: "p", negative_prompt: "n" }), "negative_prompt", /editing/],
    ["negative prompt on O3", o3({ negative_prompt: "n" }), "negative_prompt", /O3/],
    ["unknown result type", o3({ result_type: "grid" }), "result_type", /single, series/],
    ["series without amount", o3({ result_type: "series" }), "series_amount", /required/],
    ["series of one", o3({ result_type: "series", series_amount: 1 }), "series_amount", /at least 2/],
    ["series of ten", o3({ result_type: "series", series_amount: 10 }), "series_amount", /at most 9/],
    ["amount without series", o3({ series_amount: 3 }), "series_amount", /only allowed/],
    ["num_images with series", o3({ result_type: "series", series_amount: 3, num_images: 2 }), "num_images", /series_amount/],
    ["unknown field", v3({ steps: 30 }), "steps", /not a recognised parameter/],
  ];
  it.each(cases)("%s", (_name, fields, field, message) => {
    expect(fields[field]).toMatch(message);
    expect(fields[field]).not.toMatch(/^Invalid input/);
  });

  it("names the model, the mode and bad combinations", () => {
    expect(parseGenerationParams({ model: "kling-v9", mode: "edit", params: {} })).toEqual({ ok: false, fields: { model: expect.stringMatching(/kling-v3/) } });
    expect(parseGenerationParams({ model: "kling-v3", mode: "inpaint", params: {} })).toEqual({ ok: false, fields: { mode: expect.stringMatching(/text-to-image/) } });
    expect(parseGenerationParams({ model: "kling-v3", mode: "multi-reference", params: {} })).toEqual({ ok: false, fields: { mode: expect.stringMatching(/edit/) } });
    expect(parseGenerationParams({ model: "kling-v3-omni", mode: "edit", params: {} }).ok).toBe(false);
  });
});
