import { z } from "zod";
import { ASPECTS } from "../../core/sizes";
import type { ImageFormat, Resolution } from "../../core/types";

// One schema per model id (seeds 000, 001, 002; providers.md §2.2). Range columns are the allowed values.
// `prompt` stays required although the seeds' curl bodies omit it: each page says it is required three times
// (both parameter tables, and "Prompt is the only required field" / "Only prompt is required" / "Both prompt and
// image are required"), and the curl bodies are templates, not recorded calls — they hold exactly the fields that
// have a Default (the edit body even lacks its required `image`), show no response, and WaveSpeed's generator emits
// the same kind of body elsewhere (`{}` for kling-effects, whose effect_scene is required). WaveSpeed's task error
// 1400 "missing param" (providers.md §2.4) is what such a body gets.
const prompt = z.string().min(1).max(2500);
const numImages = z.int().min(1).max(9).default(1);
const syncFlags = { enable_sync_mode: z.boolean().optional(), enable_base64_output: z.boolean().optional() };
const withAuto = z.enum([...ASPECTS, "auto"]);

const v3TextToImage = z.object({
  prompt,
  aspect_ratio: z.enum(ASPECTS).default("16:9"),
  resolution: z.enum(["1k", "2k"]).default("1k"),
  num_images: numImages,
  output_format: z.enum(["png", "jpeg", "webp"]).default("png"),
  ...syncFlags,
});

export const WAVESPEED_MODELS = {
  "kwaivgi/kling-image-v3/text-to-image": { family: "kling-v3", schema: v3TextToImage },
  "kwaivgi/kling-image-v3/edit": { family: "kling-v3", schema: v3TextToImage.extend({ image: z.string().min(1) }) },
  "kwaivgi/kling-image-o3/text-to-image": {
    family: "kling-v3-omni",
    schema: v3TextToImage.extend({ resolution: z.enum(["1k", "2k", "4k"]).default("1k") }),
  },
  "kwaivgi/kling-image-o3/edit": {
    family: "kling-v3-omni",
    schema: z.object({
      prompt,
      images: z.array(z.string().min(1)).min(1).max(10),
      aspect_ratio: withAuto.default("auto"),
      resolution: z.enum(["1k", "2k", "4k"]).default("1k"),
      num_images: numImages,
      output_format: z.enum(["png", "jpeg"]).default("png"),
      ...syncFlags,
    }),
  },
  "kwaivgi/kling-image-o3": {
    family: "kling-v3-omni",
    schema: z.object({
      prompt,
      images: z.array(z.string().min(1)).max(10).default([]),
      aspect_ratio: withAuto.default("auto"),
      resolution: z.enum(["1k", "2k", "4k"]).default("1k"),
      result_type: z.enum(["single"]).default("single"), // the seed's Range column lists only "single"
      num_images: numImages,
      // Element shape is unconfirmed (providers.md §2.2): accept ids or { element_id } objects, at most 3.
      element_list: z.array(z.union([z.string(), z.int(), z.object({ element_id: z.union([z.string(), z.int()]) })])).max(3).optional(),
      output_format: z.enum(["png", "jpeg", "webp"]).default("png"),
      ...syncFlags,
    }),
  },
} as const;

export type WavespeedModelId = keyof typeof WAVESPEED_MODELS;

// The fields the simulator reads; every model's schema produces a subset of these.
export interface WavespeedInput {
  prompt: string;
  aspect_ratio: string;
  resolution: Resolution;
  num_images: number;
  output_format: ImageFormat;
  image?: string;
  images?: string[];
  enable_sync_mode?: boolean;
}
