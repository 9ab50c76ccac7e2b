import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

type NewUser = { email: string; name?: string | null; image?: string | null; emailVerified?: Date | null };

/**
 * The only way a magic link or single sign-on creates an account (Auth.js's adapter `createUser`, lib/auth/auth.ts):
 * by accepting the address's pending invitations in the same transaction. An account made any other way would outlive
 * a revoked invitation and could create teams of its own; this one is a member the inviting team can see and remove.
 * If every invitation was revoked, accepted or expired since the sign-in was allowed (lib/auth/authorize-sign-in.ts
 * checks first), nothing is created. The conditional updates make a concurrent revocation either win (no account) or
 * lose (already accepted).
 */
export async function createInvitedAccount(user: NewUser) {
  const email = user.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const now = new Date();
    const pending = { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
    const invitations = await tx.invitation.findMany({ where: pending, orderBy: { createdAt: "asc" } });
    const created = await tx.user.create({ data: { email, name: user.name ?? null, image: user.image ?? null, emailVerified: user.emailVerified ?? null } });
    let joined = 0;
    for (const invitation of invitations) {
      const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, ...pending }, data: { acceptedAt: now } });
      if (count === 0) continue;
      // One membership per team, even if the team invited the address twice.
      const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invitation.teamId, userId: created.id } } });
      if (!existing) await tx.membership.create({ data: { id: createId("membership"), teamId: invitation.teamId, userId: created.id, role: invitation.role } });
      await recordAuditEvent({ tx, action: "member.joined", teamId: invitation.teamId, actorUserId: created.id, targetType: "invitation", targetId: invitation.id, metadata: { role: existing?.role ?? invitation.role, alreadyMember: Boolean(existing) } });
      joined++;
    }
    // Throwing rolls the account back with everything else.
    if (joined === 0) throw new AppError("forbidden", "Only invited people can create an account here.");
    return created;
  });
}
