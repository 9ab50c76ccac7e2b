import { db } from "@/lib/db";

/**
 * Magic links and SSO never open the studio to strangers: only people who already have an account, or who hold a
 * pending invitation, get in. An invitation is pending until it is accepted, revoked or expired.
 */
export async function maySignIn(options: { email: string; now?: Date }): Promise<boolean> {
  const email = options.email.trim().toLowerCase();
  if (!email) return false;
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (user) return true;
  const invitation = await db.invitation.findFirst({
    where: {
      // Invitations store the address lowercased. Exact match on purpose: Prisma's case-insensitive `equals` is an
      // unescaped ILIKE, where "%@example.com" would match anyone's invitation.
      email,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: options.now ?? new Date() },
    },
    select: { id: true },
  });
  return Boolean(invitation);
}
