import { db } from "@/lib/db";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { UpdateAssetInput } from "@/lib/assets/asset-schemas";
import { assertMayReview } from "@/lib/review/review-permission";
import { recordReviewEvents } from "@/lib/review/record-review-events";
import { publishAssetChange } from "@/lib/assets/publish-asset-change";

/**
 * Sets favourite / rating / approval status on assets the caller was already checked on (getAssetsOrThrow with
 * "asset.edit"). One statement for the whole set; `updatedAt` moves, which is what a live page's resync looks at.
 * A change of approval status is a review decision: only approvers may approve, reject or undo either
 * (review-permission.ts), and each asset whose status changes gets a history row in the same transaction.
 */
export async function updateAssets(options: { access: TeamAccess; assets: Asset[]; input: UpdateAssetInput }) {
  const { access, assets, input } = options;
  const to = input.approvalStatus;
  if (to !== undefined) assertMayReview({ access, assets, to });
  const updated = await db.$transaction(async (tx) => {
    const ids = assets.map((a) => a.id);
    // The statuses as they are now, locked, so the history's "from" is the one this write replaced.
    const before =
      to === undefined
        ? []
        : await tx.$queryRaw<{ id: string; approvalStatus: Asset["approvalStatus"] }[]>`
            SELECT "id", "approvalStatus" FROM "Asset" WHERE "id" = ANY(${ids}) AND "teamId" = ${access.teamId} ORDER BY "id" FOR UPDATE`;
    const { count } = await tx.asset.updateMany({
      where: { id: { in: ids }, teamId: access.teamId },
      data: {
        ...(input.favourite !== undefined && { favourite: input.favourite }),
        // 0 is "unrated" in the table (so the rating sort is one index); clients may clear with null or 0.
        ...(input.rating !== undefined && { rating: input.rating ?? 0 }),
        ...(to !== undefined && { approvalStatus: to }),
        ...(to !== undefined && to !== "approved" && { approvedAt: null }),
      },
    });
    // When it became approved is what the spend page's "cost per approved asset" counts by period
    // (lib/spend/spend-summary.ts): stamped on the move to approved only, so approving again keeps the first time.
    const newlyApproved = to === "approved" ? before.filter((row) => row.approvalStatus !== "approved").map((row) => row.id) : [];
    if (newlyApproved.length) await tx.asset.updateMany({ where: { id: { in: newlyApproved } }, data: { approvedAt: new Date() } });
    if (to !== undefined) {
      const byId = new Map(assets.map((a) => [a.id, a]));
      const changed = before.filter((row) => row.approvalStatus !== to).map((row) => ({ asset: byId.get(row.id)!, from: row.approvalStatus }));
      await recordReviewEvents({ tx, access, changes: changed, to });
    }
    return count;
  });
  // After the commit, so a tab that hears it reads the change.
  if (updated > 0) await publishAssetChange(assets, "updated");
  return { updated };
}
