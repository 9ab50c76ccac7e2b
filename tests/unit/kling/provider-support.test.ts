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
    const inputs = (elements: ReturnType<typeof el>[], images = 0) => ({ images: Array.from({ length: images }, (_, i) => ({ url: `https://x/${i}.png` })), elements });
    expect(check("fal", "kling-v3-omni", "multi-reference", {}, inputs([el()]))).toBeNull();
    // Kling's own library: the submit job registers an element there on first use, so none needs an id yet.
    expect(check("kling", "kling-v3-omni", "multi-reference", {}, inputs([el()]))).toBeNull();
    expect(check("kling", "kling-v3-omni", "multi-reference", {}, inputs([el("829836802793406551")]))).toBeNull();
    // WaveSpeed: inline as reference images, up to 3 elements, and every image counts against its 10.
    expect(check("wavespeed", "kling-v3-omni", "multi-reference", {}, inputs([el()]))).toBeNull();
    expect(check("wavespeed", "kling-v3-omni", "multi-reference", {}, inputs([el(), el(), el(), el()]))).toEqual({ elements: expect.stringMatching(/at most 3/) });
    const full = { ...el(), referenceImageUrls: ["https://x/1.png", "https://x/2.png", "https://x/3.png"] };
    expect(check("wavespeed", "kling-v3-omni", "multi-reference", {}, inputs([full, full], 2))).toBeNull();
    expect(check("wavespeed", "kling-v3-omni", "multi-reference", {}, inputs([full, full], 3))).toEqual({ elements: expect.stringMatching(/at most 10 images.*these make 11/) });
    expect(check("runware", "kling-v3-omni", "multi-reference", {}, inputs([el("1")]))).toEqual({ elements: expect.stringMatching(/Runware takes no elements/) });
    // Segmind: V3 text-to-image only (seed 003), up to 10; not with edit, whose page documents no elements.
    expect(check("segmind", "kling-v3", "text-to-image", {}, inputs(Array.from({ length: 10 }, () => el())))).toBeNull();
    expect(check("segmind", "kling-v3", "text-to-image", {}, inputs(Array.from({ length: 11 }, () => el())))).toEqual({ elements: expect.stringMatching(/at most 10/) });
    expect(check("segmind", "kling-v3", "edit", {}, inputs([el()], 1))).toEqual({ elements: expect.stringMatching(/takes no elements with Kling Image V3 edit \(it takes them with Kling Image V3 text-to-image\)/) });
    // Kling's element_list rides on O3 in the studio; V3 takes none there.
    expect(check("kling", "kling-v3", "text-to-image", {}, inputs([el()]))).toEqual({ elements: expect.stringMatching(/takes no elements with Kling Image V3 text-to-image \(it takes them with Kling Image O3 multi-reference\)/) });
  });

  it("offers studio elements wherever the provider can take them for that model and mode", () => {
    const providers = ["kling", "wavespeed", "runware", "segmind", "fal"] as const;
    const offered = (model: ModelId, mode: Mode) => providers.filter((p) => studioOffersElements(p, model, mode));
    expect(offered("kling-v3-omni", "multi-reference")).toEqual(["kling", "wavespeed", "fal"]);
    expect(offered("kling-v3-omni", "text-to-image")).toEqual([]);
    expect(offered("kling-v3", "text-to-image")).toEqual(["segmind", "fal"]);
    expect(offered("kling-v3", "edit")).toEqual(["fal"]);
    // Segmind has no O3 at all; its inline elements ride on V3 text-to-image.
    expect(providerOffers("segmind", "kling-v3-omni")).toBe(false);
  });
});
