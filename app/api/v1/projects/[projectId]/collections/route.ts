// GET /api/v1/projects/:projectId/collections - the project's collections (top-level, each followed by those inside it)
// POST /api/v1/projects/:projectId/collections - create a hand-picked or smart collection (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { createCollectionInput } from "@/lib/collections/collection-schemas";
import { createCollection } from "@/lib/collections/create-collection";
import { listCollections } from "@/lib/collections/list-collections";

export const GET = withProject("project.read", async ({ project }) => json({ data: await listCollections({ projectId: project.id }) }));

export const POST = withProject("asset.edit", async ({ request, access, project }) => {
  const input = createCollectionInput.parse(await readJson(request));
  return json(await createCollection({ access, project, input }), { status: 201 });
});
