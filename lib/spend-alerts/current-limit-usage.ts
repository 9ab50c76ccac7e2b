import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type AlertedLimit = { limitId: string; limitKind: string; periodStart: Date };
export type LimitUsage = { limitMicros: bigint; spentMicros: bigint };

/**
 * Each alerted limit as it stands now: its current value (a budget or cap may have been raised, lowered or removed
 * since the alert) and what the ledger says was spent against it this period, open reservations included, as the
 * submit check counts it (lib/spend/check-budgets.ts). A limit that no longer exists is absent from the answer. The
 * banner shows an alert only while this still reaches its threshold, so raising a limit clears it at once.
 */
export async function currentLimitUsage(options: { teamId: string; limits: AlertedLimit[] }): Promise<Map<string, LimitUsage>> {
  const distinct = [...new Map(options.limits.map((l) => [l.limitId, l])).values()];
  const ids = distinct.map((l) => l.limitId.replace(/:soft$/, ""));
  const [budgets, caps] = await Promise.all([
    db.budget.findMany({ where: { id: { in: ids }, project: { teamId: options.teamId } } }),
    db.spendCap.findMany({ where: { id: { in: ids }, teamId: options.teamId } }),
  ]);
  const budget = new Map(budgets.map((b) => [b.id, b]));
  const cap = new Map(caps.map((c) => [c.id, c]));
  const usage = new Map<string, LimitUsage>();
  await Promise.all(
    distinct.map(async (l) => {
      const id = l.limitId.replace(/:soft$/, "");
      const b = budget.get(id);
      const c = cap.get(id);
      let limit: bigint | null | undefined;
      let scope: Prisma.Sql | undefined;
      if (b) {
        // A budget with only a soft limit alerts as "project_budget" against that soft limit (checkBudgets does the same).
        limit = l.limitKind === "project_soft_limit" ? b.softLimitMicros : (b.hardLimitMicros ?? b.softLimitMicros);
        scope = Prisma.sql`"projectId" = ${b.projectId}`;
      } else if (c) {
        limit = l.limitKind === "team_soft_limit" ? c.softLimitMicros : c.hardLimitMicros;
        scope =
          c.scope === "team"
            ? Prisma.sql`"teamId" = ${options.teamId}`
            : c.projectId
              ? Prisma.sql`"projectId" = ${c.projectId} AND "userId" = ${c.userId}`
              : Prisma.sql`"teamId" = ${options.teamId} AND "userId" = ${c.userId}`;
      }
      if (!limit || !scope) return;
      const [row] = await db.$queryRaw<{ spent: string }[]>`
        SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry" WHERE ${scope} AND "createdAt" >= ${l.periodStart}`;
      usage.set(l.limitId, { limitMicros: limit, spentMicros: BigInt(row!.spent) });
    }),
  );
  return usage;
}
