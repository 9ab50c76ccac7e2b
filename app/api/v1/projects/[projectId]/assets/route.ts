// GET /api/v1/projects/:projectId/assets - the project's gallery: one keyset page of assets with filters, search and sort
import { json } from "@/lib/http/respond";
import { withProject } from "@/lib/http/with-project";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { galleryPage } from "@/lib/assets/gallery-page";
import { resolveCollectionQuery } from "@/lib/collections/resolve-collection-query";

export const GET = withProject("project.read", async ({ request, project }) => {
  const query = await resolveCollectionQuery({ projectId: project.id, query: listAssetsQuery.parse(Object.fromEntries(new URL(request.url).searchParams)) });
  return json(await galleryPage({ projectId: project.id, teamId: project.teamId, query }));
});
