import { db } from "@/lib/db";
import type { Asset, ShareLink } from "@/lib/generated/prisma/client";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { listAssets } from "@/lib/assets/list-assets";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";

// The most a link shows: a client gallery, not an archive (the studio's own pages page through more).
export const SHARE_MAX_ASSETS = 500;

/**
 * The images a link shows now, in its order: a collection's current members (a smart one's current matches), or the
 * selection it was made with — trashed images drop out either way. This set is the only thing a link can reach.
 */
export async function shareLinkAssets(link: ShareLink): Promise<Asset[]> {
  if (!link.collectionId) {
    const rows = await db.shareLinkAsset.findMany({
      where: { shareLinkId: link.id, asset: { deletedAt: null, projectId: link.projectId } },
      orderBy: [{ position: "asc" }, { assetId: "asc" }],
      include: { asset: true },
      take: SHARE_MAX_ASSETS,
    });
    return rows.map((r) => r.asset);
  }
  const project = await db.project.findUnique({ where: { id: link.projectId }, select: { teamId: true } });
  if (!project) return [];
  const query = await resolveCollectionQuery({
    projectId: link.projectId,
    query: listAssetsQuery.parse({ collection: link.collectionId, limit: 200 }),
  }).catch(() => null);
  if (!query) return [];
  const out: Asset[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAssets({ projectId: link.projectId, teamId: project.teamId, query: { ...query, ...(cursor && { cursor }) } });
    out.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < SHARE_MAX_ASSETS);
  return out.slice(0, SHARE_MAX_ASSETS);
}

/** One image of the link's set, or null: an id outside the set (another project's, a neighbour's) is never loaded. */
export async function shareLinkAsset(link: ShareLink, assetId: string): Promise<Asset | null> {
  if (!link.collectionId) {
    const row = await db.shareLinkAsset.findUnique({ where: { shareLinkId_assetId: { shareLinkId: link.id, assetId } }, include: { asset: true } });
    return row && row.asset.deletedAt === null && row.asset.projectId === link.projectId ? row.asset : null;
  }
  return (await shareLinkAssets(link)).find((a) => a.id === assetId) ?? null;
}
