import { z } from "zod";
import { ASPECTS } from "../../core/sizes";

// Field tables: providers.md §1.5 (generations, V3) and §1.6 (omni-image, O3). Unknown keys pass through untouched,
// as a JSON API does.
const imageInput = z
  .string()
  .min(1)
  .refine((v) => !v.startsWith("data:"), "image must be a URL or raw Base64 without the data: prefix");
// element_id is documented as `long` (example 829836802793406551): a JSON number, read exactly (core/json-text.ts);
// a quoted id is a form no Kling document shows.
const elementId = z.union([z.int().min(1), z.bigint().min(1n).max(9_223_372_036_854_775_807n)], {
  error: "element_id must be a long integer (a JSON number), e.g. 829836802793406551",
});
const elementList = z.array(z.object({ element_id: elementId }));
const common = {
  prompt: z.string().min(1).max(2500),
  watermark_info: z.object({ enabled: z.boolean() }).optional(),
  callback_url: z.url({ protocol: /^https?$/ }).optional(),
  external_task_id: z.string().min(1).max(255).optional(),
  element_list: elementList.optional(),
};

export const generationsSchema = z
  .object({
    ...common,
    model_name: z.enum(["kling-v1", "kling-v1-5", "kling-v2", "kling-v2-new", "kling-v2-1", "kling-v3"]).optional(),
    model: z.string().optional(), // the pre-rename spelling of model_name, still accepted
    negative_prompt: z.string().max(2500).optional(),
    image: imageInput.optional(),
    image_reference: z.enum(["subject", "face"]).optional(),
    image_fidelity: z.number().min(0).max(1).optional(),
    human_fidelity: z.number().min(0).max(1).optional(),
    resolution: z.enum(["1k", "2k"]).default("1k"),
    n: z.int().min(1).max(9).default(1),
    aspect_ratio: z.enum(ASPECTS).default("16:9"),
  })
  .superRefine((body, issues) => {
    if (body.negative_prompt !== undefined && body.image !== undefined) {
      issues.addIssue({ code: "custom", path: ["negative_prompt"], message: "negative_prompt is not supported when image is set" });
    }
    if ((body.element_list?.length ?? 0) + (body.image ? 1 : 0) > 10) {
      issues.addIssue({ code: "custom", path: ["element_list"], message: "reference images and elements must not exceed 10 in total" });
    }
  });
export type GenerationsBody = z.infer<typeof generationsSchema>;

export const omniSchema = z
  .object({
    ...common,
    model_name: z.enum(["kling-image-o1", "kling-v3-omni"]).optional(),
    image_list: z.array(z.object({ image: imageInput })).max(10).optional(),
    resolution: z.enum(["1k", "2k", "4k"]).default("1k"),
    result_type: z.enum(["single", "series"]).default("single"),
    n: z.int().min(1).max(9).default(1),
    series_amount: z.union([z.int().min(2).max(9), z.literal("auto")]).optional(),
    aspect_ratio: z.enum([...ASPECTS, "auto"]).default("auto"),
  })
  .superRefine((body, issues) => {
    const images = body.image_list?.length ?? 0;
    const elements = body.element_list?.length ?? 0;
    if (images + elements > 10) {
      issues.addIssue({ code: "custom", path: ["element_list"], message: "image_list and element_list must not exceed 10 in total" });
    }
    // <<<image_N>>> / <<<element_N>>> are 1-indexed references into the lists.
    for (const [, kind, n] of body.prompt.matchAll(/<<<(image|element)_(\d+)>>>/g)) {
      const available = kind === "image" ? images : elements;
      if (Number(n) < 1 || Number(n) > available) {
        issues.addIssue({ code: "custom", path: ["prompt"], message: `prompt references <<<${kind}_${n}>>> but only ${available} ${kind}(s) were provided` });
      }
    }
  });
export type OmniBody = z.infer<typeof omniSchema>;
