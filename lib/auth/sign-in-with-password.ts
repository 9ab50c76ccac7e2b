import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { releaseSignInAttempt, reserveSignInAttempt, signInThrottles } from "@/lib/auth/sign-in-throttle";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";

const INVALID = "That email and password don't match an account.";

/**
 * Password sign-in. The attempt is counted against its throttles (lib/auth/sign-in-throttle.ts) before anything else;
 * a throttled attempt is answered 429 with Retry-After without looking the email up, and every other answer takes
 * one argon2 verification, so neither the answer nor its timing tells whether an account exists.
 */
export async function signInWithPassword(options: { email: string; password: string; ip?: string | null; now?: Date }) {
  const email = options.email.trim().toLowerCase();
  const throttles = signInThrottles(email, options.ip ?? null);
  const wait = await reserveSignInAttempt(throttles, options.now);
  if (wait > 0) throw locked(wait);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);
  if (!user?.passwordHash || !valid) {
    await recordAuditEvent({
      action: "auth.sign_in_failed",
      actorUserId: user?.id ?? null,
      metadata: { method: "password", reason: "invalid_credentials", email },
      ip: options.ip ?? null,
    });
    throw new AppError("unauthorized", INVALID);
  }
  await releaseSignInAttempt(throttles, options.now);

  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  await recordAuditEvent({ action: "auth.sign_in", actorUserId: user.id, metadata: { method: "password" }, ip: options.ip ?? null });
  return { userId: user.id, sessionToken, expires };
}

function locked(retryAfterSeconds: number) {
  return new AppError("rate_limited", "Too many attempts. Try again later.", {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
