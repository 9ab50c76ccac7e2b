import { db } from "@/lib/db";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { UpdateAssetInput } from "@/lib/assets/asset-schemas";
import { publishAssetChange } from "@/lib/assets/publish-asset-change";

/**
 * Sets favourite / rating / approval status on assets the caller was already checked on (getAssetsOrThrow with
 * "asset.edit"). One statement for the whole set; `updatedAt` moves, which is what a live page's resync looks at.
 */
export async function updateAssets(options: { access: TeamAccess; assets: Asset[]; input: UpdateAssetInput }) {
  const { assets, input } = options;
  const { count } = await db.asset.updateMany({
    where: { id: { in: assets.map((a) => a.id) }, teamId: options.access.teamId },
    data: {
      ...(input.favourite !== undefined && { favourite: input.favourite }),
      // 0 is "unrated" in the table (so the rating sort is one index); clients may clear with null or 0.
      ...(input.rating !== undefined && { rating: input.rating ?? 0 }),
      ...(input.approvalStatus !== undefined && { approvalStatus: input.approvalStatus }),
    },
  });
  if (count > 0) await publishAssetChange(assets, "updated");
  return { updated: count };
}
