import type { Asset } from "@/lib/generated/prisma/client";
import type { ListAssetsQuery } from "@/lib/assets/asset-schemas";
import { encodeAssetCursor } from "@/lib/assets/asset-cursor";
import { listAssets } from "@/lib/assets/list-assets";

/**
 * The assets just before and after `asset` in the gallery's order under the gallery's filters: the image detail's
 * arrow keys. Both are one-row keyset reads from the asset's own position, so they cost the same at the 20,000th
 * image as at the first, and they work even when the asset itself no longer matches the filters (just unstarred).
 * The caller has checked access to the asset; its project and team bound the search.
 */
export async function assetNeighbours(options: { asset: Asset; teamId: string; query: Omit<ListAssetsQuery, "cursor" | "limit"> }) {
  const { asset, teamId } = options;
  const query = { ...options.query, limit: 1, cursor: encodeAssetCursor({ sort: options.query.sort, createdAt: asset.createdAt, id: asset.id, rating: asset.rating }) };
  const [next, previous] = await Promise.all([
    listAssets({ projectId: asset.projectId, teamId, query }),
    listAssets({ projectId: asset.projectId, teamId, query, reverse: true }),
  ]);
  return { previous: previous.data[0]?.id ?? null, next: next.data[0]?.id ?? null };
}
