import { z } from "zod";

// Seed 003 (kling-3-text2image) and providers.md §4 (kling-3-image2image adds image_url). No 21:9 on Segmind.
// An element: `frontal_image_url` "string (uri)" and "Up to 3 reference images" (both marked optional on the page).
const element = z.object({
  frontal_image_url: z.url().optional(),
  reference_image_urls: z.array(z.url()).max(3).optional(),
});

const fields = {
  prompt: z.string().min(1).max(2500),
  negative_prompt: z.string().max(2500).optional(),
  aspect_ratio: z.enum(["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3"]).default("16:9"),
  elements: z.array(element).max(10).optional(), // "Max 10 elements"
  output_format: z.enum(["png", "jpeg", "webp"]).default("png"),
  resolution: z.enum(["1K", "2K"]).default("1K"),
};

// The prompt names elements "with parentheses like (element1)" (seed 003), 1-indexed into `elements`. What Segmind
// answers for a reference past the list is not documented; the simulator refuses it (400, like its other invalid
// values) so a studio that numbers elements wrongly fails here instead of passing unnoticed.
function checkElementReferences(body: { prompt: string; elements?: unknown[] | undefined }, issues: z.RefinementCtx) {
  const available = body.elements?.length ?? 0;
  for (const [reference, n] of body.prompt.matchAll(/\(element(\d+)\)/gi)) {
    if (Number(n) < 1 || Number(n) > available)
      issues.addIssue({ code: "custom", path: ["prompt"], message: `prompt references ${reference} but only ${available} element(s) were provided` });
  }
}

export const text2imageSchema = z.object(fields).superRefine(checkElementReferences);

export const image2imageSchema = z.object({ ...fields, image_url: z.url() }).superRefine(checkElementReferences);

export const SEGMIND_SLUGS = {
  "kling-3-text2image": text2imageSchema,
  "kling-3-image2image": image2imageSchema,
} as const;
export type SegmindSlug = keyof typeof SEGMIND_SLUGS;
