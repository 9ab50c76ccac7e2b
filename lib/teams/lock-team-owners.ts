import type { Tx } from "@/lib/db";

/**
 * The team's owners, with their membership rows locked until the transaction ends. Every change that could remove
 * an owner takes this lock first, so two owners leaving at the same moment can't both see "another owner remains".
 */
export async function lockTeamOwners(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership" WHERE "teamId" = ${teamId} AND "role" = 'owner' ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.userId);
}
