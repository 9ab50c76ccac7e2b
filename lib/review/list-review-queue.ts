import { db } from "@/lib/db";
import { listAssets } from "@/lib/assets/list-assets";
import { galleryAssetDto } from "@/lib/assets/gallery-asset-dto";

/**
 * A project's review queue: its images in review, oldest first (first sent, first decided), each with how many
 * comments it has. Keyset-paged like the gallery, whose list it is with the approval filter set.
 */
export async function listReviewQueue(options: { projectId: string; teamId: string; cursor?: string; limit?: number }) {
  const { data, nextCursor } = await listAssets({
    projectId: options.projectId,
    teamId: options.teamId,
    query: { approval: "pending", sort: "oldest", limit: options.limit ?? 60, ...(options.cursor && { cursor: options.cursor }) },
  });
  const counts = data.length
    ? await db.assetComment.groupBy({ by: ["assetId"], where: { assetId: { in: data.map((a) => a.id) }, deletedAt: null }, _count: { _all: true } })
    : [];
  const commentCount = new Map(counts.map((c) => [c.assetId, c._count._all]));
  const now = Date.now();
  return {
    data: await Promise.all(data.map(async (a) => ({ ...(await galleryAssetDto(a, now)), commentCount: commentCount.get(a.id) ?? 0 }))),
    nextCursor,
  };
}
