// DELETE /api/v1/assets/:assetId/comments/:commentId - delete a comment (its author, or a project manager)
import { json } from "@/lib/http/respond";
import { withAsset } from "@/lib/http/with-asset";
import { deleteComment } from "@/lib/review/delete-comment";

export const DELETE = withAsset("comment.create", async ({ params, asset, access }) =>
  json(await deleteComment({ access, asset, commentId: params.commentId ?? "" })),
);
