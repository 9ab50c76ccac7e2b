import { isModelId, MODES, MODELS, modelSupportsMode, type ModelId, type Mode } from "@/lib/kling/models";
import { getParamsSchema, type GenerationParams } from "@/lib/kling/param-schemas";
import { fieldErrorsFromZod, type FieldErrors } from "@/lib/kling/field-errors";

export type ParseParamsResult =
  | { ok: true; model: ModelId; mode: Mode; params: GenerationParams }
  | { ok: false; fields: FieldErrors };

/**
 * Validates untrusted parameters for a model and mode and applies the defaults. Never throws: the caller decides
 * whether a failure is a 422 (API) or an inline form error.
 */
export function parseGenerationParams(options: { model: unknown; mode: unknown; params: unknown }): ParseParamsResult {
  const { model, mode, params } = options;
  if (!isModelId(model)) return { ok: false, fields: { model: `model must be one of ${Object.keys(MODELS).join(", ")}` } };
  if (typeof mode !== "string" || !(MODES as readonly string[]).includes(mode))
    return { ok: false, fields: { mode: `mode must be one of ${MODES.join(", ")}` } };
  if (!modelSupportsMode(model, mode as Mode))
    return { ok: false, fields: { mode: `${MODELS[model].label} supports ${MODELS[model].modes.join(", ")}, not ${mode}` } };

  const parsed = getParamsSchema(model, mode as Mode).safeParse(params ?? {});
  if (!parsed.success) return { ok: false, fields: fieldErrorsFromZod(parsed.error) };
  return { ok: true, model, mode: mode as Mode, params: parsed.data };
}

/** How many images a job produces: the series size for an O3 series, otherwise num_images. */
export function imageCount(params: GenerationParams): number {
  if ("result_type" in params && params.result_type === "series") return params.series_amount ?? 0;
  return params.num_images;
}
