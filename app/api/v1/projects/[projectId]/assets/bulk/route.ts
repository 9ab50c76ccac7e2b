// POST /api/v1/projects/:projectId/assets/bulk - favourite, tag, approve, trash, restore or purge up to 500 assets (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { bulkAssetsInput } from "@/lib/assets/asset-schemas";
import { getAssetsOrThrow } from "@/lib/assets/get-assets-or-throw";
import { bulkAssets } from "@/lib/assets/bulk-assets";

export const POST = withProject("asset.edit", async ({ request, access, project }) => {
  const input = bulkAssetsInput.parse(await readJson(request));
  // Every id is checked: it must be an asset of this project, which the caller may edit.
  const { assets } = await getAssetsOrThrow({ caller: access.caller, assetIds: input.assetIds, permission: "asset.edit", projectId: project.id });
  return json({ action: input.action, ...(await bulkAssets({ access, assets, input })) });
});
