// POST /api/v1/teams/:teamId/elements/uploads - upload one element image (multipart `file`, JPEG/PNG ≤ 10 MB); answers its uploadKey
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { readElementUpload } from "@/lib/elements/read-element-upload";
import { storeElementUpload } from "@/lib/elements/store-element-upload";

export const POST = withTeam("element.manage", async ({ request, access }) => {
  const stored = await storeElementUpload({ access, bytes: await readElementUpload(request) });
  return json(stored, { status: 201 });
});
