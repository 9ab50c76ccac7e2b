import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import type { ProviderId } from "@/lib/kling/providers";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** The provider a generation uses when its request names none; null lets the studio choose. */
export async function setDefaultProvider(options: { access: TeamAccess; provider: ProviderId | null }) {
  const { access, provider } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: access.teamId }, select: { defaultProvider: true } });
    const team = await tx.team.update({ where: { id: access.teamId }, data: { defaultProvider: provider } });
    await recordAuditEvent({ tx, action: "team.default_provider_changed", teamId: access.teamId, ...actorOf(access), targetType: "team", targetId: access.teamId, metadata: { from: before.defaultProvider, to: provider } });
    return team;
  });
}
