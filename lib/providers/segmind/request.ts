import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";
import type { Mode } from "@/lib/kling/models";
import { rewritePromptReferences } from "@/lib/kling/prompt-references";

// Catalog request → Segmind v2 (async) request (seed 003; providers.md §4). v1 is the same body but blocks until
// the image is made and is "in maintenance mode", so the adapter always uses v2. Pure.

export function segmindSlug(mode: Mode): string {
  return mode === "edit" ? "kling-3-image2image" : "kling-3-text2image";
}

export function buildSegmindSubmit(options: { mode: Mode; params: GenerationParams; inputs: GenerationInputs }): {
  path: string;
  body: Record<string, unknown>;
} {
  const { mode, params, inputs } = options;
  return {
    path: `/v2/${segmindSlug(mode)}`,
    body: {
      // kling-3-text2image names elements as `(element1)` (seed 003).
      prompt: rewritePromptReferences(params.prompt, "segmind"),
      ...(mode === "edit" ? { image_url: inputs.images[0]?.url } : {}),
      ...(inputs.elements.length
        ? { elements: inputs.elements.map((e) => ({ frontal_image_url: e.frontalImageUrl, reference_image_urls: e.referenceImageUrls ?? [] })) }
        : {}),
      ...(params.negative_prompt ? { negative_prompt: params.negative_prompt } : {}),
      // Segmind spells resolutions in capitals ("1K"/"2K").
      resolution: params.resolution.toUpperCase(),
      aspect_ratio: params.aspect_ratio,
      ...(params.output_format ? { output_format: params.output_format } : {}),
    },
  };
}

/** Built from our base URL and the id, not from the status_url Segmind returns, so a proxy or simulator works. */
export function segmindRequestPaths(requestId: string): { status: string; response: string } {
  const id = encodeURIComponent(requestId);
  return { status: `/v2/requests/${id}/status`, response: `/v2/requests/${id}` };
}
