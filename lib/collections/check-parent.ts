import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A parent must be a top-level collection of the same project (nesting is one level deep), and a collection that has
 * children of its own can't be put inside another. Ids from the body are checked here, not trusted.
 */
export async function checkParent(tx: Tx, options: { projectId: string; parentId: string; collectionId?: string }) {
  const parent = await tx.collection.findUnique({ where: { id: options.parentId }, select: { projectId: true, parentId: true } });
  const fields = (message: string) => new AppError("validation_failed", message, { fields: { parentId: message } });
  if (!parent || parent.projectId !== options.projectId) throw fields("Not a collection of this project.");
  if (parent.parentId !== null) throw fields("Collections nest one level deep: pick a top-level collection.");
  if (options.collectionId) {
    if (options.collectionId === options.parentId) throw fields("A collection can't be inside itself.");
    const children = await tx.collection.count({ where: { parentId: options.collectionId } });
    if (children > 0) throw fields("This collection has collections inside it, so it stays top-level.");
  }
}
