import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";
import { alreadyAccepted, claimInvitation, usableInvitation } from "@/lib/invitations/claim-invitation";
import { hashInvitationToken } from "@/lib/invitations/invitation-token";
import type { z } from "zod";
import type { acceptAsNewUserInput } from "@/lib/teams/team-schemas";

// The same link submitted several times at once queues on the unique email behind the first transaction; Prisma's
// defaults (2 s to get a connection, 5 s to finish) would turn that wait into a 500 instead of the loser's 409.
const RACE_TOLERANT = { maxWait: 15_000, timeout: 15_000 };

/**
 * Someone without an account accepts: the account is created for the invited address (the emailed link proves they
 * read that inbox, so it counts as verified), they join the team and get a database session, as password sign-in
 * gives them (lib/auth/sign-in-with-password.ts). The caller sets the session cookie.
 */
export async function acceptInvitationAsNewUser(options: { token: string; input: z.infer<typeof acceptAsNewUserInput> }) {
  const { token, input } = options;
  const invitation = usableInvitation(await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } }), new Date());
  const taken = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (taken) throw new AppError("conflict", "An account with this email already exists. Sign in to accept the invitation.");
  const passwordHash = await hashPassword(input.password);
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const result = await db
    .$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash, emailVerified: new Date() } });
      const claimed = await claimInvitation(tx, { token, userId: user.id, email: user.email });
      await tx.session.create({ data: { sessionToken, userId: user.id, expires } });
      return { userId: user.id, teamId: claimed.teamId };
    }, RACE_TOLERANT)
    .catch((error: unknown) => {
      // The same link submitted twice at once: both passed the check above, the unique email lets one account in.
      if ((error as { code?: unknown }).code === "P2002") throw alreadyAccepted();
      throw error;
    });
  return { ...result, sessionToken, expires };
}

