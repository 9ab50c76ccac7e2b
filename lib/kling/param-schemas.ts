import { z } from "zod";
import { LIMITS, DEFAULTS, ASPECT_RATIOS, O3_ASPECT_RATIOS, V3_RESOLUTIONS, O3_RESOLUTIONS, OUTPUT_FORMATS, RESULT_TYPES } from "@/lib/kling/options";
import type { ModelId, Mode } from "@/lib/kling/models";

// One zod schema per (model, mode). Field names are the wire names the public API uses (snake_case), every issue's
// path is the field name and every message is written for a person. Objects are strict so a misspelt field
// fails loudly instead of being silently ignored.

const list = (values: readonly string[]) => values.join(", ");
const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${list(values)}` });

// Something to read: trim() leaves zero-width spaces, joiners and other invisible format/control characters, so a
// prompt made only of them would pass as non-empty and be paid for.
const VISIBLE = /[^\s\p{Z}\p{Cf}\p{Cc}]/u;

// Code points, not UTF-16 units: an emoji counts as one character, as it does for the providers.
const prompt = z
  .string({ error: (i) => (i.input === undefined ? "prompt is required" : "prompt must be text") })
  .trim()
  .min(1, { error: "prompt must not be empty" })
  .refine((s) => VISIBLE.test(s), { error: "prompt must not be empty" })
  .refine((s) => [...s].length <= LIMITS.promptMaxChars, { error: `prompt must be at most ${LIMITS.promptMaxChars} characters` });

const negativePrompt = z
  .string({ error: "negative_prompt must be text" })
  .trim()
  .refine((s) => [...s].length <= LIMITS.promptMaxChars, { error: `negative_prompt must be at most ${LIMITS.promptMaxChars} characters` })
  .optional()
  .transform((s) => s || undefined);

const int = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int({ error: `${field} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });

const notFor = (field: string, why: string) => z.undefined({ error: `${field} is not supported ${why}` }).optional();

const common = {
  prompt,
  num_images: int("num_images", LIMITS.numImagesMin, LIMITS.numImagesMax).default(DEFAULTS.numImages),
  output_format: oneOf("output_format", OUTPUT_FORMATS).optional(),
  seed: int("seed", 0, LIMITS.seedMax).optional(),
};

const v3 = {
  ...common,
  aspect_ratio: oneOf("aspect_ratio", ASPECT_RATIOS).default(DEFAULTS.v3AspectRatio),
  resolution: oneOf("resolution", V3_RESOLUTIONS).default(DEFAULTS.resolution),
  result_type: notFor("result_type", "by Kling V3 (series output is O3 only)"),
  series_amount: notFor("series_amount", "by Kling V3 (series output is O3 only)"),
};

export const v3TextToImageSchema = z.strictObject({ ...v3, negative_prompt: negativePrompt });

export const v3EditSchema = z.strictObject({
  ...v3,
  // Kling: "negative_prompt is not supported when image is set".
  negative_prompt: notFor("negative_prompt", "when editing an image"),
});

export const o3Schema = z
  .strictObject({
    ...common,
    aspect_ratio: oneOf("aspect_ratio", O3_ASPECT_RATIOS).default(DEFAULTS.o3AspectRatio),
    resolution: oneOf("resolution", O3_RESOLUTIONS).default(DEFAULTS.resolution),
    result_type: oneOf("result_type", RESULT_TYPES).default(DEFAULTS.resultType),
    series_amount: int("series_amount", LIMITS.seriesAmountMin, LIMITS.seriesAmountMax).optional(),
    // O3 takes positive and negative guidance in one prompt (Kling omni-image has no negative_prompt).
    negative_prompt: notFor("negative_prompt", "by Kling O3; describe what to avoid in the prompt"),
  })
  .superRefine((p, ctx) => {
    if (p.result_type === "series") {
      if (p.series_amount === undefined)
        ctx.addIssue({ code: "custom", path: ["series_amount"], message: "series_amount (2 to 9) is required when result_type is series" });
      if (p.num_images !== 1)
        ctx.addIssue({ code: "custom", path: ["num_images"], message: "num_images applies to single results; use series_amount for a series" });
    } else if (p.series_amount !== undefined) {
      ctx.addIssue({ code: "custom", path: ["series_amount"], message: "series_amount is only allowed when result_type is series" });
    }
  });

export type V3TextToImageParams = z.output<typeof v3TextToImageSchema>;
export type V3EditParams = z.output<typeof v3EditSchema>;
export type O3Params = z.output<typeof o3Schema>;
/** What every adapter receives: the parsed output of one of the schemas above. */
export type GenerationParams = V3TextToImageParams | V3EditParams | O3Params;

export function getParamsSchema(model: ModelId, mode: Mode) {
  if (model === "kling-v3-omni") return o3Schema;
  return mode === "edit" ? v3EditSchema : v3TextToImageSchema;
}
