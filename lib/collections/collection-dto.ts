import type { Collection } from "@/lib/generated/prisma/client";
import { smartFilter, type CollectionDto } from "@/lib/collections/collection-schemas";

export function toCollectionDto(collection: Collection, assetCount: number | null): CollectionDto {
  const filter = collection.filter === null ? null : smartFilter.parse(collection.filter);
  return {
    id: collection.id,
    projectId: collection.projectId!,
    parentId: collection.parentId,
    name: collection.name,
    smart: filter !== null,
    filter,
    assetCount: filter ? null : assetCount,
    createdAt: collection.createdAt.toISOString(),
  };
}
