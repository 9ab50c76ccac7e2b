import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { getTeamProjectOrThrow } from "@/lib/projects/get-team-project-or-throw";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** Names a team member on a project. Only members of the project's team can be named. */
export async function addProjectMember(options: { access: TeamAccess; projectId: string; userId: string }) {
  const { access, userId } = options;
  const project = await getTeamProjectOrThrow(options);
  const member = await db.membership.findUnique({ where: { teamId_userId: { teamId: access.teamId, userId } } });
  if (!member) throw new AppError("validation_failed", "Only members of this team can be added.", { fields: { userId: "Choose a member of this team." } });
  return db.$transaction(async (tx) => {
    const existing = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId: project.id, userId } } });
    if (existing) return existing;
    const row = await tx.projectMember.create({ data: { projectId: project.id, userId } });
    await recordAuditEvent({ tx, action: "project.member_added", teamId: access.teamId, ...actorOf(access), targetType: "project", targetId: project.id, metadata: { userId } });
    return row;
  });
}
