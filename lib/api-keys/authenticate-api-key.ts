import { createHash } from "node:crypto";
import { pgPool } from "@/lib/db-pool";
import { AppError } from "@/lib/errors";
import type { ApiKeyAccess, MemberRole } from "@/lib/generated/prisma/enums";
import type { Caller } from "@/lib/http/caller";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

// Runs on every API request, so it is one raw round trip (lib/db-pool.ts): the lookup, and — at most once a minute,
// so a busy key doesn't turn every read into a write — the lastUsedAt stamp, in the same statement.
//
// A key may never do more than its creator can do now, so the creator's current membership is read in the same
// statement (an indexed join, no extra round trip) rather than keys being revoked or downgraded when a role changes:
// a check on every use cannot be skipped by a code path that changes a role and forgets the keys, has no window
// between the change and the revocation, and gives a re-promoted creator their keys back as they were. A creator who
// is no longer a member makes the key unusable (401); their role caps the key's (resolveTeamAccess), and restricted
// projects are checked against the creator's naming (getProjectOrThrow), as for their own session.
const LOOKUP_AND_TOUCH = {
  name: "api-key-authenticate",
  text: `WITH k AS (
           SELECT a.id, a."teamId", a.access::text AS access, a."projectIds", a.scopes, a."createdById", m.role::text AS "creatorRole",
                  (a."revokedAt" IS NULL AND (a."expiresAt" IS NULL OR a."expiresAt" > $2::timestamp) AND m.role IS NOT NULL) AS usable,
                  (a."lastUsedAt" IS NULL OR a."lastUsedAt" < $3::timestamp) AS "touchDue"
             FROM "ApiKey" a
             LEFT JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = a."createdById"
            WHERE a."hashedKey" = $1),
         touched AS (UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamp, "updatedAt" = $2::timestamp WHERE id = (SELECT id FROM k WHERE usable AND "touchDue"))
         SELECT id, "teamId", access, "projectIds", scopes, "createdById", "creatorRole", usable FROM k`,
};

type KeyRow = {
  id: string;
  teamId: string;
  access: ApiKeyAccess;
  projectIds: string[];
  scopes: string[];
  createdById: string | null;
  creatorRole: MemberRole | null;
  usable: boolean;
};

/** Resolves `Authorization: Bearer <key>` to a caller. A wrong, revoked or expired key is a 401, never a fallback. */
export async function authenticateApiKey(key: string): Promise<Extract<Caller, { kind: "apiKey" }>> {
  const now = new Date();
  const { rows } = await pgPool().query<KeyRow>({
    ...LOOKUP_AND_TOUCH,
    values: [hashApiKey(key), now.toISOString(), new Date(now.getTime() - 60_000).toISOString()],
  });
  const row = rows[0];
  if (!row?.usable || !row.creatorRole) throw new AppError("unauthorized", "That API key is not valid.");
  return {
    kind: "apiKey",
    keyId: row.id,
    teamId: row.teamId,
    access: row.access,
    projectIds: row.projectIds,
    scopes: row.scopes,
    createdById: row.createdById,
    creatorRole: row.creatorRole,
  };
}
