import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/http/caller";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Resolves `Authorization: Bearer <key>` to a caller. A wrong, revoked or expired key is a 401, never a fallback. */
export async function authenticateApiKey(key: string): Promise<Extract<Caller, { kind: "apiKey" }>> {
  const row = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(key) },
    // Only what a caller needs: this runs on every API request.
    select: { id: true, teamId: true, access: true, projectIds: true, createdById: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new AppError("unauthorized", "That API key is not valid.");
  }
  // Written at most once a minute so a busy key doesn't turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "apiKey",
    keyId: row.id,
    teamId: row.teamId,
    access: row.access,
    projectIds: row.projectIds,
    createdById: row.createdById,
  };
}
