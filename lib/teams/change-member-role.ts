import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { lockTeamOwners } from "@/lib/teams/lock-team-owners";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/**
 * Changes a member's role. Granting or taking away the owner role is for owners only (an admin must not be able to
 * promote themselves past the people who can remove them), and the last owner can't be demoted.
 */
export async function changeMemberRole(options: { access: TeamAccess; userId: string; role: MemberRole }) {
  const { access, userId, role } = options;
  return db.$transaction(async (tx) => {
    const owners = await lockTeamOwners(tx, access.teamId);
    const target = await tx.membership.findUnique({ where: { teamId_userId: { teamId: access.teamId, userId } } });
    if (!target) throw new AppError("not_found", "That person is not a member of this team.");
    if (target.role === role) return target;
    if ((target.role === "owner" || role === "owner") && access.role !== "owner") {
      throw new AppError("forbidden", "Only an owner can grant or take away the owner role.");
    }
    if (target.role === "owner" && owners.length <= 1) {
      throw new AppError("conflict", "A team needs an owner. Make someone else an owner first.", {
        fields: { role: "This is the team's only owner." },
      });
    }
    const updated = await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAuditEvent({ tx, action: "member.role_changed", teamId: access.teamId, ...actorOf(access), targetType: "user", targetId: userId, metadata: { from: target.role, to: role } });
    return updated;
  });
}
