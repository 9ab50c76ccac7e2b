import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { restrictedProjectViewer } from "@/lib/projects/project-visibility";

/**
 * The team's projects this caller may see: restricted ones only for owners, admins and named members (an API key
 * as its creator now: lib/projects/project-visibility.ts).
 */
export async function listProjects(options: { access: TeamAccess; includeArchived?: boolean }) {
  const { access, includeArchived = false } = options;
  const caller = access.caller;
  const viewer = restrictedProjectViewer(access);
  const keyScope = caller.kind === "apiKey" && caller.projectIds.length > 0 ? { id: { in: caller.projectIds } } : {};
  const restriction = viewer.seesAll
    ? {}
    : { OR: [{ restricted: false }, ...(viewer.userId ? [{ members: { some: { userId: viewer.userId } } }] : [])] };
  return db.project.findMany({
    where: { teamId: access.teamId, ...(includeArchived ? {} : { archivedAt: null }), ...keyScope, ...restriction },
    orderBy: { name: "asc" },
  });
}
