import { rewritePromptReferences } from "@/lib/kling/prompt-references";
import { resolveAspectRatio } from "@/lib/kling/pixel-sizes";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";
import type { ModelId, Mode } from "@/lib/kling/models";

// Catalog request → fal queue endpoint + input (providers.md §5.1–5.2). Status, result and cancel live under the
// app root (`fal-ai/kling-image/requests/<id>…`), not under the endpoint's sub-path. Pure.

export const FAL_APP_ROOT = "fal-ai/kling-image";

export function falEndpointId(model: ModelId, mode: Mode, inputs: GenerationInputs): string {
  if (model === "kling-v3") return `${FAL_APP_ROOT}/v3/${mode === "edit" ? "image-to-image" : "text-to-image"}`;
  // o3/image-to-image requires image_urls; elements alone ride on o3/text-to-image, which takes `elements` too.
  return `${FAL_APP_ROOT}/o3/${inputs.images.length ? "image-to-image" : "text-to-image"}`;
}

export function buildFalSubmit(options: {
  model: ModelId;
  mode: Mode;
  params: GenerationParams;
  inputs: GenerationInputs;
  webhookUrl?: string;
}): { path: string; query: Record<string, string>; body: Record<string, unknown> } {
  const { model, mode, params, inputs, webhookUrl } = options;
  const endpoint = falEndpointId(model, mode, inputs);
  const imageToImage = endpoint.endsWith("image-to-image");
  // Only O3 image-to-image documents `auto`; elsewhere it becomes our auto rule's answer (1:1 without references).
  const aspectRatio = params.aspect_ratio === "auto" && !imageToImage ? resolveAspectRatio("auto") : params.aspect_ratio;
  const series = params.result_type === "series";
  const body: Record<string, unknown> = {
    prompt: rewritePromptReferences(params.prompt, "fal"),
    ...(params.negative_prompt ? { negative_prompt: params.negative_prompt } : {}),
    ...(model === "kling-v3" && mode === "edit" ? { image_url: inputs.images[0]?.url } : {}),
    ...(model === "kling-v3-omni" && inputs.images.length ? { image_urls: inputs.images.map((i) => i.url) } : {}),
    ...(inputs.elements.length
      ? { elements: inputs.elements.map((e) => ({ frontal_image_url: e.frontalImageUrl, reference_image_urls: e.referenceImageUrls ?? [] })) }
      : {}),
    // fal spells resolutions in capitals ("1K"/"2K"/"4K").
    resolution: params.resolution.toUpperCase(),
    ...(model === "kling-v3-omni" ? { result_type: series ? "series" : "single" } : {}),
    ...(series ? { series_amount: params.series_amount } : { num_images: params.num_images }),
    aspect_ratio: aspectRatio,
    ...(params.output_format ? { output_format: params.output_format } : {}),
  };
  return { path: `/${endpoint}`, query: webhookUrl ? { fal_webhook: webhookUrl } : {}, body };
}

export function falRequestPaths(requestId: string): { status: string; result: string; cancel: string } {
  const base = `/${FAL_APP_ROOT}/requests/${encodeURIComponent(requestId)}`;
  return { status: `${base}/status`, result: base, cancel: `${base}/cancel` };
}
