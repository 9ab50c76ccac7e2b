import { db } from "@/lib/db";
import type { Asset, ShareLink } from "@/lib/generated/prisma/client";
import { listAssetsQuery, PAGE_LIMIT_MAX } from "@/lib/assets/asset-schemas";
import { listAssets } from "@/lib/assets/list-assets";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";

// The most a link shows: a client gallery, not an archive (the studio's own pages page through more).
export const SHARE_MAX_ASSETS = 500;

/**
 * The images a link shows now, in its order: a collection's current members (a smart one's current matches), or the
 * selection it was made with — trashed images drop out either way. Only this set's images are reachable through the
 * link (shareLinkAsset); it shows the newest SHARE_MAX_ASSETS of them.
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

/**
 * One image of the link's set, or null: an id outside the set (another project's, a neighbour's, a trashed one) is
 * never loaded. One indexed lookup whatever the set's size, never the whole set (a collection of thousands was listed
 * in full for every image request). A hand-picked collection's set is its own members — what `?collection=` shows in
 * the studio; a parent's link doesn't show its children's images, so membership doesn't climb the nesting either.
 */
export async function shareLinkAsset(link: ShareLink, assetId: string): Promise<Asset | null> {
  if (!link.collectionId) {
    const row = await db.shareLinkAsset.findUnique({ where: { shareLinkId_assetId: { shareLinkId: link.id, assetId } }, include: { asset: true } });
    return row && row.asset.deletedAt === null && row.asset.projectId === link.projectId ? row.asset : null;
  }
  // Asset by primary key, membership by CollectionAsset's (collectionId, assetId) key, and the collection must
  // still be this project's and hand-picked (a smart one holds no rows; it is judged by its query below).
  const [row] = await db.$queryRaw<(Asset & { smart: boolean | null })[]>`
    SELECT a.*, (c."filter" IS NOT NULL) AS "smart"
      FROM "Asset" a
      JOIN "Collection" c ON c."id" = ${link.collectionId} AND c."projectId" = ${link.projectId}
     WHERE a."id" = ${assetId} AND a."projectId" = ${link.projectId} AND a."deletedAt" IS NULL
       AND (c."filter" IS NOT NULL OR EXISTS (SELECT 1 FROM "CollectionAsset" ca WHERE ca."collectionId" = c."id" AND ca."assetId" = a."id"))`;
  if (!row) return null;
  const { smart, ...asset } = row;
  if (!smart) return asset;
  return (await matchesSmartCollection(link, asset)) ? asset : null;
}

/**
 * Whether a smart collection's saved query matches this asset now: the gallery's own query (lib/assets/list-assets.ts,
 * so the rules can't drift apart) narrowed to the asset's creation instant, which its (projectId, …, createdAt)
 * indexes answer directly. Rows sharing that millisecond are few; the id picks ours.
 */
async function matchesSmartCollection(link: ShareLink, asset: Asset): Promise<boolean> {
  const project = await db.project.findUnique({ where: { id: link.projectId }, select: { teamId: true } });
  const query = await resolveCollectionQuery({ projectId: link.projectId, query: listAssetsQuery.parse({ collection: link.collectionId }) }).catch(() => null);
  if (!project || !query) return false;
  const at = asset.createdAt.getTime();
  const from = Math.max(at, query.from ? new Date(query.from).getTime() : at);
  const to = Math.min(at + 1, query.to ? new Date(query.to).getTime() : at + 1);
  if (from >= to) return false;
  const page = await listAssets({
    projectId: link.projectId,
    teamId: project.teamId,
    query: { ...query, sort: "newest", cursor: undefined, limit: PAGE_LIMIT_MAX, from: new Date(from).toISOString(), to: new Date(to).toISOString() },
  });
  return page.data.some((a) => a.id === asset.id);
}
