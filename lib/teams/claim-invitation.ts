import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashInvitationToken } from "@/lib/teams/invitation-token";

/**
 * Marks the invitation used and adds the member, inside the caller's transaction. The conditional update is what
 * makes a link single-use even when it is opened twice at once. Someone already in the team keeps their role.
 */
export async function claimInvitation(tx: Tx, options: { token: string; userId: string; email: string }) {
  const now = new Date();
  const tokenHash = hashInvitationToken(options.token);
  const invitation = await tx.invitation.findUnique({ where: { tokenHash } });
  const usable = invitation && !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > now;
  if (!usable) throw new AppError("not_found", "This invitation link is no longer valid. Ask for a new one.");
  if (invitation.email !== options.email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count === 0) throw new AppError("not_found", "This invitation link is no longer valid. Ask for a new one.");
  const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invitation.teamId, userId: options.userId } } });
  if (!existing) {
    await tx.membership.create({ data: { id: createId("membership"), teamId: invitation.teamId, userId: options.userId, role: invitation.role } });
  }
  await recordAuditEvent({ tx, action: "member.joined", teamId: invitation.teamId, actorUserId: options.userId, targetType: "invitation", targetId: invitation.id, metadata: { role: existing?.role ?? invitation.role, alreadyMember: Boolean(existing) } });
  return { teamId: invitation.teamId };
}
