import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Assets of a team (or project) approved in [from, to) and still approved and live: the divisor of "cost per approved asset". */
export async function approvedAssetCount(o: { teamId: string; projectId?: string; from: Date; to: Date }): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM "Asset" a
     WHERE a."teamId" = ${o.teamId} ${o.projectId ? Prisma.sql`AND a."projectId" = ${o.projectId}` : Prisma.empty}
       AND a."approvalStatus" = 'approved' AND a."deletedAt" IS NULL
       AND a."approvedAt" >= ${o.from} AND a."approvedAt" < ${o.to}`;
  return rows[0]!.n;
}
