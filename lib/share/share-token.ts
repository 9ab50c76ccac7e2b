import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// A share link's token is 32 random bytes (256 bits) in the URL; the database finds links by its sha256 only, so a
// leaked table can't be turned into working links by lookup. The studio still needs to copy a link again weeks
// later (people re-send links to clients; making a new link each time would split the view/download counts), so
// the token is also kept encrypted with the credentials key (lib/credentials/encryption.ts, AES-GCM): recovering it
// takes both the database and the deployment's key, and nothing ever authenticates against that copy.

export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Only well-formed tokens reach the database; anything else is treated as a missing link (same work, same answer). */
export function isShareTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function sharePath(token: string): string {
  return `/s/${token}`;
}

export function shareUrl(token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}${sharePath(token)}`;
}

// After the right password the browser holds this cookie, scoped to the link's own path. Its value can only be made
// by someone who knows the token and the stored argon2 hash (never sent anywhere), and changes if the password does.
export const UNLOCK_COOKIE = "share_unlock";

/** Scoped to the link's own pages and routes; Secure whenever the studio is served over HTTPS (APP_URL, not the proxied request). */
export function unlockCookieOptions(token: string) {
  return { path: sharePath(token), httpOnly: true, sameSite: "lax" as const, secure: new URL(env().APP_URL).protocol === "https:", maxAge: 30 * 24 * 3600 };
}

export function unlockCookieValue(token: string, passwordHash: string): string {
  return createHash("sha256").update(`${passwordHash}\u0000${token}`).digest("base64url");
}
