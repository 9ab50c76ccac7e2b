import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Collection } from "@/lib/generated/prisma/client";

/**
 * Adds assets to a hand-picked collection and removes others. Every id must be an asset of the collection's own
 * project (checked here, one 404 for the set, like the gallery's bulk routes); adding one twice changes nothing.
 */
export async function collectAssets(options: { collection: Collection; add: string[]; remove: string[] }) {
  const { collection } = options;
  if (collection.filter !== null) {
    throw new AppError("validation_failed", "A smart collection holds whatever matches its query: change the query instead.");
  }
  const add = [...new Set(options.add)];
  const remove = [...new Set(options.remove)];
  const ids = [...new Set([...add, ...remove])];
  const found = await db.asset.count({ where: { id: { in: ids }, projectId: collection.projectId! } });
  if (found !== ids.length) throw new AppError("not_found", ids.length === 1 ? "Asset not found." : "One or more assets were not found.");
  await db.$transaction([
    db.collectionAsset.createMany({ data: add.map((assetId) => ({ collectionId: collection.id, assetId })), skipDuplicates: true }),
    db.collectionAsset.deleteMany({ where: { collectionId: collection.id, assetId: { in: remove } } }),
    db.collection.update({ where: { id: collection.id }, data: { updatedAt: new Date() } }),
  ]);
  const assetCount = await db.collectionAsset.count({ where: { collectionId: collection.id, asset: { deletedAt: null } } });
  return { id: collection.id, assetCount };
}
