import { AppError } from "@/lib/errors";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { findLiveShareLink } from "@/lib/share/find-share-link";
import { hashShareToken, unlockCookieValue } from "@/lib/share/share-token";

// Ten tries per link per ten minutes: enough for a client who mistypes, far too few to guess a password.
export const UNLOCK_LIMIT = 10;
export const UNLOCK_WINDOW_SECONDS = 600;
// One sentence for a wrong password and for a link that doesn't exist (or no longer does).
export const UNLOCK_REFUSED = "That password doesn't open this link, or the link is no longer shared.";

/**
 * Checks a share link's password and answers the cookie value that opens it. A missing, revoked, expired or malformed
 * link and a wrong password are the same 404 after the same work — the rate-limit upsert, the lookup and one argon2
 * verify (against a fixed dummy hash with the same parameters when there is no link or no password; never hashed on
 * first use) — so neither the answer nor its timing tells a visitor that a token exists. Measured by
 * `npm run bench -- share-unlock` (BENCHMARKS.md) and held by tests/integration/share/share-links.test.ts.
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
  const hash = link?.passwordHash ?? DUMMY_PASSWORD_HASH;
  const matches = await verifyPassword(hash, password.slice(0, 200));
  if (!link || (link.passwordHash && !matches)) throw new AppError("not_found", UNLOCK_REFUSED);
  return { cookie: link.passwordHash ? unlockCookieValue(token, link.passwordHash) : null };
}
