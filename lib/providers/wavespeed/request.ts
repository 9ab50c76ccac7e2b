import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";
import type { ModelId, Mode } from "@/lib/kling/models";
import { nameElementsInPrompt } from "@/lib/kling/prompt-references";

// Catalog request → WaveSpeed model path + body (seeds 000 t2i, 001 O3, 002 edit). The O3 unified endpoint takes
// both text-only and reference jobs. The webhook goes in the query string (providers.md §2.3). Pure.

export function waveSpeedModelPath(model: ModelId, mode: Mode): string {
  if (model === "kling-v3-omni") return "/api/v3/kwaivgi/kling-image-o3";
  return mode === "edit" ? "/api/v3/kwaivgi/kling-image-v3/edit" : "/api/v3/kwaivgi/kling-image-v3/text-to-image";
}

export function buildWaveSpeedSubmit(options: {
  model: ModelId;
  mode: Mode;
  params: GenerationParams;
  inputs: GenerationInputs;
  webhookUrl?: string;
}): { path: string; query: Record<string, string>; body: Record<string, unknown> } {
  const { model, mode, params, inputs, webhookUrl } = options;
  const query: Record<string, string> = webhookUrl ? { webhook: webhookUrl } : {};
  const path = waveSpeedModelPath(model, mode);
  if (model === "kling-v3") {
    return {
      path,
      query,
      body: {
        prompt: params.prompt,
        ...(mode === "edit" ? { image: inputs.images[0]?.url } : {}),
        aspect_ratio: params.aspect_ratio,
        resolution: params.resolution,
        num_images: params.num_images,
        ...(params.output_format ? { output_format: params.output_format } : {}),
      },
    };
  }
  // Elements go inline as reference images, never as `element_list`: that list takes ids from WaveSpeed's own "Kling
  // Elements" model (seed 001, Notes), whose API none of our sources document, and a Kling-official id belongs to
  // another account. Seed 001 says `images` holds "reference images of the element, scene, style, etc." (max 10)
  // and that the prompt names an element "naturally … No special characters or syntax required". So the plain
  // references come first (keeping `@imageN` pointing where it did), then each element's frontal and reference
  // images, and `@elementN` becomes that element's name.
  const images = [...inputs.images.map((i) => i.url), ...inputs.elements.flatMap((e) => [e.frontalImageUrl, ...(e.referenceImageUrls ?? [])])];
  return {
    path,
    query,
    body: {
      prompt: nameElementsInPrompt(params.prompt, inputs.elements.map((e) => e.name)),
      ...(images.length ? { images } : {}),
      aspect_ratio: params.aspect_ratio,
      resolution: params.resolution,
      result_type: "single",
      num_images: params.num_images,
    },
  };
}
