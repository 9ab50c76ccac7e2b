import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockTeamOwners } from "@/lib/teams/lock-team-owners";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** Hands the team to another member: they become an owner and the caller steps down to admin, in one transaction. */
export async function transferOwnership(options: { access: TeamAccess; userId: string }) {
  const { access, userId } = options;
  if (access.caller.kind !== "user" || access.role !== "owner") throw new AppError("forbidden", "Only an owner can transfer ownership.");
  const fromUserId = access.caller.userId;
  if (userId === fromUserId) throw new AppError("validation_failed", "You already own this team.", { fields: { userId: "Choose someone else." } });
  return db.$transaction(async (tx) => {
    await lockTeamOwners(tx, access.teamId);
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId: access.teamId, userId } } });
    if (!target) throw new AppError("validation_failed", "The new owner must be a member of the team.", { fields: { userId: "Choose a member of this team." } });
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.membership.update({ where: { teamId_userId: { teamId: access.teamId, userId: fromUserId } }, data: { role: "admin" } });
    await recordAuditEvent({ tx, action: "team.ownership_transferred", teamId: access.teamId, actorUserId: fromUserId, targetType: "user", targetId: userId, metadata: { previousRole: target.role } });
  });
}
