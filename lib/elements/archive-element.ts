import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { getElementOrThrow } from "@/lib/elements/get-element-or-throw";

/**
 * Archives (or restores) an element: it leaves the library and new generations refuse it, while generations made
 * with it keep their versions. Nothing is deleted, so a restore brings it back exactly as it was.
 */
export async function archiveElement(options: { access: TeamAccess; elementId: string; archived: boolean }) {
  const element = await getElementOrThrow(options);
  return db.element.update({ where: { id: element.id }, data: { archivedAt: options.archived ? (element.archivedAt ?? new Date()) : null } });
}
