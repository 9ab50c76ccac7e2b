import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { getTeamProjectOrThrow } from "@/lib/projects/get-team-project-or-throw";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

export async function removeProjectMember(options: { access: TeamAccess; projectId: string; userId: string }) {
  const { access, userId } = options;
  const project = await getTeamProjectOrThrow(options);
  return db.$transaction(async (tx) => {
    const { count } = await tx.projectMember.deleteMany({ where: { projectId: project.id, userId } });
    if (count === 0) throw new AppError("not_found", "That person is not named on this project.");
    await recordAuditEvent({ tx, action: "project.member_removed", teamId: access.teamId, ...actorOf(access), targetType: "project", targetId: project.id, metadata: { userId } });
  });
}
