import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ShareLink } from "@/lib/generated/prisma/client";
import { createId } from "@/lib/ids";
import { publishAssetChange } from "@/lib/assets/publish-asset-change";
import { shareLinkAsset } from "@/lib/share/share-link-assets";
import { shareNotFound } from "@/lib/share/find-share-link";

/**
 * A client approves or rejects an image through a link that allows it. The decision lands where a member's does
 * (Asset.approvalStatus, approvedAt, one AssetReviewEvent), attributed to the name they gave and the link.
 */
export async function setGuestApproval(options: { link: ShareLink; assetId: string; name: string; status: "approved" | "rejected" }) {
  const { link, assetId, name, status } = options;
  const asset = await shareLinkAsset(link, assetId);
  if (!asset) throw shareNotFound();
  if (!link.allowApprove) throw new AppError("forbidden", "This link doesn't take approvals.");
  const changed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ approvalStatus: typeof status | "none" | "pending" }[]>`
      SELECT "approvalStatus" FROM "Asset" WHERE "id" = ${asset.id} AND "projectId" = ${link.projectId} FOR UPDATE`;
    if (!row) throw shareNotFound();
    if (row.approvalStatus === status) return false;
    await tx.asset.update({ where: { id: asset.id }, data: { approvalStatus: status, approvedAt: status === "approved" ? new Date() : null } });
    await tx.assetReviewEvent.create({
      data: {
        id: createId("reviewEvent"), teamId: asset.teamId, projectId: asset.projectId, assetId: asset.id,
        guestName: name, shareLinkId: link.id, fromStatus: row.approvalStatus, toStatus: status,
      },
    });
    return true;
  });
  if (changed) await publishAssetChange([asset], "updated");
  return { status };
}
