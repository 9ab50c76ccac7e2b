import { ASPECT_RATIOS, O3_ASPECT_RATIOS, OUTPUT_FORMATS, type AspectRatioOrAuto, type OutputFormat, type Resolution } from "@/lib/kling/options";
import type { ModelId, Mode } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";
import type { ElementPromptStyle } from "@/lib/kling/prompt-references";

// What each provider can actually do with each model, from providers.md and the seeds. Anything a provider does
// not document is treated as unsupported: better to refuse before spending money than to have a field silently
// ignored. `outputFormats: []` means the provider picks the format and output_format must be left unset.
export type ModelSupport = {
  modes: readonly Mode[];
  resolutions: readonly Resolution[];
  aspectRatios: readonly AspectRatioOrAuto[];
  outputFormats: readonly OutputFormat[];
  /** How this provider takes the studio's elements with this model; absent where it takes none. */
  elements?: ElementSupport;
};

/**
 * Elements differ per provider *and* model, so they are described per model:
 * - "kling-library": ids from Kling's own element library (`element_list`), which the submit job fills itself on
 *   first use (lib/elements/register-provider-elements.ts);
 * - "inline": `{frontal_image_url, reference_image_urls}` objects in the request (fal, Segmind);
 * - "inline-images": no element object at all — the element's frontal and reference images join the request's
 *   reference images and the prompt names the element in words (WaveSpeed O3, see its entry).
 */
export type ElementSupport = {
  via: "kling-library" | "inline" | "inline-images";
  /** The studio modes in which the elements can be sent (Segmind and fal V3 take them in text-to-image). */
  modes: readonly Mode[];
  maxElements: number;
  /** For "inline-images": how many images (plain references plus every element's images) the request takes. */
  maxImages?: number;
  /** How the prompt refers to an element on the wire (lib/kling/prompt-references.ts). */
  prompt: ElementPromptStyle;
};

export type ProviderSupport = {
  models: Partial<Record<ModelId, ModelSupport>>;
  /** Images per request (num_images / series_amount). */
  maxImages: number;
  negativePrompt: boolean;
  seed: boolean;
  series: boolean;
  /** "signed": provider signs deliveries; "url-token": unsigned, authenticated by our token in the URL. */
  webhooks: "signed" | "url-token" | "none";
  cancel: boolean;
};

const v3 = (outputFormats: readonly OutputFormat[], aspectRatios: readonly AspectRatioOrAuto[] = ASPECT_RATIOS, elements?: ElementSupport): ModelSupport => ({
  modes: ["text-to-image", "edit"],
  resolutions: ["1k", "2k"],
  aspectRatios,
  outputFormats,
  ...(elements ? { elements } : {}),
});
const o3 = (outputFormats: readonly OutputFormat[], elements?: ElementSupport): ModelSupport => ({
  modes: ["text-to-image", "multi-reference"],
  resolutions: ["1k", "2k", "4k"],
  aspectRatios: O3_ASPECT_RATIOS,
  outputFormats,
  ...(elements ? { elements } : {}),
});

// The studio takes O3 elements with its multi-reference mode (text-to-image O3 stays text only).
const klingLibrary: ElementSupport = { via: "kling-library", modes: ["multi-reference"], maxElements: 10, prompt: "kling" };
// fal: `elements?: ElementInput[]` on all four endpoints (providers.md §5.1, fal-js types); `@Element1…` is documented
// on O3 image-to-image and is fal's only element syntax, so V3 gets it too.
const falInline = (modes: readonly Mode[]): ElementSupport => ({ via: "inline", modes, maxElements: 10, prompt: "fal" });

export const PROVIDER_SUPPORT: Record<ProviderId, ProviderSupport> = {
  // No output format, seed or inline elements in Kling's API (providers.md §1.5–1.6).
  kling: { models: { "kling-v3": v3([]), "kling-v3-omni": o3([], klingLibrary) }, maxImages: 9, negativePrompt: true, seed: false, series: true, webhooks: "url-token", cancel: false },
  // Seeds 000–002: no negative prompt or seed; O3 unified endpoint lists no output_format, result_type single only.
  // Elements: seed 001 offers "up to 3 elements" through `element_list`, whose ids come from WaveSpeed's own "Kling
  // Elements" model — an API in none of our sources, and a Kling-official id belongs to another account, so the studio
  // sends none. What the seed does document is `images` (≤ 10) "Including reference images of the element, scene,
  // style, etc." and that the prompt names an element "naturally … No special characters or syntax required": so each
  // element's frontal + reference images go into `images` (sharing its 10 with the plain references) and the prompt
  // says the element's name where the studio's prompt says `@elementN`.
  wavespeed: {
    models: {
      "kling-v3": v3(OUTPUT_FORMATS),
      "kling-v3-omni": o3([], { via: "inline-images", modes: ["multi-reference"], maxElements: 3, maxImages: 10, prompt: "name" }),
    },
    maxImages: 9, negativePrompt: false, seed: false, series: false, webhooks: "signed", cancel: false,
  },
  // Seed 004 + §3.2: seed and output format yes; O3 element field and series UNCONFIRMED, so refused.
  runware: { models: { "kling-v3": v3(OUTPUT_FORMATS), "kling-v3-omni": o3(OUTPUT_FORMATS) }, maxImages: 9, negativePrompt: false, seed: true, series: false, webhooks: "url-token", cancel: false },
  // Seed 003: V3 only, no 21:9, one image per generation, polling only. Segmind has no O3, but kling-3-text2image takes
  // `elements[]` (max 10) `{frontal_image_url, reference_image_urls (≤ 3)}` named in the prompt as `(element1)`, so
  // the studio offers elements there with V3 text-to-image (image2image documents no elements).
  segmind: {
    models: {
      "kling-v3": v3(OUTPUT_FORMATS, ASPECT_RATIOS.filter((r) => r !== "21:9"), { via: "inline", modes: ["text-to-image"], maxElements: 10, prompt: "segmind" }),
    },
    maxImages: 1, negativePrompt: true, seed: false, series: false, webhooks: "none", cancel: false,
  },
  // §5.1: V3 t2i/i2i, O3 t2i/i2i with inline elements and series; queue cancel.
  fal: {
    models: { "kling-v3": v3(OUTPUT_FORMATS, ASPECT_RATIOS, falInline(["text-to-image", "edit"])), "kling-v3-omni": o3(OUTPUT_FORMATS, falInline(["multi-reference"])) },
    maxImages: 9, negativePrompt: true, seed: false, series: true, webhooks: "signed", cancel: true,
  },
};

export function providerOffers(provider: ProviderId, model: ModelId, mode?: Mode): boolean {
  const support = PROVIDER_SUPPORT[provider].models[model];
  return !!support && (mode === undefined || support.modes.includes(mode));
}

/** How this provider takes elements for this model in this mode, or null where it takes none. */
export function elementSupport(provider: ProviderId, model: ModelId, mode: Mode): ElementSupport | null {
  const elements = PROVIDER_SUPPORT[provider].models[model]?.elements;
  return elements && providerOffers(provider, model, mode) && elements.modes.includes(mode) ? elements : null;
}

/**
 * Whether the studio can send its elements to this provider for this model and mode: inline (fal, Segmind), as
 * reference images (WaveSpeed) or through Kling's library, which the studio fills itself. The generate panel offers
 * the element picker only where this is true.
 */
export function studioOffersElements(provider: ProviderId, model: ModelId, mode: Mode): boolean {
  return elementSupport(provider, model, mode) !== null;
}
