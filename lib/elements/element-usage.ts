import { db } from "@/lib/db";

/**
 * How many generations used each version of these elements, one grouped count over GenerationElement (indexed on
 * elementVersionId). A generation uses an element once, so rows are generations.
 */
export async function elementVersionUsage(versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db.generationElement.groupBy({ by: ["elementVersionId"], where: { elementVersionId: { in: versionIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.elementVersionId, r._count._all]));
}
