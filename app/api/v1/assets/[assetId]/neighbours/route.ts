// GET /api/v1/assets/:assetId/neighbours - the previous and next asset in the gallery's order under its filters (same query as the asset list)
import { json } from "@/lib/http/respond";
import { withAsset } from "@/lib/http/with-asset";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { assetNeighbours } from "@/lib/assets/asset-neighbours";

export const GET = withAsset("project.read", async ({ request, asset, access }) => {
  const query = listAssetsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await assetNeighbours({ asset, teamId: access.teamId, query }));
});
