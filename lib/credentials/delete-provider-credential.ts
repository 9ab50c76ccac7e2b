import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import type { ProviderId } from "@/lib/kling/providers";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** Forgets the team's key; its generations fall back to the server's key (or the simulator). */
export async function deleteProviderCredential(options: { access: TeamAccess; provider: ProviderId }) {
  const { access, provider } = options;
  return db.$transaction(async (tx) => {
    const row = await tx.providerCredential.findUnique({ where: { teamId_provider: { teamId: access.teamId, provider } }, select: { id: true, last4: true } });
    if (!row) throw new AppError("not_found", "This team has no key saved for that provider.");
    await tx.providerCredential.delete({ where: { id: row.id } });
    await recordAuditEvent({ tx, action: "credential.deleted", teamId: access.teamId, ...actorOf(access), targetType: "credential", targetId: row.id, metadata: { provider, last4: row.last4 } });
  });
}
