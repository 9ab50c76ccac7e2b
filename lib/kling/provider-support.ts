import { ASPECT_RATIOS, O3_ASPECT_RATIOS, OUTPUT_FORMATS, type AspectRatioOrAuto, type OutputFormat, type Resolution } from "@/lib/kling/options";
import type { ModelId, Mode } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";

// What each provider can actually do with each model, from providers.md and the seeds. Anything a provider does
// not document is treated as unsupported: better to refuse before spending money than to have a field silently
// ignored. `outputFormats: []` means the provider picks the format and output_format must be left unset.
export type ModelSupport = {
  modes: readonly Mode[];
  resolutions: readonly Resolution[];
  aspectRatios: readonly AspectRatioOrAuto[];
  outputFormats: readonly OutputFormat[];
};

export type ProviderSupport = {
  models: Partial<Record<ModelId, ModelSupport>>;
  /** Images per request (num_images / series_amount). */
  maxImages: number;
  negativePrompt: boolean;
  seed: boolean;
  series: boolean;
  /** "kling-library": element ids from Kling's element library; "inline": frontal + reference image URLs. */
  elements: "kling-library" | "inline" | "none";
  /** For "kling-library": whether the studio registers elements in that library itself on first use. */
  registersElements?: boolean;
  maxElements: number;
  /** "signed": provider signs deliveries; "url-token": unsigned, authenticated by our token in the URL. */
  webhooks: "signed" | "url-token" | "none";
  cancel: boolean;
};

const v3 = (outputFormats: readonly OutputFormat[], aspectRatios: readonly AspectRatioOrAuto[] = ASPECT_RATIOS): ModelSupport => ({
  modes: ["text-to-image", "edit"],
  resolutions: ["1k", "2k"],
  aspectRatios,
  outputFormats,
});
const o3 = (outputFormats: readonly OutputFormat[]): ModelSupport => ({
  modes: ["text-to-image", "multi-reference"],
  resolutions: ["1k", "2k", "4k"],
  aspectRatios: O3_ASPECT_RATIOS,
  outputFormats,
});

export const PROVIDER_SUPPORT: Record<ProviderId, ProviderSupport> = {
  // No output format, seed or inline elements in Kling's API (providers.md §1.5–1.6).
  kling: { models: { "kling-v3": v3([]), "kling-v3-omni": o3([]) }, maxImages: 9, negativePrompt: true, seed: false, series: true, elements: "kling-library", registersElements: true, maxElements: 10, webhooks: "url-token", cancel: false },
  // Seeds 000–002: no negative prompt or seed; O3 unified endpoint lists no output_format, result_type single only,
  // "up to 3 elements" by element id. Those ids come from WaveSpeed's own "Kling Elements" model (seed 001, Notes), whose
  // API is in none of our sources, and a Kling-official id belongs to another account: the studio can't fill this
  // library, so `studioOffersElements` says no and the panel offers no elements here (reference images still go).
  wavespeed: { models: { "kling-v3": v3(OUTPUT_FORMATS), "kling-v3-omni": o3([]) }, maxImages: 9, negativePrompt: false, seed: false, series: false, elements: "kling-library", maxElements: 3, webhooks: "signed", cancel: false },
  // Seed 004 + §3.2: seed and output format yes; O3 element field and series UNCONFIRMED, so refused.
  runware: { models: { "kling-v3": v3(OUTPUT_FORMATS), "kling-v3-omni": o3(OUTPUT_FORMATS) }, maxImages: 9, negativePrompt: false, seed: true, series: false, elements: "none", maxElements: 0, webhooks: "url-token", cancel: false },
  // Seed 003: V3 only, no 21:9, one image per generation, polling only. Segmind's inline elements (`(element1)`) ride
  // on V3 text-to-image, but the studio takes elements in O3 multi-reference only, which Segmind doesn't offer.
  segmind: { models: { "kling-v3": v3(OUTPUT_FORMATS, ASPECT_RATIOS.filter((r) => r !== "21:9")) }, maxImages: 1, negativePrompt: true, seed: false, series: false, elements: "inline", maxElements: 10, webhooks: "none", cancel: false },
  // §5.1: V3 t2i/i2i, O3 t2i/i2i with inline elements and series; queue cancel.
  fal: { models: { "kling-v3": v3(OUTPUT_FORMATS), "kling-v3-omni": o3(OUTPUT_FORMATS) }, maxImages: 9, negativePrompt: true, seed: false, series: true, elements: "inline", maxElements: 10, webhooks: "signed", cancel: true },
};

export function providerOffers(provider: ProviderId, model: ModelId, mode?: Mode): boolean {
  const support = PROVIDER_SUPPORT[provider].models[model];
  return !!support && (mode === undefined || support.modes.includes(mode));
}

/**
 * Whether the studio can send its elements to this provider for this model: the model must take them (O3
 * multi-reference) and the provider must take them inline or have a library the studio fills itself (Kling). The
 * generate panel offers the element picker only where this is true.
 */
export function studioOffersElements(provider: ProviderId, model: ModelId): boolean {
  const support = PROVIDER_SUPPORT[provider];
  if (!providerOffers(provider, model, "multi-reference")) return false;
  return support.elements === "inline" || (support.elements === "kling-library" && !!support.registersElements);
}
