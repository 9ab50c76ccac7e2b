import { db } from "@/lib/db";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { publishAssetChange } from "@/lib/assets/publish-asset-change";

/**
 * Moves assets to the trash (or back out of it). Only the assets not already there are stamped, so trashing twice
 * keeps the first time — the 30-day purge counts from when the asset was really deleted.
 */
export async function trashAssets(options: { access: TeamAccess; assets: Asset[]; restore: boolean }) {
  const ids = options.assets.map((a) => a.id);
  const { count } = await db.asset.updateMany({
    where: { id: { in: ids }, teamId: options.access.teamId, deletedAt: options.restore ? { not: null } : null },
    data: { deletedAt: options.restore ? null : new Date() },
  });
  if (count > 0) await publishAssetChange(options.assets, options.restore ? "restored" : "trashed");
  return { updated: count };
}
