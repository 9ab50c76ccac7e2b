// POST /api/v1/assets/:assetId/restore - take an asset back out of the trash (editor and above)
import { json } from "@/lib/http/respond";
import { withAsset } from "@/lib/http/with-asset";
import { trashAssets } from "@/lib/assets/trash-assets";

export const POST = withAsset("asset.edit", async ({ asset, access }) => {
  await trashAssets({ access, assets: [asset], restore: true });
  return json({ id: asset.id, trashed: false });
});
