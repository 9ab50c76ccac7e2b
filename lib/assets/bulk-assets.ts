import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { BulkAssetsInput } from "@/lib/assets/asset-schemas";
import { updateAssets } from "@/lib/assets/update-assets";
import { tagAssets } from "@/lib/assets/tag-assets";
import { trashAssets } from "@/lib/assets/trash-assets";
import { purgeAssets } from "@/lib/assets/purge-assets";

/** One bulk action over assets the caller was checked on as a whole (getAssetsOrThrow): all of them or none. */
export async function bulkAssets(options: { access: TeamAccess; assets: Asset[]; input: BulkAssetsInput }) {
  const { access, assets, input } = options;
  switch (input.action) {
    case "favourite":
    case "unfavourite":
      return updateAssets({ access, assets, input: { favourite: input.action === "favourite" } });
    case "approval":
      return updateAssets({ access, assets, input: { approvalStatus: input.approvalStatus } });
    case "tag":
      return tagAssets({ access, assets, add: input.tags });
    case "untag":
      return tagAssets({ access, assets, remove: input.tags });
    case "delete":
    case "restore":
      return trashAssets({ access, assets, restore: input.action === "restore" });
    case "purge": {
      const { deleted } = await purgeAssets({ access, assets, requireTrashed: true });
      return { updated: deleted };
    }
  }
}
