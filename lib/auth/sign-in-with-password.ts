import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit, peekRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";

// After this many failures for one email within the window, sign-in is refused until the window ends. The same
// counter and the same message apply to unknown emails, so the response never reveals whether an account exists.
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
// Per client address, so one client can't try a few passwords against each of many emails. Only failures count:
// a whole office behind one NAT signing in is fine.
export const SIGN_IN_MAX_FAILURES_PER_IP = 30;

const INVALID = "That email and password don't match an account.";

export async function signInWithPassword(options: { email: string; password: string; ip?: string | null }) {
  const email = options.email.trim().toLowerCase();
  const window = { windowSeconds: SIGN_IN_WINDOW_SECONDS };
  const limits = [{ key: `signin:${email}`, limit: SIGN_IN_MAX_FAILURES, ...window }];
  if (options.ip) limits.push({ key: `signin:ip:${options.ip}`, limit: SIGN_IN_MAX_FAILURES_PER_IP, ...window });

  for (const limit of limits) {
    const lock = await peekRateLimit(limit);
    if (lock.blocked) throw locked(lock.retryAfterSeconds);
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);
  if (!user?.passwordHash || !valid) {
    await recordAuditEvent({
      action: "auth.sign_in_failed",
      actorUserId: user?.id ?? null,
      metadata: { method: "password", reason: "invalid_credentials", email },
      ip: options.ip ?? null,
    });
    let retryAfterSeconds = 0;
    for (const limit of limits) {
      const after = await consumeRateLimit(limit);
      if (!after.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, after.retryAfterSeconds);
    }
    if (retryAfterSeconds > 0) throw locked(retryAfterSeconds);
    throw new AppError("unauthorized", INVALID);
  }

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
