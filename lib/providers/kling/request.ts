import { ProviderError } from "@/lib/providers/provider-error";
import { rewritePromptReferences } from "@/lib/kling/prompt-references";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";
import type { ModelId } from "@/lib/kling/models";

// Catalog request → Kling official wire body (providers.md §1.5 generations, §1.6 omni-image). Pure.

export function klingTaskPath(model: ModelId): string {
  return model === "kling-v3-omni" ? "/v1/images/omni-image" : "/v1/images/generations";
}

export function buildKlingSubmit(options: {
  correlationId: string;
  model: ModelId;
  params: GenerationParams;
  inputs: GenerationInputs;
  callbackUrl?: string;
}): { path: string; body: Record<string, unknown> } {
  const { correlationId, model, params, inputs, callbackUrl } = options;
  const tail = {
    ...(callbackUrl ? { callback_url: callbackUrl } : {}),
    external_task_id: correlationId,
  };
  if (model === "kling-v3") {
    const image = inputs.images[0]?.url;
    return {
      path: klingTaskPath(model),
      body: {
        model_name: "kling-v3",
        prompt: params.prompt,
        ...(params.negative_prompt ? { negative_prompt: params.negative_prompt } : {}),
        ...(image ? { image } : {}),
        resolution: params.resolution,
        n: params.num_images,
        aspect_ratio: params.aspect_ratio,
        ...tail,
      },
    };
  }
  const series = params.result_type === "series";
  return {
    path: klingTaskPath(model),
    body: {
      model_name: "kling-v3-omni",
      prompt: rewritePromptReferences(params.prompt, "kling"),
      ...(inputs.images.length ? { image_list: inputs.images.map((i) => ({ image: i.url })) } : {}),
      // Kling documents the library id as a JSON number ("element_id": long, e.g. 829836802793406551), beyond
      // 2^53: a bigint, which the request writer puts on the wire as its exact digits (json-text.ts).
      ...(inputs.elements.length ? { element_list: inputs.elements.map((e) => ({ element_id: elementId(e.klingElementId!) })) } : {}),
      resolution: params.resolution,
      result_type: series ? "series" : "single",
      ...(series ? { series_amount: params.series_amount } : { n: params.num_images }),
      aspect_ratio: params.aspect_ratio,
      ...tail,
    },
  };
}

function elementId(id: string): bigint {
  if (!/^\d{1,19}$/.test(id)) throw new ProviderError("invalid_input", `Kling element ids are whole numbers; "${id}" is not one`);
  return BigInt(id);
}
