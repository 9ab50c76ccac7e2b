import { z } from "zod";
import { ASPECTS } from "../../core/sizes";
import type { ImageFormat } from "../../core/types";

// Inputs per endpoint, from fal-js's generated types (providers.md §5.1).
const element = z.object({
  frontal_image_url: z.string().optional(),
  reference_image_urls: z.array(z.string()).max(3).optional(),
});
const base = {
  prompt: z.string().min(1).max(2500),
  // §5.1 gives `elements?: ElementInput[]` on all four endpoints without a count; 10 is Kling's own cap (§8 item 7),
  // assumed here (UNCONFIRMED for fal) — the studio sends at most 10 itself.
  elements: z.array(element).max(10).optional(),
  num_images: z.int().min(1).max(9).default(1),
  output_format: z.enum(["jpeg", "png", "webp"]).default("png"),
  sync_mode: z.boolean().optional(),
};
const o3 = {
  ...base,
  resolution: z.enum(["1K", "2K", "4K"]).default("1K"),
  result_type: z.enum(["single", "series"]).default("single"),
  series_amount: z.int().min(2).max(9).optional(),
};

export const FAL_ENDPOINTS = {
  "fal-ai/kling-image/v3/text-to-image": {
    family: "kling-v3",
    schema: z.object({ ...base, negative_prompt: z.string().max(2500).optional(), resolution: z.enum(["1K", "2K"]).default("1K"), aspect_ratio: z.enum(ASPECTS).default("16:9") }),
  },
  "fal-ai/kling-image/v3/image-to-image": {
    family: "kling-v3",
    schema: z.object({ ...base, image_url: z.string().min(1), resolution: z.enum(["1K", "2K"]).default("1K"), aspect_ratio: z.enum(ASPECTS).default("16:9") }),
  },
  "fal-ai/kling-image/o3/text-to-image": {
    family: "kling-v3-omni",
    schema: z.object({ ...o3, aspect_ratio: z.enum(ASPECTS).default("16:9") }),
  },
  "fal-ai/kling-image/o3/image-to-image": {
    family: "kling-v3-omni",
    schema: z.object({ ...o3, image_urls: z.array(z.string().min(1)).min(1).max(10), aspect_ratio: z.enum([...ASPECTS, "auto"]).default("auto") }),
  },
} as const;
export type FalEndpointId = keyof typeof FAL_ENDPOINTS;
export const FAL_APP_ROOT = "fal-ai/kling-image"; // status/result/cancel live under the app root, not the sub-path

// The fields the simulator reads, common to all four endpoints (each schema produces a subset of these).
export interface FalInput {
  prompt: string;
  num_images: number;
  output_format: ImageFormat;
  resolution: "1K" | "2K" | "4K";
  aspect_ratio: string;
  result_type?: "single" | "series";
  series_amount?: number;
  image_urls?: string[];
}
