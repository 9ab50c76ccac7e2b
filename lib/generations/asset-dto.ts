import type { Asset } from "@/lib/generated/prisma/client";
import { assetUrls } from "@/lib/assets/asset-urls";

/** An asset as clients see it: presigned, short-lived URLs instead of storage keys. */
export async function assetDto(asset: Asset) {
  return {
    id: asset.id,
    generationId: asset.generationId,
    width: asset.width,
    height: asset.height,
    bytes: asset.bytes,
    format: asset.format,
    sha256: asset.sha256,
    thumbhash: asset.thumbhash,
    favourite: asset.favourite,
    // 0 is "unrated" in the table (lib/assets/list-assets.ts sorts on it); clients keep seeing null.
    rating: asset.rating || null,
    approvalStatus: asset.approvalStatus,
    sourceAssetId: asset.sourceAssetId,
    urls: await assetUrls(asset),
    createdAt: asset.createdAt.toISOString(),
  };
}
