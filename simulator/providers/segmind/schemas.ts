import { z } from "zod";

// Seed 003 (kling-3-text2image) and providers.md §4 (kling-3-image2image adds image_url). No 21:9 on Segmind.
const element = z.object({
  frontal_image_url: z.url().optional(),
  reference_image_urls: z.array(z.url()).max(3).optional(),
});

export const text2imageSchema = z.object({
  prompt: z.string().min(1).max(2500),
  negative_prompt: z.string().max(2500).optional(),
  aspect_ratio: z.enum(["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3"]).default("16:9"),
  elements: z.array(element).max(10).optional(),
  output_format: z.enum(["png", "jpeg", "webp"]).default("png"),
  resolution: z.enum(["1K", "2K"]).default("1K"),
});

export const image2imageSchema = text2imageSchema.extend({ image_url: z.url() });

export const SEGMIND_SLUGS = {
  "kling-3-text2image": text2imageSchema,
  "kling-3-image2image": image2imageSchema,
} as const;
export type SegmindSlug = keyof typeof SEGMIND_SLUGS;
