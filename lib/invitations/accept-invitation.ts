import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { claimInvitation } from "@/lib/invitations/claim-invitation";

/** A signed-in person accepts an invitation sent to their own email address. */
export async function acceptInvitation(options: { token: string; userId: string }) {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { email: true } });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return db.$transaction((tx) => claimInvitation(tx, { token: options.token, userId: options.userId, email: user.email }));
}
