import { PROVIDER_SUPPORT, elementSupport } from "@/lib/kling/provider-support";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { MODELS, type ModelId, type Mode } from "@/lib/kling/models";
import { imageCount } from "@/lib/kling/parse-params";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";
import type { FieldErrors } from "@/lib/kling/field-errors";

/**
 * Field errors for everything in an already-parsed request that this provider cannot honour, or null.
 * Called by the studio before pricing a job and again by every adapter before it sends anything.
 */
export function checkProviderSupport(options: {
  provider: ProviderId;
  model: ModelId;
  mode: Mode;
  params: GenerationParams;
  inputs: GenerationInputs;
}): FieldErrors | null {
  const { provider, model, mode, params, inputs } = options;
  const support = PROVIDER_SUPPORT[provider];
  const name = PROVIDER_LABELS[provider];
  const modelSupport = support.models[model];
  if (!modelSupport) return { model: `${name} does not offer ${MODELS[model].label} (${model})` };
  if (!modelSupport.modes.includes(mode)) return { mode: `${name} does not offer ${mode} for ${MODELS[model].label}` };

  const errors: FieldErrors = {};
  if (!modelSupport.resolutions.includes(params.resolution))
    errors.resolution = `${name} supports ${modelSupport.resolutions.join(", ")} for this model`;
  if (!modelSupport.aspectRatios.includes(params.aspect_ratio))
    errors.aspect_ratio = `${name} supports ${modelSupport.aspectRatios.join(", ")} for this model`;
  if (params.output_format && !modelSupport.outputFormats.includes(params.output_format))
    errors.output_format = modelSupport.outputFormats.length
      ? `${name} supports ${modelSupport.outputFormats.join(", ")}`
      : `${name} chooses the output format itself; leave output_format unset`;
  if (params.seed !== undefined && !support.seed) errors.seed = `${name} does not accept a seed`;
  if (params.negative_prompt && !support.negativePrompt) errors.negative_prompt = `${name} does not accept a negative prompt`;
  const series = "result_type" in params && params.result_type === "series";
  if (series && !support.series) errors.result_type = `${name} does not offer series output`;
  if (imageCount(params) > support.maxImages)
    errors[series ? "series_amount" : "num_images"] = `${name} makes at most ${support.maxImages} image(s) per request`;

  const { elements } = inputs;
  if (elements.length) {
    const taken = elementSupport(provider, model, mode);
    if (!taken) errors.elements = `${name} takes no elements with ${MODELS[model].label} ${mode}${elementsElsewhere(provider)}`;
    else if (elements.length > taken.maxElements) errors.elements = `${name} accepts at most ${taken.maxElements} elements`;
    else if (taken.via === "inline-images" && taken.maxImages !== undefined) {
      // The element's images share the request's reference images (WaveSpeed `images`, ≤ 10): say how many there are.
      const sent = inputs.images.length + elements.reduce((n, e) => n + 1 + (e.referenceImageUrls?.length ?? 0), 0);
      if (sent > taken.maxImages)
        errors.elements = `${name} takes at most ${taken.maxImages} images, and each element's frontal and reference images count: these make ${sent}. Use fewer elements, element images or reference images`;
    }
    // Kling's own library is filled by the submit job (lib/elements/register-provider-elements.ts), so none needs an id yet.
  }
  return Object.keys(errors).length ? errors : null;
}

/** " (it takes them with Kling O3 multi-reference)" — where this provider does take elements, for the message. */
function elementsElsewhere(provider: ProviderId): string {
  const where = Object.entries(PROVIDER_SUPPORT[provider].models).flatMap(([model, support]) =>
    (support?.elements?.modes ?? []).map((mode) => `${MODELS[model as ModelId].label} ${mode}`),
  );
  return where.length ? ` (it takes them with ${where.join(", ")})` : "";
}
