import { createHash } from "node:crypto";
import { pgPool } from "@/lib/db-pool";
import { AppError } from "@/lib/errors";
import type { ApiKeyAccess } from "@/lib/generated/prisma/enums";
import type { Caller } from "@/lib/http/caller";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

// Runs on every API request, so it is one raw round trip (lib/db-pool.ts): the lookup, and — at most once a minute,
// so a busy key doesn't turn every read into a write — the lastUsedAt stamp, in the same statement.
const LOOKUP_AND_TOUCH = {
  name: "api-key-authenticate",
  text: `WITH k AS (
           SELECT id, "teamId", access::text AS access, "projectIds", "createdById",
                  ("revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > $2::timestamp)) AS usable,
                  ("lastUsedAt" IS NULL OR "lastUsedAt" < $3::timestamp) AS "touchDue"
             FROM "ApiKey" WHERE "hashedKey" = $1),
         touched AS (UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamp, "updatedAt" = $2::timestamp WHERE id = (SELECT id FROM k WHERE usable AND "touchDue"))
         SELECT id, "teamId", access, "projectIds", "createdById", usable FROM k`,
};

type KeyRow = { id: string; teamId: string; access: ApiKeyAccess; projectIds: string[]; createdById: string | null; usable: boolean };

/** Resolves `Authorization: Bearer <key>` to a caller. A wrong, revoked or expired key is a 401, never a fallback. */
export async function authenticateApiKey(key: string): Promise<Extract<Caller, { kind: "apiKey" }>> {
  const now = new Date();
  const { rows } = await pgPool().query<KeyRow>({
    ...LOOKUP_AND_TOUCH,
    values: [hashApiKey(key), now.toISOString(), new Date(now.getTime() - 60_000).toISOString()],
  });
  const row = rows[0];
  if (!row?.usable) throw new AppError("unauthorized", "That API key is not valid.");
  return { kind: "apiKey", keyId: row.id, teamId: row.teamId, access: row.access, projectIds: row.projectIds, createdById: row.createdById };
}
