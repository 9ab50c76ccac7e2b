import { z } from "zod";

// What the asset routes accept. The OpenAPI document (lib/openapi/build-openapi.ts) is generated from these.

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const APPROVAL = ["none", "pending", "approved", "rejected"] as const;
const PROVIDERS = ["kling", "wavespeed", "runware", "segmind", "fal"] as const;

export const PAGE_LIMIT_MAX = 200;

export const listAssetsQuery = z.object({
  /** Opaque: the `nextCursor` of the previous page, only valid with the same sort. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(120),
  sort: z.enum(["newest", "oldest", "rating"]).default("newest"),
  /** live (default) or trashed; `trash=true` is the same as `status=trashed`. */
  status: z.enum(["live", "trashed"]).optional(),
  trash: flag.optional(),
  model: z.string().max(100).optional(),
  provider: z.enum(PROVIDERS).optional(),
  aspectRatio: z.string().max(20).optional(),
  resolution: z.string().max(20).optional(),
  /** The user who made the asset (their generation's creator). */
  memberId: z.string().max(100).optional(),
  favourite: flag.optional(),
  /** A tag name of the team. */
  tag: z.string().trim().min(1).max(100).optional(),
  approval: z.enum(APPROVAL).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Words of the prompt (substring match, case-insensitive; served by a trigram index). */
  q: z.string().trim().min(1).max(200).optional(),
  /** A collection of the project: a hand-picked one's assets, or what a smart one's saved query matches. */
  collection: z.string().min(1).max(100).optional(),
});
export type ListAssetsQuery = z.infer<typeof listAssetsQuery>;

export const updateAssetInput = z
  .object({
    favourite: z.boolean().optional(),
    /** 1–5 stars; 0 or null clears the rating. */
    rating: z.number().int().min(0).max(5).nullable().optional(),
    approvalStatus: z.enum(APPROVAL).optional(),
  })
  .refine((v) => v.favourite !== undefined || v.rating !== undefined || v.approvalStatus !== undefined, "Nothing to change.");
export type UpdateAssetInput = z.infer<typeof updateAssetInput>;

const tagName = z.string().trim().min(1).max(64);
export const tagAssetInput = z
  .object({ add: z.array(tagName).max(50).default([]), remove: z.array(tagName).max(50).default([]) })
  .refine((v) => v.add.length + v.remove.length > 0, "Nothing to change.");

export const BULK_MAX = 500;
const assetIds = z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX);

export const bulkAssetsInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("favourite"), assetIds }),
  z.object({ action: z.literal("unfavourite"), assetIds }),
  z.object({ action: z.literal("tag"), assetIds, tags: z.array(tagName).min(1).max(50) }),
  z.object({ action: z.literal("untag"), assetIds, tags: z.array(tagName).min(1).max(50) }),
  z.object({ action: z.literal("approval"), assetIds, approvalStatus: z.enum(APPROVAL) }),
  z.object({ action: z.literal("delete"), assetIds }),
  z.object({ action: z.literal("restore"), assetIds }),
  z.object({ action: z.literal("purge"), assetIds }),
]);
export type BulkAssetsInput = z.infer<typeof bulkAssetsInput>;

export const zipAssetsInput = z.object({ assetIds });

export const downloadQuery = z.object({
  /** Omit for the original bytes; otherwise the server converts. */
  format: z.enum(["png", "jpeg", "webp"]).optional(),
  /** Longest side in pixels (never upscaled). */
  size: z.coerce.number().int().min(16).max(8192).optional(),
});

export const imageQuery = z.object({ size: z.enum(["small", "large", "original"]).default("large") });
