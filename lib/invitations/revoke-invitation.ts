import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

export async function revokeInvitation(options: { access: TeamAccess; invitationId: string }) {
  const { access, invitationId } = options;
  return db.$transaction(async (tx) => {
    // Conditional update: an invitation accepted a moment ago stays accepted.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, teamId: access.teamId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "That invitation is not pending.");
    await recordAuditEvent({ tx, action: "invitation.revoked", teamId: access.teamId, ...actorOf(access), targetType: "invitation", targetId: invitationId });
  });
}
