import { z } from "zod";
import { MODES, MODEL_IDS } from "@/lib/kling/models";
import { PROVIDER_IDS } from "@/lib/kling/providers";

// Request bodies. Parameters are validated by the model catalog (lib/kling), not here, so the catalog stays the
// one place that knows each model's allowed values.
export const referenceInput = z.union([
  z.object({ assetId: z.string().min(1) }).strict(),
  z.object({ url: z.url("Reference URLs must be http(s) URLs.") }).strict(),
]);

export const createGenerationInput = z
  .object({
    mode: z.enum(MODES),
    model: z.enum(MODEL_IDS),
    provider: z.enum(PROVIDER_IDS).optional(),
    parameters: z.record(z.string(), z.unknown()),
    references: z.array(referenceInput).max(10, "At most 10 reference images.").default([]),
    elementIds: z.array(z.string().min(1)).max(10, "At most 10 elements.").default([]),
    // A hand-picked collection of the same project that every output joins as it is recorded.
    collectionId: z.string().min(1).optional(),
  })
  .strict();
export type CreateGenerationInput = z.infer<typeof createGenerationInput>;

export const rerunGenerationInput = z
  .object({
    parameters: z.record(z.string(), z.unknown()).default({}),
    provider: z.enum(PROVIDER_IDS).optional(),
    // Keep the original seed instead of drawing a new one (only meaningful where the provider takes a seed).
    pinSeed: z.boolean().default(false),
    // Elements: "recorded" sends the element versions the original generation used (a re-run reproduces it);
    // "latest" sends each element's current version instead.
    elementVersions: z.enum(["recorded", "latest"]).default("recorded"),
  })
  .strict();
export type RerunGenerationInput = z.infer<typeof rerunGenerationInput>;

export const listGenerationsQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  status: z.enum(["queued", "submitted", "running", "succeeded", "failed", "cancelled"]).optional(),
  model: z.enum(MODEL_IDS).optional(),
  provider: z.enum(PROVIDER_IDS).optional(),
  elementId: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListGenerationsQuery = z.infer<typeof listGenerationsQuery>;
