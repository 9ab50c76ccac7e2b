import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { capScope, type RemoveSpendCapInput } from "@/lib/spend/spend-cap-schemas";
import { teamSpendLockKey } from "@/lib/spend/check-budgets";

/** Removes the team's monthly limit or a member's cap; removing one that isn't set is not an error. */
export async function removeSpendCap(options: { access: TeamAccess; input: RemoveSpendCapInput }) {
  const { access, input } = options;
  const scope = capScope(input);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${teamSpendLockKey(access.teamId)}))`;
    const { count } = await tx.spendCap.deleteMany({ where: { teamId: access.teamId, scope } });
    if (count === 0) return;
    await recordAuditEvent({
      tx,
      action: "spend_cap.removed",
      teamId: access.teamId,
      actorUserId: access.caller.kind === "user" ? access.caller.userId : null,
      actorKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
      targetType: input.userId ? "user" : "team",
      targetId: input.userId ?? access.teamId,
      metadata: { scope, projectId: input.projectId },
    });
  });
}
