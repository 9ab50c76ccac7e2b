import { describe, expect, it } from "vitest";
import { estimateCost } from "@/lib/kling/estimate-cost";
import { getUnitPrice } from "@/lib/kling/prices";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import type { ModelId, Mode } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";
import type { GenerationParams } from "@/lib/kling/param-schemas";

const params = (model: ModelId, mode: Mode, raw: object): GenerationParams => {
  const result = parseGenerationParams({ model, mode, params: { prompt: "p", ...raw } });
  if (!result.ok) throw new Error(JSON.stringify(result.fields));
  return result.params;
};

// The price table, restated from the sources: $0.028/image for V3 and O3 1k/2k, $0.056 for O3 4k,
// Segmind $0.035 per generation (seed 003).
const PER_IMAGE: [ProviderId, ModelId, "1k" | "2k" | "4k", number][] = [];
for (const provider of ["kling", "wavespeed", "runware", "fal"] as const) {
  PER_IMAGE.push([provider, "kling-v3", "1k", 28_000], [provider, "kling-v3", "2k", 28_000]);
  PER_IMAGE.push([provider, "kling-v3-omni", "1k", 28_000], [provider, "kling-v3-omni", "2k", 28_000], [provider, "kling-v3-omni", "4k", 56_000]);
}

describe("estimateCost", () => {
  it.each(PER_IMAGE)("%s %s %s: unit price × image count", (provider, model, resolution, unit) => {
    expect(getUnitPrice(provider, model, resolution)).toBe(unit);
    const mode: Mode = model === "kling-v3" ? "text-to-image" : "multi-reference";
    for (const n of [1, 2, 4, 9]) expect(estimateCost({ provider, model, params: params(model, mode, { resolution, num_images: n }) })).toBe(unit * n);
    if (model === "kling-v3") expect(estimateCost({ provider, model, params: params(model, "edit", { resolution, num_images: 3 }) })).toBe(unit * 3);
  });

  it("prices an O3 series by its size", () => {
    expect(estimateCost({ provider: "fal", model: "kling-v3-omni", params: params("kling-v3-omni", "text-to-image", { resolution: "4k", result_type: "series", series_amount: 4 }) })).toBe(224_000);
    expect(estimateCost({ provider: "kling", model: "kling-v3-omni", params: params("kling-v3-omni", "text-to-image", { result_type: "series", series_amount: 9 }) })).toBe(252_000);
  });

  it("matches WaveSpeed's published totals (seed 000: 4 images $0.112)", () => {
    expect(estimateCost({ provider: "wavespeed", model: "kling-v3", params: params("kling-v3", "text-to-image", { num_images: 4 }) })).toBe(112_000);
  });

  it("charges Segmind per generation at both resolutions", () => {
    for (const resolution of ["1k", "2k"]) {
      expect(estimateCost({ provider: "segmind", model: "kling-v3", params: params("kling-v3", "text-to-image", { resolution }) })).toBe(35_000);
      expect(estimateCost({ provider: "segmind", model: "kling-v3", params: params("kling-v3", "edit", { resolution }) })).toBe(35_000);
    }
  });

  it("refuses to price what the provider does not sell", () => {
    expect(() => estimateCost({ provider: "segmind", model: "kling-v3-omni", params: params("kling-v3-omni", "text-to-image", {}) })).toThrow(RangeError);
  });
});
