import sharp from "sharp";
import { expect } from "vitest";
import { createId } from "@/lib/ids";
import { getPixelSize } from "@/lib/kling/pixel-sizes";
import { imageCount, parseGenerationParams } from "@/lib/kling/parse-params";
import type { ElementInput, ImageInput } from "@/lib/kling/inputs";
import type { ModelId, Mode } from "@/lib/kling/models";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { ProviderId } from "@/lib/kling/providers";
import type { ProviderAdapter, StatusResult, SubmitRequest } from "@/lib/providers/types";
import { waitFor } from "./wait";

/** A SubmitRequest as the studio makes one: params through the catalog parser (defaults applied), fresh gen_ id. */
export function generation(options: {
  model: ModelId;
  mode: Mode;
  params: Record<string, unknown>;
  /** Readonly so test tables written `as const` can be passed as they are. */
  inputs?: { images?: readonly ImageInput[]; elements?: readonly (Omit<ElementInput, "referenceImageUrls"> & { referenceImageUrls?: readonly string[] })[] };
  webhookUrl?: string;
}): SubmitRequest {
  const parsed = parseGenerationParams({ model: options.model, mode: options.mode, params: options.params });
  if (!parsed.ok) throw new Error(`test params do not parse: ${JSON.stringify(parsed.fields)}`);
  return {
    correlationId: createId("generation"),
    model: options.model,
    mode: options.mode,
    params: parsed.params,
    inputs: {
      images: (options.inputs?.images ?? []).map((image) => ({ ...image })),
      elements: (options.inputs?.elements ?? []).map((element) => ({ ...element, referenceImageUrls: element.referenceImageUrls && [...element.referenceImageUrls] })),
    },
    webhookUrl: options.webhookUrl,
  };
}

const TERMINAL = new Set(["succeeded", "failed", "cancelled"]);

/** Polls getStatus (as the job runner does) until the job ends; every intermediate answer must be well-formed. */
export async function pollToEnd(adapter: ProviderAdapter, request: SubmitRequest, providerTaskId: string, timeoutMs = 8_000): Promise<StatusResult> {
  return waitFor(async () => {
    const status = await adapter.getStatus({
      providerTaskId,
      correlationId: request.correlationId,
      model: request.model,
      expectedImages: imageCount(request.params),
    });
    if (!TERMINAL.has(status.status)) expect(status.outputs).toEqual([]);
    return TERMINAL.has(status.status) ? status : undefined;
  }, timeoutMs);
}

// What each provider renders when output_format is left unset (Kling's API has no format choice: PNG).
const DEFAULT_FORMAT: Record<ProviderId, string> = { kling: "png", wavespeed: "png", runware: "jpeg", segmind: "png", fal: "png" };

export async function download(url: string): Promise<{ status: number; width?: number; height?: number; format?: string }> {
  const response = await fetch(url);
  if (!response.ok) return { status: response.status };
  const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
  return { status: response.status, width: meta.width, height: meta.height, format: meta.format };
}

/**
 * Every output is downloadable and has the size the catalog predicts (getPixelSize) in the requested format, and
 * there are as many as the job asked for.
 */
export async function expectOutputs(provider: ProviderId, request: SubmitRequest, result: StatusResult): Promise<void> {
  expect(result.status, JSON.stringify(result.error)).toBe("succeeded");
  const params: GenerationParams = request.params;
  expect(result.outputs).toHaveLength(imageCount(params));
  const size = getPixelSize({ aspectRatio: params.aspect_ratio, resolution: params.resolution, firstReference: request.inputs.images[0] });
  const format = params.output_format ?? DEFAULT_FORMAT[provider];
  for (const output of result.outputs) {
    expect(await download(output.url)).toEqual({ status: 200, ...size, format });
    if (output.width !== undefined) expect({ width: output.width, height: output.height }).toEqual(size);
    if (output.format !== undefined) expect(output.format).toBe(format);
  }
}

export const REFERENCE_URL = "https://assets.example.com/inputs/reference.png";
