import { db } from "@/lib/db";
import type { Collection } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { storedFilter, type UpdateCollectionInput } from "@/lib/collections/collection-schemas";
import { checkParent } from "@/lib/collections/check-parent";
import { toCollectionDto } from "@/lib/collections/collection-dto";

/** Renames, moves (in or out of a top-level collection) or re-saves a smart collection's query. */
export async function updateCollection(options: { collection: Collection; input: UpdateCollectionInput }) {
  const { collection, input } = options;
  if (input.filter && collection.filter === null) {
    throw new AppError("validation_failed", "A hand-picked collection can't become a smart one: create a smart collection instead.", {
      fields: { filter: "Only smart collections have a query." },
    });
  }
  const updated = await db.$transaction(async (tx) => {
    if (input.parentId) await checkParent(tx, { projectId: collection.projectId!, parentId: input.parentId, collectionId: collection.id });
    return tx.collection.update({
      where: { id: collection.id },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.filter !== undefined && { filter: storedFilter(input.filter) }),
      },
    });
  });
  const count = await db.collectionAsset.count({ where: { collectionId: collection.id, asset: { deletedAt: null } } });
  return toCollectionDto(updated, count);
}
