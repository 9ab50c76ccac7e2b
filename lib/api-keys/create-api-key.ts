import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { hashApiKey } from "@/lib/api-keys/authenticate-api-key";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateApiKeyInput } from "@/lib/api-keys/api-key-schemas";

// `as_` marks our keys in logs and secret scanners; 32 random bytes make guessing pointless.
const KEY_PREFIX = "as_";
export const API_KEY_VISIBLE_CHARS = 8;

/** Creates a key and returns it in full exactly once; only its sha256 and first 8 characters are kept. */
export async function createApiKey(options: { access: TeamAccess; input: CreateApiKeyInput }) {
  const { access, input } = options;
  const projectIds = [...new Set(input.projectIds)];
  if (projectIds.length > 0) {
    const found = await db.project.count({ where: { id: { in: projectIds }, teamId: access.teamId } });
    if (found !== projectIds.length) {
      throw new AppError("validation_failed", "Some projects are not in this team.", { fields: { projectIds: "Choose projects of this team." } });
    }
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        id: createId("apiKey"),
        teamId: access.teamId,
        name: input.name,
        prefix: key.slice(0, API_KEY_VISIBLE_CHARS),
        hashedKey: hashApiKey(key),
        access: input.access,
        projectIds,
        scopes: [...new Set(input.scopes ?? [])],
        createdById: access.actorUserId,
      },
    });
    await recordAuditEvent({ tx, action: "apikey.created", teamId: access.teamId, ...actorOf(access), targetType: "apiKey", targetId: created.id, metadata: { name: input.name, access: input.access, projectIds, scopes: input.scopes ?? [] } });
    return created;
  });
  return { apiKey: row, key };
}
