import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ListAssetsQuery } from "@/lib/assets/asset-schemas";
import { smartFilter } from "@/lib/collections/collection-schemas";

/**
 * The gallery query for `?collection=`: a smart collection becomes its saved filters (what the request sets itself
 * wins, so a smart collection can still be searched and narrowed); a hand-picked one stays a membership filter.
 * A collection of another project is a 404, as if it didn't exist.
 */
export async function resolveCollectionQuery(options: { projectId: string; query: ListAssetsQuery }): Promise<ListAssetsQuery> {
  const { query } = options;
  if (!query.collection) return query;
  const collection = await db.collection.findUnique({ where: { id: query.collection }, select: { projectId: true, filter: true } });
  if (!collection || collection.projectId !== options.projectId) throw new AppError("not_found", "Collection not found.");
  if (collection.filter === null) return query;
  const saved = smartFilter.parse(collection.filter);
  const asked = Object.fromEntries(Object.entries(query).filter(([key, value]) => value !== undefined && key !== "collection" && !(key === "sort" && value === "newest")));
  return { ...query, ...saved, ...asked, collection: undefined } as ListAssetsQuery;
}
