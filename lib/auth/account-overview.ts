import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** What the account page shows: how this person can sign in, and where they are signed in (never the tokens). */
export async function accountOverview(options: { userId: string; currentSessionToken?: string }) {
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: {
      name: true,
      email: true,
      passwordHash: true,
      accounts: { select: { provider: true } },
      sessions: {
        where: { expires: { gt: new Date() } },
        select: { sessionToken: true, createdAt: true, expires: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return {
    name: user.name,
    email: user.email,
    hasPassword: Boolean(user.passwordHash),
    ssoLinked: user.accounts.some((a) => a.provider === "oidc"),
    sessions: user.sessions.map((s) => ({
      createdAt: s.createdAt,
      expires: s.expires,
      current: s.sessionToken === options.currentSessionToken,
    })),
  };
}
