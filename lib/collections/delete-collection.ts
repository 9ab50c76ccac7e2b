import { db } from "@/lib/db";
import type { Collection } from "@/lib/generated/prisma/client";

/** Deletes a collection and the ones inside it; the images stay in the project (only membership goes). */
export async function deleteCollection(options: { collection: Collection }) {
  await db.collection.delete({ where: { id: options.collection.id } });
  return { id: options.collection.id, deleted: true };
}
