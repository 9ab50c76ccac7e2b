import { db } from "@/lib/db";

/** A project's spend: the sum of its ledger entries (open reservations included) since `since`. */
export async function projectSpendMicros(options: { projectId: string; since?: Date }): Promise<bigint> {
  const result = await db.spendEntry.aggregate({
    where: { projectId: options.projectId, ...(options.since ? { createdAt: { gte: options.since } } : {}) },
    _sum: { amountMicros: true },
  });
  return result._sum.amountMicros ?? 0n;
}
