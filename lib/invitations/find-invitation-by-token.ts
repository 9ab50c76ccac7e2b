import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "@/lib/invitations/invitation-token";

/** The pending invitation a link stands for. Used, revoked, expired and unknown links all read the same. */
export async function findInvitationByToken(options: { token: string; now?: Date }) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(options.token) },
    include: { team: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= (options.now ?? new Date())) {
    throw new AppError("not_found", "This invitation link is no longer valid. Ask for a new one.");
  }
  return invitation;
}
