import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/http/caller";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

/** A collection the caller may act on: access follows its project (team, role, restricted naming, key scope); else 404. */
export async function getCollectionOrThrow(options: { caller: Caller; collectionId: string; permission: Permission }) {
  const collection = await db.collection.findUnique({ where: { id: options.collectionId } });
  const notFound = () => new AppError("not_found", "Collection not found.");
  if (!collection?.projectId) throw notFound();
  const { project, access } = await getProjectOrThrow({ caller: options.caller, projectId: collection.projectId, permission: options.permission }).catch(
    (error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? notFound() : error;
    },
  );
  return { collection, project, access };
}
