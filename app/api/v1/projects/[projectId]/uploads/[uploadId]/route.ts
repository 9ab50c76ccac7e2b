// POST /api/v1/projects/:projectId/uploads/:uploadId - check the uploaded image and make it an asset usable as a reference (editor and above)
import { json } from "@/lib/http/respond";
import { withProject } from "@/lib/http/with-project";
import { completeReferenceUpload } from "@/lib/uploads/complete-reference-upload";

export const POST = withProject("generation.create", async ({ params, access, project }) => {
  return json(await completeReferenceUpload({ access, projectId: project.id, uploadId: params.uploadId ?? "" }), { status: 201 });
});
