import type { Asset } from "@/lib/generated/prisma/client";
import { assetUrls } from "@/lib/assets/asset-urls";

type Row = Asset & { seed?: number | null; mode?: string | null; tags?: string[] };

/** A gallery tile: what the grid lays out (size, placeholder), shows (URLs) and filters on (the recipe essentials). */
export async function galleryAssetDto(asset: Row, now = Date.now()) {
  return {
    id: asset.id,
    projectId: asset.projectId,
    generationId: asset.generationId,
    createdById: asset.createdById,
    width: asset.width,
    height: asset.height,
    bytes: asset.bytes,
    format: asset.format,
    thumbhash: asset.thumbhash,
    favourite: asset.favourite,
    rating: asset.rating || null,
    approvalStatus: asset.approvalStatus,
    tags: asset.tags ?? [],
    deletedAt: asset.deletedAt?.toISOString() ?? null,
    sourceAssetId: asset.sourceAssetId,
    recipe: {
      prompt: asset.prompt,
      model: asset.model,
      provider: asset.provider,
      aspectRatio: asset.aspectRatio,
      resolution: asset.resolution,
      mode: asset.mode ?? null,
      seed: asset.seed ?? null,
    },
    urls: await assetUrls(asset, now),
    createdAt: asset.createdAt.toISOString(),
  };
}
export type GalleryAssetDto = Awaited<ReturnType<typeof galleryAssetDto>>;
