// GET /api/v1/assets/:assetId/comments - the image's comments, oldest first (replies name their parent)
// POST /api/v1/assets/:assetId/comments - add a comment or a reply; @email mentions notify those members (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withAsset } from "@/lib/http/with-asset";
import { addCommentInput } from "@/lib/review/comment-schemas";
import { addComment } from "@/lib/review/add-comment";
import { listComments } from "@/lib/review/list-comments";

export const GET = withAsset("project.read", async ({ asset }) => json({ data: await listComments({ assetId: asset.id }) }));

export const POST = withAsset("comment.create", async ({ request, asset, access }) => {
  const input = addCommentInput.parse(await readJson(request));
  return json(await addComment({ access, asset, input }), { status: 201 });
});
