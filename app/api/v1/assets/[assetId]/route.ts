// GET /api/v1/assets/:assetId - one asset with its whole recipe and lineage
// PATCH /api/v1/assets/:assetId - favourite, rating (1–5, 0/null clears) and approval status (editor and above)
// DELETE /api/v1/assets/:assetId - move to the trash; `?permanent=true` deletes a trashed asset for good (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withAsset } from "@/lib/http/with-asset";
import { updateAssetInput } from "@/lib/assets/asset-schemas";
import { getAssetDetail, getFreshAssetDetail } from "@/lib/assets/get-asset-detail";
import { updateAssets } from "@/lib/assets/update-assets";
import { trashAssets } from "@/lib/assets/trash-assets";
import { purgeAssets } from "@/lib/assets/purge-assets";

export const GET = withAsset("project.read", async ({ asset }) => json(await getAssetDetail(asset)));

export const PATCH = withAsset("asset.edit", async ({ request, asset, access }) => {
  const input = updateAssetInput.parse(await readJson(request));
  await updateAssets({ access, assets: [asset], input });
  return json(await getFreshAssetDetail(asset.id));
});

export const DELETE = withAsset("asset.edit", async ({ request, asset, access }) => {
  if (new URL(request.url).searchParams.get("permanent") === "true") {
    return json(await purgeAssets({ access, assets: [asset], requireTrashed: true }));
  }
  await trashAssets({ access, assets: [asset], restore: false });
  return json({ id: asset.id, trashed: true });
});
