import NextAuth from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { emailProvider } from "@/lib/auth/email-provider";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";

// Database sessions, not JWTs: deleting a Session row (sign out everywhere, member removed) ends access at the
// next request. Password sign-in creates its Session row itself (lib/auth/sign-in-with-password.ts) because
// Auth.js's Credentials provider only works with JWT sessions.
export const { handlers, auth, signOut } = NextAuth(() => ({
  // The adapter's types name @prisma/client's PrismaClient; ours is the Prisma 7 generated client.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [emailProvider()],
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in?check-email=1", error: "/sign-in" },
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
}));
