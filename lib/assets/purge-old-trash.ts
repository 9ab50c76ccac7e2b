import { db } from "@/lib/db";
import { purgeAssets } from "@/lib/assets/purge-assets";

export const TRASH_RETENTION_DAYS = 30;
const BATCH = 200;

/** Permanently deletes assets that have been in the trash longer than the retention, a batch at a time. */
export async function purgeOldTrash(options: { now?: Date; retentionDays?: number } = {}) {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.retentionDays ?? TRASH_RETENTION_DAYS) * 86_400_000);
  let total = 0;
  for (;;) {
    // Served by the ("deletedAt") index.
    const batch = await db.asset.findMany({
      where: { deletedAt: { not: null, lt: cutoff } },
      select: { id: true, projectId: true, teamId: true, storageKey: true, thumbSmallKey: true, thumbLargeKey: true, deletedAt: true },
      orderBy: { deletedAt: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { deleted: total };
    total += (await purgeAssets({ access: null, assets: batch, requireTrashed: true })).deleted;
    if (batch.length < BATCH) return { deleted: total };
  }
}
