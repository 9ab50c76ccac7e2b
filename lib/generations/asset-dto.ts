import type { Asset } from "@/lib/generated/prisma/client";
import { presignGet } from "@/lib/storage/presign-get";

/** An asset as clients see it: presigned, short-lived URLs instead of storage keys. */
export async function assetDto(asset: Asset) {
  const [url, thumbSmall, thumbLarge] = await Promise.all([
    presignGet(asset.storageKey),
    asset.thumbSmallKey ? presignGet(asset.thumbSmallKey) : null,
    asset.thumbLargeKey ? presignGet(asset.thumbLargeKey) : null,
  ]);
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
    rating: asset.rating,
    approvalStatus: asset.approvalStatus,
    sourceAssetId: asset.sourceAssetId,
    urls: { original: url, thumbSmall, thumbLarge },
    createdAt: asset.createdAt.toISOString(),
  };
}
