import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit, peekRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";

// After this many failures for one email within the window, sign-in is refused until the window ends. The same
// counter and the same message apply to unknown emails, so the response never reveals whether an account exists.
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const INVALID = "That email and password don't match an account.";

export async function signInWithPassword(options: { email: string; password: string }) {
  const email = options.email.trim().toLowerCase();
  const key = `signin:${email}`;
  const limits = { key, limit: SIGN_IN_MAX_FAILURES, windowSeconds: SIGN_IN_WINDOW_SECONDS };

  const lock = await peekRateLimit(limits);
  if (lock.blocked) throw locked(lock.retryAfterSeconds);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);
  if (!user?.passwordHash || !valid) {
    const after = await consumeRateLimit(limits);
    if (!after.allowed) throw locked(after.retryAfterSeconds);
    throw new AppError("unauthorized", INVALID);
  }

  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { userId: user.id, sessionToken, expires };
}

function locked(retryAfterSeconds: number) {
  return new AppError("rate_limited", "Too many attempts. Try again later.", {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
