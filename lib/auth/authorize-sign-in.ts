import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { maySignIn } from "@/lib/auth/may-sign-in";
import { requestIp } from "@/lib/auth/client-ip";

// Where a refused magic-link request lands: the same "check your email" page as an accepted one, and no email is
// sent, so the answer never tells whether an address has an account.
export const CHECK_EMAIL_PATH = "/sign-in?check-email=1";

type Attempt = {
  user: { id?: string; email?: string | null };
  account?: { provider: string; type: string; providerAccountId: string } | null;
  profile?: { email_verified?: unknown } | null;
  email?: { verificationRequest?: boolean };
};

/** Auth.js signIn callback: true lets the sign-in proceed, false refuses it, a path redirects silently. */
export async function authorizeSignIn({ user, account, profile, email }: Attempt): Promise<boolean | string> {
  const address = user.email?.toLowerCase() ?? "";
  if (account?.type === "email") {
    const allowed = await maySignIn({ email: address });
    if (email?.verificationRequest) return allowed || CHECK_EMAIL_PATH;
    // The link was valid, but the invitation behind it was revoked or expired since it was sent.
    if (!allowed) await refuse({ method: "email", reason: "not_invited", email: address });
    return allowed;
  }
  if (account?.type === "oidc") {
    const where = { provider: account.provider, providerAccountId: account.providerAccountId };
    const linked = await db.account.findUnique({ where: { provider_providerAccountId: where }, select: { userId: true } });
    if (linked) return true;
    // Linking by email is only as good as the provider's proof that the person owns that address.
    if (profile?.email_verified !== true || !address) {
      await refuse({ method: "oidc", reason: "email_not_verified", email: address });
      return false;
    }
    if (await maySignIn({ email: address })) return true;
    await refuse({ method: "oidc", reason: "not_invited", email: address });
    return false;
  }
  return false;
}

async function refuse(metadata: { method: string; reason: string; email: string }) {
  const user = metadata.email
    ? await db.user.findUnique({ where: { email: metadata.email }, select: { id: true } })
    : null;
  await recordAuditEvent({ action: "auth.sign_in_failed", actorUserId: user?.id ?? null, metadata, ip: await requestIp() });
}
