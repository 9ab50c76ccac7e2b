import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { keyScopeAllows, restrictedProjectViewer } from "@/lib/projects/project-visibility";

/**
 * Of `projectIds`, the ones the caller may read: in the caller's team, inside an API key's scope, and — when
 * restricted — visible to the caller (lib/projects/project-visibility.ts). For ids that arrive inside request bodies
 * (reference asset ids, a re-run's stored inputs), where the URL's project check says nothing about them.
 */
export async function readableProjectIds(options: { access: TeamAccess; projectIds: string[] }): Promise<Set<string>> {
  const { access } = options;
  const wanted = [...new Set(options.projectIds)].filter((id) => keyScopeAllows(access.caller, id));
  if (wanted.length === 0) return new Set();
  const viewer = restrictedProjectViewer(access);
  const projects = await db.project.findMany({
    where: { id: { in: wanted }, teamId: access.teamId },
    select: { id: true, restricted: true, members: { where: { userId: viewer.userId ?? "" }, select: { userId: true } } },
  });
  return new Set(projects.filter((p) => !p.restricted || viewer.seesAll || p.members.length > 0).map((p) => p.id));
}
