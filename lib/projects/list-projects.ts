import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** The team's projects this caller may see: restricted ones only for owners, admins and named members. */
export async function listProjects(options: { access: TeamAccess; includeArchived?: boolean }) {
  const { access, includeArchived = false } = options;
  const seesAll = access.role === "owner" || access.role === "admin";
  const caller = access.caller;
  const keyScope = caller.kind === "apiKey" && caller.projectIds.length > 0 ? { id: { in: caller.projectIds } } : {};
  const restriction =
    seesAll || caller.kind === "apiKey"
      ? {}
      : { OR: [{ restricted: false }, { members: { some: { userId: caller.userId } } }] };
  return db.project.findMany({
    where: { teamId: access.teamId, ...(includeArchived ? {} : { archivedAt: null }), ...keyScope, ...restriction },
    orderBy: { name: "asc" },
  });
}
