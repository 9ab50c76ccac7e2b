import { AppError } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { findLiveShareLink } from "@/lib/share/find-share-link";
import { hashShareToken, unlockCookieValue } from "@/lib/share/share-token";

// Ten tries per link per ten minutes: enough for a client who mistypes, far too few to guess a password.
export const UNLOCK_LIMIT = 10;
export const UNLOCK_WINDOW_SECONDS = 600;
// One sentence for a wrong password and for a link that doesn't exist (or no longer does).
export const UNLOCK_REFUSED = "That password doesn't open this link, or the link is no longer shared.";

/**
 * Checks a share link's password and answers the cookie value that opens it. A missing, revoked or expired link and a
 * wrong password are the same 404 after the same work — the rate-limit upsert, the lookup and one argon2 verify
 * (against a dummy hash when there is no link or no password) — so neither the answer nor its timing tells a visitor
 * that a token exists (tests/integration/share/share-links.test.ts measures it).
 */
export async function unlockShareLink(options: { token: string; password: string }): Promise<{ cookie: string | null }> {
  const { token, password } = options;
  // Keyed by the token's hash: a guessed token costs the guesser the same as a real one.
  const limit = await consumeRateLimit({ key: `share-unlock:${hashShareToken(token)}`, limit: UNLOCK_LIMIT, windowSeconds: UNLOCK_WINDOW_SECONDS });
  if (!limit.allowed) {
    throw new AppError("rate_limited", `Too many attempts. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`, {
      headers: { "retry-after": String(limit.retryAfterSeconds) },
    });
  }
  const link = await findLiveShareLink({ token });
  const hash = link?.passwordHash ?? (await dummyPasswordHash());
  const matches = await verifyPassword(hash, password.slice(0, 200));
  if (!link || (link.passwordHash && !matches)) throw new AppError("not_found", UNLOCK_REFUSED);
  return { cookie: link.passwordHash ? unlockCookieValue(token, link.passwordHash) : null };
}
