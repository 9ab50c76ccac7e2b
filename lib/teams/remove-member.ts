import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { endMembership } from "@/lib/teams/end-membership";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** Removes someone from the team. Only owners may remove an owner, and the last owner stays. */
export async function removeMember(options: { access: TeamAccess; userId: string }) {
  const { access, userId } = options;
  return db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId: access.teamId, userId } } });
    if (!target) throw new AppError("not_found", "That person is not a member of this team.");
    if (target.role === "owner" && access.role !== "owner") throw new AppError("forbidden", "Only an owner can remove an owner.");
    const ended = await endMembership(tx, { teamId: access.teamId, userId });
    await recordAuditEvent({ tx, action: "member.removed", teamId: access.teamId, ...actorOf(access), targetType: "user", targetId: userId, metadata: ended });
    return ended;
  });
}
