// POST /api/v1/projects/:projectId/uploads - a presigned POST to send one reference image straight to storage (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { createUploadInput } from "@/lib/uploads/upload-schemas";
import { createReferenceUpload } from "@/lib/uploads/create-reference-upload";

export const POST = withProject("generation.create", async ({ request, project }) => {
  const input = createUploadInput.parse(await readJson(request));
  return json(await createReferenceUpload({ teamId: project.teamId, input }), { status: 201 });
});
