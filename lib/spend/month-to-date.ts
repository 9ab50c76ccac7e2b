import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { periodStart } from "@/lib/spend/period";

export type MonthToDate = {
  spentMicros: number;
  softLimitMicros: number | null;
  hardLimitMicros: number | null;
  /** Straight-line: this month's spend so far over the share of the month gone. */
  projectedMicros: number;
  monthStart: string;
  monthEnd: string;
};

/**
 * This calendar month's spend (open reservations included, as the submit check counts it) against the limits that
 * apply: the project's monthly budget, or for the team view the team's monthly limit.
 */
export async function monthToDate(o: { teamId: string; projectId?: string; now?: Date }): Promise<MonthToDate> {
  const now = o.now ?? new Date();
  const start = periodStart("monthly", now);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const [sum, limits] = await Promise.all([
    db.$queryRaw<{ spent: string }[]>`
      SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry"
       WHERE ${o.projectId ? Prisma.sql`"projectId" = ${o.projectId}` : Prisma.sql`"teamId" = ${o.teamId}`} AND "createdAt" >= ${start}`,
    o.projectId
      ? db.budget.findUnique({ where: { projectId_period: { projectId: o.projectId, period: "monthly" } } })
      : db.spendCap.findUnique({ where: { teamId_scope: { teamId: o.teamId, scope: "team" } } }),
  ]);
  const spent = Number(sum[0]!.spent);
  const elapsed = Math.max(now.getTime() - start.getTime(), 3_600_000);
  return {
    spentMicros: spent,
    softLimitMicros: limits?.softLimitMicros == null ? null : Number(limits.softLimitMicros),
    hardLimitMicros: limits?.hardLimitMicros == null ? null : Number(limits.hardLimitMicros),
    projectedMicros: Math.round((spent * (end.getTime() - start.getTime())) / elapsed),
    monthStart: start.toISOString(),
    monthEnd: end.toISOString(),
  };
}
