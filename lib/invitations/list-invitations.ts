import { db } from "@/lib/db";

/** Invitations that can still be accepted, newest first. */
export async function listInvitations(options: { teamId: string; now?: Date }) {
  return db.invitation.findMany({
    where: { teamId: options.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: options.now ?? new Date() } },
    orderBy: { createdAt: "desc" },
  });
}
