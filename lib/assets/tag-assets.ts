import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { publishAssetChange } from "@/lib/assets/publish-asset-change";

/**
 * Adds and removes tags (by name; a team's tag is created on first use) on assets the caller was already checked on.
 * Both halves are idempotent: adding a tag twice or removing one that isn't there changes nothing.
 */
export async function tagAssets(options: { access: TeamAccess; assets: Asset[]; add?: string[]; remove?: string[] }) {
  const teamId = options.access.teamId;
  const assetIds = options.assets.map((a) => a.id);
  const add = [...new Set(options.add ?? [])];
  const remove = [...new Set(options.remove ?? [])].filter((name) => !add.includes(name));
  await db.$transaction(async (tx) => {
    if (add.length > 0) {
      await tx.tag.createMany({ data: add.map((name) => ({ id: createId("tag"), teamId, name })), skipDuplicates: true });
      const tags = await tx.tag.findMany({ where: { teamId, name: { in: add } }, select: { id: true } });
      await tx.assetTag.createMany({ data: tags.flatMap((t) => assetIds.map((assetId) => ({ assetId, tagId: t.id }))), skipDuplicates: true });
    }
    if (remove.length > 0) {
      await tx.assetTag.deleteMany({ where: { assetId: { in: assetIds }, tag: { teamId, name: { in: remove } } } });
    }
    // The tags show on the gallery tile: move updatedAt so a live page's resync sees the change.
    await tx.asset.updateMany({ where: { id: { in: assetIds }, teamId }, data: { updatedAt: new Date() } });
  });
  await publishAssetChange(options.assets, "updated");
  return { updated: assetIds.length };
}
