import { z } from "zod";
import { UUID_V4 } from "../../core/ids";
import { presetFor } from "../../core/sizes";

// imageInference for the two Kling AIRs (seed 004; providers.md §3.2).
export const RUNWARE_MODELS = {
  "klingai:kling-image@3": { family: "kling-v3", tiers: ["1k", "2k"], maxReferences: 1 },
  "klingai:kling-image@o3": { family: "kling-v3-omni", tiers: ["1k", "2k", "4k"], maxReferences: 10 },
} as const;
export type RunwareModel = keyof typeof RUNWARE_MODELS;

export const taskUUID = z.string().regex(UUID_V4, "taskUUID must be a UUID v4");

export const imageInferenceSchema = z
  .object({
    taskType: z.literal("imageInference"),
    taskUUID,
    model: z.enum(Object.keys(RUNWARE_MODELS) as [RunwareModel, ...RunwareModel[]]),
    positivePrompt: z.string().min(1).max(2500),
    negativePrompt: z.string().max(2500).optional(),
    width: z.int().optional(),
    height: z.int().optional(),
    resolution: z.enum(["1k", "2k", "4k"]).optional(),
    inputs: z.object({ referenceImages: z.array(z.string().min(1)).min(1).optional() }).optional(),
    referenceImages: z.array(z.string().min(1)).optional(), // top-level spelling the older JS SDK sends
    numberResults: z.int().min(1).max(20).default(1),
    outputType: z.enum(["URL", "base64Data", "dataURI"]).default("URL"),
    outputFormat: z.enum(["JPG", "PNG", "WEBP"]).default("JPG"),
    outputQuality: z.int().min(20).max(99).default(95),
    deliveryMethod: z.enum(["sync", "async"]).default("sync"),
    webhookURL: z.url({ protocol: /^https?$/ }).optional(),
    uploadEndpoint: z.url({ protocol: /^https?$/ }).optional(),
    includeCost: z.boolean().default(false),
    ttl: z.int().min(60).optional(),
    seed: z.int().min(1).optional(),
    safety: z.object({ checkContent: z.boolean().optional(), mode: z.string().optional() }).optional(),
  })
  .superRefine((task, issues) => {
    const spec = RUNWARE_MODELS[task.model];
    const refs = task.inputs?.referenceImages ?? task.referenceImages ?? [];
    const add = (path: string[], message: string) => issues.addIssue({ code: "custom", path, message });
    if ((task.width === undefined) !== (task.height === undefined)) add(["width"], "width and height must be used together");
    if (task.width !== undefined && task.resolution) add(["resolution"], "resolution cannot be combined with width and height");
    if (task.width === undefined && !task.resolution && refs.length === 0) {
      add(["width"], "Either provide inputs.referenceImages, or specify width and height (or resolution)");
    }
    if (task.width !== undefined && task.height !== undefined) {
      const preset = presetFor(task.width, task.height);
      if (!preset || !(spec.tiers as readonly string[]).includes(preset.resolution)) {
        add(["width"], `${task.width}x${task.height} is not a supported size for ${task.model}`);
      }
    }
    if (task.resolution && !(spec.tiers as readonly string[]).includes(task.resolution)) {
      add(["resolution"], `resolution ${task.resolution} is not supported by ${task.model}`);
    }
    if (refs.length > spec.maxReferences) {
      add(["inputs", "referenceImages"], `${task.model} accepts at most ${spec.maxReferences} reference image(s)`);
    }
  });
export type ImageInferenceTask = z.infer<typeof imageInferenceSchema>;
