import { describe, expect, it } from "vitest";
import { checkProviderSupport } from "@/lib/kling/check-provider-support";
import { providerOffers, studioOffersElements } from "@/lib/kling/provider-support";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { NO_INPUTS, type GenerationInputs } from "@/lib/kling/inputs";
import type { ModelId, Mode } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";

function check(provider: ProviderId, model: ModelId, mode: Mode, raw: object, inputs: GenerationInputs = NO_INPUTS) {
  const parsed = parseGenerationParams({ model, mode, params: { prompt: "p", ...raw } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  return checkProviderSupport({ provider, model, mode, params: parsed.params, inputs });
}
const el = (klingElementId?: string) => ({ frontalImageUrl: "https://x/f.png", ...(klingElementId ? { klingElementId } : {}) });

describe("which provider serves which model and mode", () => {
  it("everyone serves V3 text-to-image and edit; only Segmind lacks O3", () => {
    for (const provider of ["kling", "wavespeed", "runware", "segmind", "fal"] as const) {
      expect(providerOffers(provider, "kling-v3", "text-to-image")).toBe(true);
      expect(providerOffers(provider, "kling-v3", "edit")).toBe(true);
      expect(providerOffers(provider, "kling-v3-omni", "multi-reference")).toBe(provider !== "segmind");
    }
    expect(check("segmind", "kling-v3-omni", "text-to-image", {})).toEqual({ model: expect.stringMatching(/Segmind does not offer Kling Image O3/) });
  });

  it("refuses parameters a provider cannot honour, field by field", () => {
    expect(check("segmind", "kling-v3", "text-to-image", { aspect_ratio: "21:9", num_images: 2 })).toEqual({
      aspect_ratio: expect.stringMatching(/Segmind/), num_images: expect.stringMatching(/at most 1/),
    });
    expect(check("kling", "kling-v3", "text-to-image", { output_format: "png", seed: 3 })).toEqual({
      output_format: expect.stringMatching(/leave output_format unset/), seed: expect.any(String),
    });
    expect(check("wavespeed", "kling-v3", "text-to-image", { negative_prompt: "blur" })).toEqual({ negative_prompt: expect.any(String) });
    expect(check("wavespeed", "kling-v3-omni", "text-to-image", { output_format: "png" })).toEqual({ output_format: expect.any(String) });
    expect(check("runware", "kling-v3-omni", "text-to-image", { result_type: "series", series_amount: 3 })).toEqual({ result_type: expect.any(String) });
    expect(check("runware", "kling-v3", "text-to-image", { seed: 7, output_format: "webp", aspect_ratio: "21:9" })).toBeNull();
    expect(check("fal", "kling-v3-omni", "text-to-image", { resolution: "4k", result_type: "series", series_amount: 9 })).toBeNull();
  });

  it("knows how each provider takes elements", () => {
    const inputs = (elements: ReturnType<typeof el>[]) => ({ images: [], elements });
    expect(check("fal", "kling-v3-omni", "multi-reference", {}, inputs([el()]))).toBeNull();
    // Kling's own library: the submit job registers an element there on first use, so none needs an id yet.
    expect(check("kling", "kling-v3-omni", "multi-reference", {}, inputs([el()]))).toBeNull();
    // WaveSpeed's ids come from a library the studio cannot fill: an element without one is refused before pricing.
    expect(check("wavespeed", "kling-v3-omni", "multi-reference", {}, inputs([el()]))).toEqual({ elements: expect.stringMatching(/element library/) });
    expect(check("kling", "kling-v3-omni", "multi-reference", {}, inputs([el("829836802793406551")]))).toBeNull();
    expect(check("wavespeed", "kling-v3-omni", "multi-reference", {}, inputs([el("1"), el("2"), el("3"), el("4")]))).toEqual({ elements: expect.stringMatching(/at most 3/) });
    expect(check("runware", "kling-v3-omni", "multi-reference", {}, inputs([el("1")]))).toEqual({ elements: expect.any(String) });
  });

  it("offers studio elements in O3 only where they can be sent: Kling (registered on first use) and fal (inline)", () => {
    const offered = (["kling", "wavespeed", "runware", "segmind", "fal"] as const).filter((p) => studioOffersElements(p, "kling-v3-omni"));
    expect(offered).toEqual(["kling", "fal"]);
    // Segmind has no O3 at all; its inline elements ride on V3 text-to-image, where the studio takes none.
    expect(providerOffers("segmind", "kling-v3-omni")).toBe(false);
    expect(studioOffersElements("fal", "kling-v3")).toBe(false);
  });
});
