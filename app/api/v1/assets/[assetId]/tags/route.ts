// POST /api/v1/assets/:assetId/tags - add and remove tags by name (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withAsset } from "@/lib/http/with-asset";
import { tagAssetInput } from "@/lib/assets/asset-schemas";
import { tagAssets } from "@/lib/assets/tag-assets";
import { assetTagNames } from "@/lib/assets/asset-tag-names";

export const POST = withAsset("asset.edit", async ({ request, asset, access }) => {
  const input = tagAssetInput.parse(await readJson(request));
  await tagAssets({ access, assets: [asset], add: input.add, remove: input.remove });
  return json({ id: asset.id, tags: (await assetTagNames([asset.id])).get(asset.id) ?? [] });
});
