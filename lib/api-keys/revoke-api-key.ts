import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** Revokes a key; the next request carrying it gets a 401 (keys are looked up on every request). */
export async function revokeApiKey(options: { access: TeamAccess; apiKeyId: string }) {
  const { access, apiKeyId } = options;
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, teamId: access.teamId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "That API key is not active.");
    await recordAuditEvent({ tx, action: "apikey.revoked", teamId: access.teamId, ...actorOf(access), targetType: "apiKey", targetId: apiKeyId });
  });
}
