import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Asset, ShareLink } from "@/lib/generated/prisma/client";
import { listAssetsQuery, PAGE_LIMIT_MAX } from "@/lib/assets/asset-schemas";
import { listAssets } from "@/lib/assets/list-assets";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";

// How many images one page of a share gallery carries: the first comes with the page's HTML, the rest as the client
// scrolls (GET /s/:token/assets?cursor=…). A client gallery shows the whole set, however large, one page at a time.
export const SHARE_PAGE_SIZE = 120;

export type ShareAssetPage = { assets: Asset[]; nextCursor: string | null };

/**
 * One page of the images a link shows now, in its order: a collection's current members (a smart one's current
 * matches) newest first, or the selection in the order it was made — trashed images drop out either way. Keyset
 * pagination (a collection through the gallery's own cursor, a selection on (position, assetId)), so images added or
 * trashed between two pages never repeat or skip a neighbour. Only this set's images are reachable through the link
 * (shareLinkAsset).
 */
export async function shareLinkAssets(link: ShareLink, options: { cursor?: string | null; limit?: number } = {}): Promise<ShareAssetPage> {
  const limit = Math.min(Math.max(options.limit ?? SHARE_PAGE_SIZE, 1), PAGE_LIMIT_MAX);
  const cursor = options.cursor || undefined;
  if (!link.collectionId) {
    const after = cursor ? decodeSelectionCursor(cursor) : null;
    const rows = await db.shareLinkAsset.findMany({
      where: {
        shareLinkId: link.id,
        asset: { deletedAt: null, projectId: link.projectId },
        ...(after && { OR: [{ position: { gt: after.position } }, { position: after.position, assetId: { gt: after.assetId } }] }),
      },
      orderBy: [{ position: "asc" }, { assetId: "asc" }],
      include: { asset: true },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { assets: page.map((r) => r.asset), nextCursor: rows.length > limit && last ? encodeSelectionCursor(last) : null };
  }
  const project = await db.project.findUnique({ where: { id: link.projectId }, select: { teamId: true } });
  if (!project) return { assets: [], nextCursor: null };
  const query = await resolveCollectionQuery({
    projectId: link.projectId,
    query: listAssetsQuery.parse({ collection: link.collectionId, limit }),
  }).catch(() => null);
  if (!query) return { assets: [], nextCursor: null };
  // A smart collection keeps its saved sort; the cursor names its sort, so one from another order is refused (422).
  const page = await listAssets({ projectId: link.projectId, teamId: project.teamId, query: { ...query, limit, cursor } });
  return { assets: page.data, nextCursor: page.nextCursor };
}

/**
 * How many images the link shows now, for the page's "N images": a count over the same rows the pages walk. A smart
 * collection is counted by walking its matches' ids (its query is the gallery's, which has no count of its own).
 */
export async function shareLinkAssetCount(link: ShareLink): Promise<number> {
  if (!link.collectionId) {
    return db.shareLinkAsset.count({ where: { shareLinkId: link.id, asset: { deletedAt: null, projectId: link.projectId } } });
  }
  const collection = await db.collection.findFirst({ where: { id: link.collectionId, projectId: link.projectId }, select: { filter: true } });
  if (!collection) return 0;
  if (collection.filter === null) {
    return db.collectionAsset.count({ where: { collectionId: link.collectionId, asset: { deletedAt: null, projectId: link.projectId } } });
  }
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: ShareAssetPage = await shareLinkAssets(link, { cursor, limit: PAGE_LIMIT_MAX });
    count += page.assets.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

// A selection's keyset position: opaque to the client (base64url JSON), like the gallery's.
function encodeSelectionCursor(row: { position: number; assetId: string }): string {
  return Buffer.from(JSON.stringify(["selection", row.position, row.assetId])).toString("base64url");
}

function decodeSelectionCursor(value: string): { position: number; assetId: string } {
  try {
    const [kind, position, assetId] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (kind === "selection" && Number.isInteger(position) && typeof assetId === "string") return { position: position as number, assetId };
  } catch {
    // falls through to the one error below
  }
  throw new AppError("validation_failed", "The cursor is not valid for this listing.", { fields: { cursor: "invalid or from another listing" } });
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
