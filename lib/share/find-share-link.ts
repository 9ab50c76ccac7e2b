import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ShareLink } from "@/lib/generated/prisma/client";
import { hashShareToken, isShareTokenShape, unlockCookieValue } from "@/lib/share/share-token";

// Unknown, malformed, revoked and expired links, and a link whose project or team is gone, all answer this one error:
// nothing tells a visitor which of them it was.
export const SHARE_NOT_FOUND_MESSAGE = "This link doesn't exist or is no longer shared.";
export const shareNotFound = () => new AppError("not_found", SHARE_NOT_FOUND_MESSAGE);

/** The live link a token stands for, or null (never an error, so callers can do equal work for both). */
export async function findLiveShareLink(options: { token: string; now?: Date }): Promise<ShareLink | null> {
  // A malformed token still does the lookup (its hash matches nothing: stored hashes are of well-formed tokens only),
  // so it costs what a well-formed missing one does — the same database round trip on every refusal.
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(options.token) } });
  const now = options.now ?? new Date();
  if (!isShareTokenShape(options.token) || !link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
  return link;
}

/**
 * The link, for a request that already passed the password: a protected link also needs the unlock cookie
 * (lib/share/share-token.ts) — without it the answer is the same 404 as a missing link.
 */
export async function requireOpenShareLink(options: { token: string; unlock: string | undefined }): Promise<ShareLink> {
  const link = await findLiveShareLink({ token: options.token });
  if (!link) throw shareNotFound();
  if (link.passwordHash && options.unlock !== unlockCookieValue(options.token, link.passwordHash)) throw shareNotFound();
  return link;
}
