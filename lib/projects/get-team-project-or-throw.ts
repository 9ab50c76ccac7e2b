import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/**
 * A project of the team the caller's access was resolved for. Used by the management routes, which already
 * required project.manage (owners and admins see restricted projects anyway); another team's id is a 404.
 */
export async function getTeamProjectOrThrow(options: { access: TeamAccess; projectId: string }) {
  const project = await db.project.findFirst({ where: { id: options.projectId, teamId: options.access.teamId } });
  if (!project) throw new AppError("not_found", "Project not found.");
  const caller = options.access.caller;
  if (caller.kind === "apiKey" && caller.projectIds.length > 0 && !caller.projectIds.includes(project.id)) {
    throw new AppError("not_found", "Project not found.");
  }
  return project;
}
