import { DeleteObjectsCommand } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { publishAssetChange } from "@/lib/assets/publish-asset-change";

type Purgeable = Pick<Asset, "id" | "projectId" | "teamId" | "storageKey" | "thumbSmallKey" | "thumbLargeKey" | "deletedAt">;

/**
 * Deletes assets for good: the rows first, then every S3 object (original and thumbnails) that no remaining row still
 * names. Objects are content-addressed per team, so another asset with the same bytes — or a generation that used the
 * image as a reference — shares the key, and that object stays. Rows go before objects so a failure in between leaves
 * an orphaned object (harmless), never a row whose image is gone.
 */
export async function purgeAssets(options: { access: TeamAccess | null; assets: Purgeable[]; requireTrashed: boolean }) {
  const { assets } = options;
  if (options.requireTrashed && assets.some((a) => !a.deletedAt)) {
    throw new AppError("conflict", "Move the asset to the trash before deleting it for good.");
  }
  const ids = assets.map((a) => a.id);
  const keys = [...new Set(assets.flatMap((a) => [a.storageKey, a.thumbSmallKey, a.thumbLargeKey]).filter((k): k is string => !!k))];
  const { count } = await db.asset.deleteMany({
    where: { id: { in: ids }, ...(options.access && { teamId: options.access.teamId }), ...(options.requireTrashed && { deletedAt: { not: null } }) },
  });
  if (count > 0) await publishAssetChange(assets, "purged");
  const stillUsed = new Set<string>();
  if (keys.length > 0) {
    const [assetRefs, inputRefs] = await Promise.all([
      db.asset.findMany({
        where: { OR: [{ storageKey: { in: keys } }, { thumbSmallKey: { in: keys } }, { thumbLargeKey: { in: keys } }] },
        select: { storageKey: true, thumbSmallKey: true, thumbLargeKey: true },
      }),
      db.generationInput.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
    ]);
    for (const r of assetRefs) [r.storageKey, r.thumbSmallKey, r.thumbLargeKey].forEach((k) => k && stillUsed.add(k));
    for (const r of inputRefs) stillUsed.add(r.storageKey);
  }
  const orphaned = keys.filter((k) => !stillUsed.has(k));
  for (let i = 0; i < orphaned.length; i += 1000) {
    await s3().send(new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: orphaned.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
  }
  return { deleted: count, objectsRemoved: orphaned.length };
}
