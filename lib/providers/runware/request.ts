import { createHash } from "node:crypto";
import { getPixelSize } from "@/lib/kling/pixel-sizes";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";
import type { ModelId } from "@/lib/kling/models";

// Catalog request → Runware imageInference task (seed 004; providers.md §3.2). Pure.

const AIR: Record<ModelId, string> = { "kling-v3": "klingai:kling-image@3", "kling-v3-omni": "klingai:kling-image@o3" };
const FORMAT = { png: "PNG", jpeg: "JPG", webp: "WEBP" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runware needs a client-made UUIDv4 taskUUID, and our correlation ids are `gen_…`. Deriving it (SHA-256, with
 * the v4 version/variant bits set) instead of drawing one at random lets us find the task again from the
 * correlation id alone after an ambiguous submit. Ids that already are UUIDs pass through unchanged.
 */
export function runwareTaskUuid(correlationId: string): string {
  if (UUID.test(correlationId)) return correlationId.toLowerCase();
  const b = createHash("sha256").update(`runware-task:${correlationId}`).digest();
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function buildRunwareSubmit(options: {
  correlationId: string;
  model: ModelId;
  params: GenerationParams;
  inputs: GenerationInputs;
  webhookUrl?: string;
}): Record<string, unknown>[] {
  const { correlationId, model, params, inputs, webhookUrl } = options;
  const first = inputs.images[0];
  // width/height must be one of the fixed presets; `resolution` instead lets Runware match the input's aspect,
  // which is what `auto` means when we cannot measure the reference ourselves.
  const matchInput = params.aspect_ratio === "auto" && first && !(first.width && first.height);
  const size = matchInput
    ? { resolution: params.resolution }
    : getPixelSize({ aspectRatio: params.aspect_ratio, resolution: params.resolution, firstReference: first });
  return [
    {
      taskType: "imageInference",
      taskUUID: runwareTaskUuid(correlationId),
      model: AIR[model],
      positivePrompt: params.prompt,
      ...size,
      ...(inputs.images.length ? { inputs: { referenceImages: inputs.images.map((i) => i.url) } } : {}),
      numberResults: params.num_images,
      outputType: "URL",
      ...(params.output_format ? { outputFormat: FORMAT[params.output_format] } : {}),
      ...(params.seed !== undefined ? { seed: params.seed } : {}),
      deliveryMethod: "async",
      includeCost: true,
      ...(webhookUrl ? { webhookURL: webhookUrl } : {}),
    },
  ];
}

export function buildRunwarePoll(taskUUID: string): Record<string, unknown>[] {
  return [{ taskType: "getResponse", taskUUID }];
}
