import NextAuth from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { env, publishAuthUrl } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { emailProvider } from "@/lib/auth/email-provider";
import { oidcProvider } from "@/lib/auth/oidc-provider";
import { authorizeSignIn } from "@/lib/auth/authorize-sign-in";
import { redirectToApp } from "@/lib/auth/redirect-to-app";
import { requestIp } from "@/lib/auth/client-ip";
import { createInvitedAccount } from "@/lib/invitations/create-invited-account";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "@/lib/auth/session-cookie";

// Database sessions, not JWTs: deleting a Session row (sign out everywhere, member removed) ends access at the
// next request. Password sign-in creates its Session row itself (lib/auth/sign-in-with-password.ts) because
// Auth.js's Credentials provider only works with JWT sessions.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  publishAuthUrl();
  const oidc = oidcProvider();
  return {
    // The adapter's types name @prisma/client's PrismaClient; ours is the Prisma 7 generated client. Accounts are
    // created only by accepting an invitation (lib/invitations/create-invited-account.ts), never bare.
    adapter: { ...PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]), createUser: createInvitedAccount },
    secret: env().AUTH_SECRET,
    trustHost: true,
    // Decided by APP_URL, like lib/auth/session-cookie.ts, rather than by each request's protocol: behind a TLS
    // proxy that forgets X-Forwarded-Proto the two would otherwise disagree on the cookie's name.
    useSecureCookies: sessionCookie().options.secure,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: oidc ? [emailProvider(), oidc] : [emailProvider()],
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in?check-email=1", error: "/sign-in" },
    callbacks: {
      signIn: authorizeSignIn,
      redirect: redirectToApp,
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        await recordAuditEvent({
          action: "auth.sign_in",
          actorUserId: user.id ?? null,
          metadata: { method: account?.type === "oidc" ? "oidc" : "email", newUser: Boolean(isNewUser) },
          ip: await requestIp(),
        });
      },
    },
  };
});
