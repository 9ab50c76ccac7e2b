import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { SetBudgetInput } from "@/lib/spend/budget-schemas";
import { spendLockKey } from "@/lib/spend/check-budgets";

/** Sets a project's soft (alert) and hard (refuse) limits for a period; audited with the old and new values. */
export async function setBudget(options: { access: TeamAccess; projectId: string; input: SetBudgetInput }) {
  const { access, projectId, input } = options;
  return db.$transaction(async (tx) => {
    // Same lock as reservations, so a change of limits never interleaves with a reservation's check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${spendLockKey(projectId)}))`;
    const before = await tx.budget.findUnique({ where: { projectId_period: { projectId, period: input.period } } });
    const data = {
      softLimitMicros: input.softLimitMicros === null ? null : BigInt(input.softLimitMicros),
      hardLimitMicros: input.hardLimitMicros === null ? null : BigInt(input.hardLimitMicros),
    };
    const budget = await tx.budget.upsert({
      where: { projectId_period: { projectId, period: input.period } },
      create: { id: createId("budget"), projectId, period: input.period, ...data },
      update: data,
    });
    await recordAuditEvent({
      tx,
      action: "budget.changed",
      teamId: access.teamId,
      actorUserId: access.caller.kind === "user" ? access.caller.userId : null,
      actorKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
      targetType: "project",
      targetId: projectId,
      metadata: {
        period: input.period,
        before: before ? { soft: before.softLimitMicros?.toString() ?? null, hard: before.hardLimitMicros?.toString() ?? null } : null,
        after: { soft: input.softLimitMicros, hard: input.hardLimitMicros },
      },
    });
    return budget;
  });
}
