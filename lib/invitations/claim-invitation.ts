import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashInvitationToken } from "@/lib/invitations/invitation-token";

/**
 * Marks the invitation used and adds the member, inside the caller's transaction. The conditional update is what
 * makes a link single-use even when it is opened twice at once (the losers get a 409). Someone already in the team
 * keeps their role.
 */
export async function claimInvitation(tx: Tx, options: { token: string; userId: string; email: string }) {
  const now = new Date();
  const tokenHash = hashInvitationToken(options.token);
  const invitation = usableInvitation(await tx.invitation.findUnique({ where: { tokenHash } }), now);
  if (invitation.email !== options.email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  // Usable a moment ago: another request (the same link opened twice at once) or a revocation got there first.
  if (count === 0) throw alreadyAccepted();
  const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invitation.teamId, userId: options.userId } } });
  if (!existing) {
    await tx.membership.create({ data: { id: createId("membership"), teamId: invitation.teamId, userId: options.userId, role: invitation.role } });
  }
  await recordAuditEvent({ tx, action: "member.joined", teamId: invitation.teamId, actorUserId: options.userId, targetType: "invitation", targetId: invitation.id, metadata: { role: existing?.role ?? invitation.role, alreadyMember: Boolean(existing) } });
  return { teamId: invitation.teamId };
}

type InvitationRow = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

/**
 * The invitation if it can still be accepted. One already accepted is a 409 (the same link submitted twice, or
 * twice at once: the holder learns only what they did); revoked, expired and unknown links all read as not found.
 */
export function usableInvitation<T extends InvitationRow>(invitation: T | null, now: Date): T {
  if (invitation?.acceptedAt && !invitation.revokedAt) throw alreadyAccepted();
  if (!invitation || invitation.revokedAt || invitation.expiresAt <= now) {
    throw new AppError("not_found", "This invitation link is no longer valid. Ask for a new one.");
  }
  return invitation;
}

export function alreadyAccepted() {
  return new AppError("conflict", "This invitation has already been accepted. Sign in to continue.");
}
