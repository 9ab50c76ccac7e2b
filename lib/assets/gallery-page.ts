import type { ListAssetsQuery } from "@/lib/assets/asset-schemas";
import { listAssets } from "@/lib/assets/list-assets";
import { assetTagNames } from "@/lib/assets/asset-tag-names";
import { galleryAssetDto } from "@/lib/assets/gallery-asset-dto";

/**
 * One gallery page as the assets route answers it (tiles with tags and URLs, and the next cursor). The caller has
 * checked read access to the project: the route through withProject, the project page through getProjectOrThrow,
 * which renders the first page into its HTML so the grid needs no round trip after hydration.
 */
export async function galleryPage(options: { projectId: string; teamId: string; query: ListAssetsQuery }) {
  const { data, nextCursor } = await listAssets(options);
  const tags = await assetTagNames(data.map((a) => a.id));
  const now = Date.now();
  return { data: await Promise.all(data.map((a) => galleryAssetDto({ ...a, tags: tags.get(a.id) ?? [] }, now))), nextCursor };
}
