import { db } from "@/lib/db";
import type { CollectionDto } from "@/lib/collections/collection-schemas";
import { toCollectionDto } from "@/lib/collections/collection-dto";

/** A project's collections, top-level ones first by name and each one's children after it, with live asset counts. */
export async function listCollections(options: { projectId: string }): Promise<CollectionDto[]> {
  const rows = await db.collection.findMany({ where: { projectId: options.projectId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const counts = rows.length
    ? await db.collectionAsset.groupBy({
        by: ["collectionId"],
        where: { collectionId: { in: rows.map((r) => r.id) }, asset: { deletedAt: null } },
        _count: { _all: true },
      })
    : [];
  const count = new Map(counts.map((c) => [c.collectionId, c._count._all]));
  const dto = (r: (typeof rows)[number]) => toCollectionDto(r, count.get(r.id) ?? 0);
  return rows.filter((r) => r.parentId === null).flatMap((top) => [dto(top), ...rows.filter((r) => r.parentId === top.id).map(dto)]);
}
