// GET /api/v1/projects/:projectId/assets - the project's gallery: one keyset page of assets with filters, search and sort
import { json } from "@/lib/http/respond";
import { withProject } from "@/lib/http/with-project";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { listAssets } from "@/lib/assets/list-assets";
import { assetTagNames } from "@/lib/assets/asset-tag-names";
import { galleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";

export const GET = withProject("project.read", async ({ request, project }) => {
  const query = await resolveCollectionQuery({ projectId: project.id, query: listAssetsQuery.parse(Object.fromEntries(new URL(request.url).searchParams)) });
  const { data, nextCursor } = await listAssets({ projectId: project.id, teamId: project.teamId, query });
  const tags = await assetTagNames(data.map((a) => a.id));
  const now = Date.now();
  return json({ data: await Promise.all(data.map((a) => galleryAssetDto({ ...a, tags: tags.get(a.id) ?? [] }, now))), nextCursor });
});
