import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Asset } from "@/lib/generated/prisma/client";
import type { ListAssetsQuery } from "@/lib/assets/asset-schemas";
import { decodeAssetCursor, encodeAssetCursor } from "@/lib/assets/asset-cursor";

export type GalleryRow = Asset & { seed: number | null; mode: string | null };

/**
 * One page of a project's gallery. Keyset pagination on (createdAt, id) — or (rating, createdAt, id) — so a page
 * never repeats or skips a row when assets arrive, are starred or are trashed between requests (an offset would
 * shift). Every filter is a column of Asset with its own (projectId, filter, deletedAt, createdAt, id) index
 * (prisma/schema.prisma); the prompt search is a trigram GIN index; tags go through AssetTag's (tagId, assetId).
 */
export async function listAssets(options: { projectId: string; teamId: string; query: ListAssetsQuery; reverse?: boolean }) {
  const { projectId, teamId, query } = options;
  // `reverse` walks the same order backwards from the cursor (the rows before it, nearest first): how the image
  // detail finds its previous neighbour under any sort, rating included, without a second cursor format.
  const back = options.reverse === true;
  const before = back ? Prisma.sql`>` : Prisma.sql`<`;
  const after = back ? Prisma.sql`<` : Prisma.sql`>`;
  const asc = back ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const desc = back ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const trashed = query.trash === true || query.status === "trashed";
  const where: Prisma.Sql[] = [Prisma.sql`a."projectId" = ${projectId}`, trashed ? Prisma.sql`a."deletedAt" IS NOT NULL` : Prisma.sql`a."deletedAt" IS NULL`];
  if (query.model) where.push(Prisma.sql`a."model" = ${query.model}`);
  if (query.provider) where.push(Prisma.sql`a."provider" = ${query.provider}::"Provider"`);
  if (query.aspectRatio) where.push(Prisma.sql`a."aspectRatio" = ${query.aspectRatio}`);
  if (query.resolution) where.push(Prisma.sql`a."resolution" = ${query.resolution}`);
  if (query.memberId) where.push(Prisma.sql`a."createdById" = ${query.memberId}`);
  if (query.favourite !== undefined) where.push(Prisma.sql`a."favourite" = ${query.favourite}`);
  if (query.approval) where.push(Prisma.sql`a."approvalStatus" = ${query.approval}::"ApprovalStatus"`);
  if (query.from) where.push(Prisma.sql`a."createdAt" >= ${ts(new Date(query.from))}`);
  if (query.to) where.push(Prisma.sql`a."createdAt" < ${ts(new Date(query.to))}`);
  if (query.q) where.push(Prisma.sql`a."prompt" ILIKE ${`%${escapeLike(query.q)}%`}`);
  if (query.collection) {
    // Scoped to this project: another project's collection id matches nothing. (A smart collection is resolved to
    // its saved filters before this is called: lib/collections/resolve-collection-query.ts.)
    where.push(Prisma.sql`a."id" IN (SELECT ca."assetId" FROM "CollectionAsset" ca JOIN "Collection" c ON c."id" = ca."collectionId"
      WHERE c."id" = ${query.collection} AND c."projectId" = ${projectId})`);
  }
  if (query.tag) {
    where.push(Prisma.sql`a."id" IN (SELECT at."assetId" FROM "AssetTag" at JOIN "Tag" t ON t."id" = at."tagId"
      WHERE t."teamId" = ${teamId} AND t."name" = ${query.tag})`);
  }

  let order: Prisma.Sql;
  if (query.sort === "oldest") {
    order = Prisma.sql`a."createdAt" ${asc}, a."id" ${asc}`;
    if (query.cursor) {
      const c = decodeAssetCursor(query.cursor, "oldest");
      where.push(Prisma.sql`(a."createdAt", a."id") ${after} (${ts(c.createdAt)}, ${c.id})`);
    }
  } else if (query.sort === "rating") {
    order = Prisma.sql`a."rating" ${desc}, a."createdAt" ${desc}, a."id" ${desc}`;
    if (query.cursor) {
      const c = decodeAssetCursor(query.cursor, "rating");
      where.push(Prisma.sql`(a."rating", a."createdAt", a."id") ${before} (${c.rating}, ${ts(c.createdAt)}, ${c.id})`);
    }
  } else {
    order = Prisma.sql`a."createdAt" ${desc}, a."id" ${desc}`;
    if (query.cursor) {
      const c = decodeAssetCursor(query.cursor, "newest");
      where.push(Prisma.sql`(a."createdAt", a."id") ${before} (${ts(c.createdAt)}, ${c.id})`);
    }
  }

  // PostgreSQL treats `"deletedAt" IS NULL` as a filter, not an equality, so on its own it doesn't let the planner
  // read the (projectId, [filter,] deletedAt, createdAt, id) indexes in order — it would sort the whole project
  // (measured: a seq scan and top-N sort over 20,000 rows). Naming deletedAt first in the ORDER BY, where every
  // live row has the same NULL, changes no result and makes the index order the requested one. The trash is small
  // and ordered by creation like the gallery, so it keeps the plain order.
  if (!trashed) order = Prisma.sql`a."deletedAt" ${query.sort === "oldest" ? desc : asc}, ${order}`;
  const rows = await db.$queryRaw<GalleryRow[]>`
    SELECT a.*, COALESCE(o."seed", g."seed") AS "seed", g."mode"::text AS "mode"
      FROM "Asset" a LEFT JOIN "Generation" g ON g."id" = a."generationId"
      LEFT JOIN "GenerationOutput" o ON o."assetId" = a."id"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${order}
     LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeAssetCursor({ sort: query.sort, createdAt: last.createdAt, id: last.id, rating: last.rating }) : null;
  return { data: page, nextCursor };
}

// "createdAt" is a timestamp without time zone holding UTC: compare with UTC text, never a session-zone conversion.
function ts(date: Date) {
  return Prisma.sql`${date.toISOString()}::timestamp`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
