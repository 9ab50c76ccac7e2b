import { db } from "@/lib/db";
import { toSpendCapDto } from "@/lib/spend/spend-cap-schemas";
import { periodStart } from "@/lib/spend/period";

/**
 * A team's caps, each with what its scope has spent this month (open reservations included, as the submit check counts
 * it). The caller has been checked on the team.
 */
export async function listSpendCaps(options: { teamId: string }) {
  const { teamId } = options;
  const since = periodStart("monthly");
  const caps = await db.spendCap.findMany({ where: { teamId }, orderBy: [{ scope: "asc" }] });
  return Promise.all(
    caps.map(async (cap) => {
      const sum = await db.spendEntry.aggregate({
        where: { teamId, createdAt: { gte: since }, ...(cap.userId ? { userId: cap.userId } : {}), ...(cap.projectId ? { projectId: cap.projectId } : {}) },
        _sum: { amountMicros: true },
      });
      return { ...toSpendCapDto(cap), spentMicros: Number(sum._sum.amountMicros ?? 0n) };
    }),
  );
}
